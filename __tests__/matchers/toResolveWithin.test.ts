import { createHook } from 'node:async_hooks';
import { deferred } from '../../src';
import { failureOf } from '../helpers/failure';

const never = () => new Promise<never>(() => undefined);

/** A promise resolved by a busy wait: it settles after `ms` of real time, whatever the timers do. */
function resolvedAfterBusyWait(ms: number, value: unknown) {
  return () => {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // spin
    }
    return Promise.resolve(value);
  };
}

describe('.toResolveWithin', () => {
  test('passes for a promise that fulfils within the limit', async () => {
    const answer = deferred<number>();
    queueMicrotask(() => answer.resolve(42));
    await expect(answer.promise).toResolveWithin(1000);
  });

  test('passes for a function returning a promise, which it calls once', async () => {
    const start = jest.fn(async () => 'ready');
    await expect(start).toResolveWithin(1000);
    expect(start).toHaveBeenCalledTimes(1);
  });

  test('accepts a thenable that is not a native promise', async () => {
    const thenable = { then: (resolve: (value: string) => void) => resolve('ok') };
    await expect(thenable).toResolveWithin(100);
  });

  test('a limit of 0 passes for a promise that is already fulfilled', async () => {
    await expect(Promise.resolve('now')).toResolveWithin(0);
  });

  test('fails when still pending, naming the limit and the time waited', async () => {
    const message = await failureOf(() => expect(never()).toResolveWithin(20));
    expect(message).toMatch(/^expect\(received\)\.toResolveWithin\(ms\)\n\nExpected: to resolve within 20 ms\nReceived: still pending after \d+(\.\d)? ms$/);
  });

  test('fails when rejected, showing the reason', async () => {
    const message = await failureOf(() => expect(Promise.reject(new TypeError('connection refused'))).toResolveWithin(100));
    expect(message).toContain('Expected: to resolve within 100 ms');
    expect(message).toMatch(/Received: rejected after (less than 1|\d+(\.\d)?) ms with TypeError: connection refused/);
  });

  test('fails when it fulfilled after the limit, saying how late', async () => {
    const message = await failureOf(() => expect(resolvedAfterBusyWait(30, 'slow')).toResolveWithin(5));
    expect(message).toMatch(/Received: resolved after \d+(\.\d)? ms with "slow" \(\d+(\.\d)? ms late\)/);
  });

  test('a synchronous throw of the function is a rejection', async () => {
    const message = await failureOf(() =>
      expect(() => {
        throw new RangeError('bad port');
      }).toResolveWithin(100),
    );
    expect(message).toMatch(/rejected after .* with RangeError: bad port/);
  });

  test('its own timer is cleared when the promise settles first', async () => {
    // The matcher's timers, told from Jest's own by their delay (Node keeps it in `_idleTimeout`).
    // With a limit of a minute none of them can have fired: destroyed means cleared.
    const timers: Array<{ _destroyed?: boolean; _idleTimeout?: number }> = [];
    const hook = createHook({
      init(_id, type, _trigger, resource) {
        const timer = resource as (typeof timers)[number];
        if (type === 'Timeout' && timer._idleTimeout === 60_000) timers.push(timer);
      },
    }).enable();
    try {
      await expect(Promise.resolve(1)).toResolveWithin(60_000);
      await expect(Promise.reject(new Error('x'))).not.toResolveWithin(60_000);
      await expect(async () => 'value').toResolveWithin(60_000);
    } finally {
      hook.disable();
    }
    expect(timers).toHaveLength(3);
    expect(timers.filter((timer) => !timer._destroyed)).toEqual([]);
  });

  test('a spy on setTimeout is not mistaken for fake timers', async () => {
    const spy = jest.spyOn(globalThis, 'setTimeout');
    try {
      await expect(new Promise((resolve) => setTimeout(resolve, 20))).toResolveWithin(2000);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('.not.toResolveWithin', () => {
  test('passes when the promise stays pending past the limit', async () => {
    await expect(never()).not.toResolveWithin(5);
  });

  test('passes when the promise rejects', async () => {
    await expect(Promise.reject(new Error('nope'))).not.toResolveWithin(100);
  });

  test('fails when it fulfilled in time, showing the value', async () => {
    const message = await failureOf(() => expect(Promise.resolve({ id: 7 })).not.toResolveWithin(100));
    expect(message).toMatch(/^expect\(received\)\.not\.toResolveWithin\(ms\)\n\nExpected: not to resolve within 100 ms\nReceived: resolved after .* ms with \{"id": 7\}$/);
  });
});

describe('.toResolveWithin under fake timers', () => {
  afterEach(() => jest.useRealTimers());

  test('modern: advances the fake clock and passes when the timer is due within the limit', async () => {
    jest.useFakeTimers();
    const startedAt = jest.now();
    await expect(new Promise((resolve) => setTimeout(resolve, 5000, 'done'))).toResolveWithin(6000);
    // It stops advancing once the promise settled: at most one step (limit / 20) past the timer.
    expect(jest.now() - startedAt).toBeLessThanOrEqual(5000 + 300);
  });

  test('modern: fails without waiting when the timer is due after the limit', async () => {
    jest.useFakeTimers();
    const message = await failureOf(() => expect(new Promise((resolve) => setTimeout(resolve, 60_000))).toResolveWithin(1000));
    expect(message).toContain('Expected: to resolve within 1000 ms\nReceived: still pending after 1000 ms');
    expect(message).toContain('Fake timers (modern) are on: the fake clock was advanced, no real time was spent.');
  });

  test('modern: follows a chain of timers and awaits', async () => {
    jest.useFakeTimers();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const retrying = async () => {
      for (let attempt = 0; attempt < 3; attempt++) await sleep(100);
      return 'third time';
    };
    await expect(retrying).toResolveWithin(400);
    await expect(retrying).not.toResolveWithin(250);
  });

  test('legacy: advances the fake clock too', async () => {
    jest.useFakeTimers({ legacyFakeTimers: true });
    await expect(new Promise((resolve) => setTimeout(resolve, 500))).toResolveWithin(1000);
    const message = await failureOf(() => expect(new Promise((resolve) => setTimeout(resolve, 5000))).toResolveWithin(100));
    expect(message).toContain('Fake timers (legacy) are on');
  });
});

describe('.toResolveWithin bad input', () => {
  test.each([
    ['a number', 42, 'Received has type:  number'],
    ['undefined', undefined, 'Received has value: undefined'],
    ['an object without then', { done: true }, 'Received has type:  object'],
  ])('received %s is a matcher error, also under .not', async (_what, received, detail) => {
    for (const assertion of [() => expect(received).toResolveWithin(10), () => expect(received).not.toResolveWithin(10)]) {
      const message = await failureOf(assertion);
      expect(message).toContain('Matcher error: received value must be a promise or a function returning one');
      expect(message).toContain(detail);
    }
  });

  test('a function that returns something other than a promise is a matcher error', async () => {
    const message = await failureOf(() => expect(() => 'sync').not.toResolveWithin(10));
    expect(message).toContain('Matcher error: received function must return a promise');
    expect(message).toContain('Returned has type:  string');
  });

  test.each([
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a string', '100'],
    ['missing', undefined],
    ['beyond what a timer can wait', 2 ** 31],
  ])('a limit that is %s is a matcher error', async (_what, ms) => {
    const message = await failureOf(() => expect(Promise.resolve(1)).toResolveWithin(ms as number));
    expect(message).toContain('Matcher error: expected value must be a finite number of milliseconds from 0 to 2147483647');
    expect(message).toMatch(/Expected has (type|value)/);
  });
});
