import { createHook } from 'node:async_hooks';
import { getEventListeners } from 'node:events';
import { deferred, TimeoutError, withTimeout } from '../../src';

/** Records the real timers created while `body` runs, to check that none is left armed. */
async function timersDuring(body: () => Promise<unknown>) {
  const timers: Array<{ _destroyed?: boolean }> = [];
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type === 'Timeout') timers.push(resource as { _destroyed?: boolean });
    },
  }).enable();
  try {
    await body();
  } finally {
    hook.disable();
  }
  return timers;
}

describe('withTimeout', () => {
  test('returns the value when the promise settles first, and clears its timer', async () => {
    const answer = deferred<string>();
    const timers = await timersDuring(async () => {
      const pending = withTimeout(answer.promise, 60_000);
      answer.resolve('pong');
      await expect(pending).resolves.toBe('pong');
    });
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.filter((timer) => !timer._destroyed)).toEqual([]);
  });

  test('passes a rejection through, and clears its timer', async () => {
    const timers = await timersDuring(() => expect(withTimeout(Promise.reject(new Error('refused')), 60_000)).rejects.toThrow('refused'));
    expect(timers.filter((timer) => !timer._destroyed)).toEqual([]);
  });

  test('rejects with TimeoutError naming the limit when the promise is still pending', async () => {
    const error = await withTimeout(deferred().promise, 5).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'Timed out after 5 ms', ms: 5 });
    expect((error as Error).cause).toEqual(new Error('the operation was still pending after 5 ms'));
  });

  test('the cause names a function that was still pending', async () => {
    const connect = () => deferred().promise;
    const error = (await withTimeout(connect, 1).catch((e: unknown) => e)) as Error;
    expect(error.cause).toEqual(new Error('connect() was still pending after 1 ms'));
  });

  test('takes a function returning the promise, and a message of its own', async () => {
    await expect(withTimeout(() => Promise.resolve(1), 100)).resolves.toBe(1);
    await expect(withTimeout(() => deferred().promise, 5, { message: 'server did not close' })).toRejectWith(TimeoutError, {
      message: 'server did not close',
      ms: 5,
    });
  });

  test('its deadline runs on the real clock, so fake timers cannot freeze it', async () => {
    jest.useFakeTimers();
    try {
      await expect(withTimeout(deferred().promise, 5)).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      jest.useRealTimers();
    }
  });

  test('an abort rejects with the signal reason, before or during the wait', async () => {
    const before = new AbortController();
    before.abort(new Error('shutting down'));
    await expect(withTimeout(deferred().promise, 60_000, { signal: before.signal })).rejects.toThrow('shutting down');

    const during = new AbortController();
    const waiting = withTimeout(deferred().promise, 60_000, { signal: during.signal });
    during.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('removes its abort listener on every path', async () => {
    const controller = new AbortController();
    await withTimeout(Promise.resolve(1), 100, { signal: controller.signal });
    await withTimeout(deferred().promise, 1, { signal: controller.signal }).catch(() => undefined);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test.each([
    ['input that is not a promise', [42, 10], 'withTimeout: input must be a promise or a function returning one, received 42'],
    ['a negative limit', [Promise.resolve(), -1], 'withTimeout: ms must be a non-negative number of milliseconds up to 2147483647, received -1'],
    ['a limit that is not a number', [Promise.resolve(), '5'], "withTimeout: ms must be a non-negative number of milliseconds up to 2147483647, received '5'"],
    ['a signal that is not one', [Promise.resolve(), 5, { signal: {} }], 'withTimeout: options.signal must be an AbortSignal, received {}'],
  ])('bad input: %s is a TypeError that says what was wrong', async (_what, args, text) => {
    await expect((withTimeout as (...a: unknown[]) => Promise<unknown>)(...args)).rejects.toThrow(new TypeError(text));
  });
});
