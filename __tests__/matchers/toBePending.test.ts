import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';

describe('.toBePending', () => {
  test('passes for a promise nobody settled', async () => {
    await expect(deferred().promise).toBePending();
  });

  test('passes for a function returning a pending promise, calling it once', async () => {
    const start = jest.fn(() => deferred().promise);
    await expect(start).toBePending();
    expect(start).toHaveBeenCalledTimes(1);
  });

  test('lets queued callbacks run first: a chain of awaits that settles is not pending', async () => {
    const chain = (async () => {
      for (let i = 0; i < 50; i++) await null;
      return 'done';
    })();
    await expect(chain).not.toBePending();
  });

  test('lets one macrotask turn run: a promise resolved by setImmediate is not pending', async () => {
    await expect(new Promise((resolve) => setImmediate(resolve))).not.toBePending();
  });

  test('does not wait for the promise: a long timer keeps it pending', async () => {
    const timer = deferred();
    const handle = setTimeout(timer.resolve, 60_000);
    try {
      await expect(timer.promise).toBePending();
    } finally {
      clearTimeout(handle);
    }
  });

  test('fails for a fulfilled promise, showing the value', async () => {
    const message = await failureOf(() => expect(Promise.resolve([1, 2])).toBePending());
    expect(message).toBe('expect(received).toBePending()\n\nExpected: to be pending\nReceived: resolved with [1, 2]');
  });

  test('fails for a rejected promise, showing the reason', async () => {
    const message = await failureOf(() => expect(Promise.reject(new Error('lost'))).toBePending());
    expect(message).toContain('Received: rejected with Error: lost');
  });

  test('under fake timers, a promise waiting on a fake timer stays pending', async () => {
    jest.useFakeTimers();
    try {
      await expect(new Promise((resolve) => setTimeout(resolve, 10))).toBePending();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('.not.toBePending', () => {
  test('passes for a settled promise', async () => {
    const answer = deferred<number>();
    answer.resolve(1);
    await expect(answer.promise).not.toBePending();
  });

  test('fails for a pending promise', async () => {
    const message = await failureOf(() => expect(deferred().promise).not.toBePending());
    expect(message).toBe(
      'expect(received).not.toBePending()\n\nExpected: to have settled\n' +
        'Received: still pending after the queued callbacks and one macrotask turn ran',
    );
  });
});

describe('.toBePending bad input', () => {
  test.each([
    ['a value', 'ready', 'Received has type:  string'],
    ['null', null, 'Received has value: null'],
  ])('received %s is a matcher error, also under .not', async (_what, received, detail) => {
    for (const assertion of [() => expect(received).toBePending(), () => expect(received).not.toBePending()]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a promise or a function returning one');
      expect(message).toContain(detail);
    }
  });

  test('an argument is a matcher error, also next to a rejected promise (no unhandled rejection)', async () => {
    for (const promise of [deferred().promise, Promise.reject(new Error('unobserved'))]) {
      const message = await failureOf(() => (expect(promise).toBePending as (arg: unknown) => Promise<void>)(100));
      expect(message).toContain('Matcher error: this matcher must not have an expected argument');
    }
  });
});
