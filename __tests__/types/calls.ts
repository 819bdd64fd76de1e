// Type tests for the matchers, checked by `tsc -p` once per host in `npm test`: globals/ (`import { expect }
// from '@jest/globals'`) and global-expect/ (the global `expect` of @types/jest). Every
// `@ts-expect-error` line must be an error, every other line must compile.
import { expect, jest } from 'type-test-host';
import { collect, deferred, type AbortCleanlyOptions, eventually, mockAsyncIterable, mockSequence, trackConcurrency, withTimeout } from 'jest-preset-async';

class HttpError extends Error {
  status = 500;
}
async function* numbers() {
  yield 1;
}
const lock = jest.fn();
const write = jest.fn();
const pending = deferred<number>().promise;

export async function valid(): Promise<void> {
  await expect(pending).toResolveWithin(100);
  await expect(() => pending).not.toResolveWithin(0);
  await expect(pending).toRejectWith();
  await expect(pending).toRejectWith(HttpError);
  await expect(pending).toRejectWith('message');
  await expect(pending).toRejectWith(/message/);
  await expect(pending).toRejectWith({ status: 500 });
  await expect(pending).toRejectWith(new HttpError('boom'));
  await expect(pending).toRejectWith(HttpError, 'message');
  await expect(pending).toRejectWith(HttpError, /message/);
  await expect(pending).toRejectWith(HttpError, { status: 500 });
  await expect(pending).rejects.toRejectWith(HttpError);
  expect([lock, write, lock]).toHaveBeenCalledInOrder();
  expect([lock, write]).not.toBeCalledInOrder();
  await expect(pending).toBePending();
  await expect(numbers()).toYield([1]);
  await expect(numbers()).not.toYield([]);
  const tracked = trackConcurrency(async (id: string) => id.length);
  const length: number = await tracked('abc');
  expect(tracked).toHaveRunConcurrently();
  expect(tracked).not.toHaveRunConcurrently(3);
  const api = mockSequence([new Error('busy'), 1]);
  const answer: number = await api();
  void answer;
  await expect(api).toHaveResolved();
  await expect(api).toHaveResolvedWith(1);
  await expect(api).toHaveRejectedWith(HttpError, { status: 500 });
  await expect(api).not.toHaveRejectedWith('busy');
  await expect(api).toHaveResolvedTimes(1);
  await expect(api).not.toHaveResolvedTimes(0);
  await expect(api).toHaveNthResolvedWith(2, 1);
  await expect(api).toHaveNthResolvedWith(2, expect.any(Number));
  await expect(api).toHaveLastResolvedWith(1);
  await expect(api).not.toHaveLastResolvedWith({ id: 1 });
  await expect(api).toHaveRejectedTimes(1);
  await expect(api).toHaveNthRejectedWith(1);
  await expect(api).toHaveNthRejectedWith(1, 'busy');
  await expect(api).toHaveNthRejectedWith(1, /busy/);
  await expect(api).toHaveNthRejectedWith(1, new Error('busy'));
  await expect(api).toHaveNthRejectedWith(1, HttpError, { status: 500 });
  await expect(api).not.toHaveNthRejectedWith(2, HttpError, /busy/);
  await expect(api).toHaveLastRejectedWith();
  await expect(api).toHaveLastRejectedWith({ status: 500 });
  await expect(api).not.toHaveLastRejectedWith(HttpError, 'busy');
  await expect(() => undefined).toLeaveNothingRunning();
  await expect(async () => undefined).not.toLeaveNothingRunning();
  await expect((signal: AbortSignal) => Promise.resolve(signal.aborted)).toAbortCleanly();
  await expect((signal: AbortSignal) => Promise.resolve(signal)).toAbortCleanly({ after: 5, within: 100 });
  const abortOptions: AbortCleanlyOptions = { everyStep: true, maxRuns: 20 };
  await expect(() => undefined).not.toAbortCleanly(abortOptions);
  const nthResult: Promise<void> = expect(api).toHaveNthResolvedWith(1, 1);
  await nthResult;
  const values: string[] = await collect(mockAsyncIterable(['a']), { limit: 1 });
  const value: number = await withTimeout(() => Promise.resolve(length), 10);
  const polled: string = await eventually(async () => values[0] ?? '', { timeout: 10, interval: 1 });
  void [value, polled];
  const asyncResult: Promise<void> = expect(pending).toResolveWithin(1);
  const syncResult: void = expect([lock]).toHaveBeenCalledInOrder();
  await asyncResult;
  return syncResult;
}

export function invalid(): void {
  // @ts-expect-error the limit is a number of milliseconds
  void expect(pending).toResolveWithin('100');
  // @ts-expect-error the limit is required
  void expect(pending).toResolveWithin();
  // @ts-expect-error a detail needs an Error class before it
  void expect(pending).toRejectWith('message', 'detail');
  // @ts-expect-error a number is not a rejection expectation
  void expect(pending).toRejectWith(404);
  // @ts-expect-error the order matcher takes no argument
  expect([lock]).toHaveBeenCalledInOrder(write);
  // @ts-expect-error toBePending takes no argument
  void expect(pending).toBePending(10);
  // @ts-expect-error toYield takes an array of values
  void expect(numbers()).toYield(1);
  // @ts-expect-error min is a number
  expect(lock).toHaveRunConcurrently('2');
  // @ts-expect-error toHaveResolved takes no argument
  void expect(lock).toHaveResolved(1);
  // @ts-expect-error the number of calls is a number
  void expect(lock).toHaveResolvedTimes('2');
  // @ts-expect-error the number of calls is required
  void expect(lock).toHaveRejectedTimes();
  // @ts-expect-error the call number comes first
  void expect(lock).toHaveNthResolvedWith({ id: 1 });
  // @ts-expect-error the call number is a number
  void expect(lock).toHaveNthResolvedWith('1', { id: 1 });
  // @ts-expect-error toHaveLastResolvedWith takes one value
  void expect(lock).toHaveLastResolvedWith(1, 2);
  // @ts-expect-error the call number is required
  void expect(lock).toHaveNthRejectedWith();
  // @ts-expect-error a number is not a rejection expectation
  void expect(lock).toHaveNthRejectedWith(1, 404);
  // @ts-expect-error a detail needs an Error class before it
  void expect(lock).toHaveLastRejectedWith('message', 'detail');
  // @ts-expect-error toLeaveNothingRunning takes no argument
  void expect(lock).toLeaveNothingRunning(100);
  // @ts-expect-error after is a number of milliseconds
  void expect(lock).toAbortCleanly({ after: '5' });
  // @ts-expect-error an unknown option
  void expect(lock).toAbortCleanly({ afterMs: 5 });
  // @ts-expect-error everyStep is true or false
  void expect(lock).toAbortCleanly({ everyStep: 1 });
  // @ts-expect-error a cleanup matcher returns a promise, not void
  const notVoidCleanup: void = expect(lock).toAbortCleanly();
  void notVoidCleanup;
  // @ts-expect-error an async matcher returns a promise, not void
  const notVoid: void = expect(lock).toHaveLastRejectedWith();
  void notVoid;
  // @ts-expect-error withTimeout needs a limit
  void withTimeout(pending);
  // @ts-expect-error the tracked function keeps the signature of the original
  void trackConcurrency(async (id: string) => id)(42);
  // @ts-expect-error a synchronous matcher does not return a promise
  const notAPromise: Promise<void> = expect([lock]).toHaveBeenCalledInOrder();
  void notAPromise;
}
