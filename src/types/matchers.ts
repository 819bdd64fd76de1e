/**
 * The matchers' types: one interface, extended into both places Jest users get `expect` from —
 * the `expect` module (`import { expect } from '@jest/globals'`) and the global `jest.Matchers`
 * of `@types/jest`. Loaded by any import of the package, or by `"types": ["jest-preset-async"]`.
 */

/** Anything the async matchers accept: a promise, a thenable, or a function that returns one. */
export type AsyncInput = PromiseLike<unknown> | (() => PromiseLike<unknown>);

/** An Error class, as `toRejectWith` takes it (abstract classes included). */
export type ErrorClass = abstract new (...args: never[]) => unknown;

/** What a rejection may be matched against; see `toRejectWith`. */
export type RejectionExpectation = ErrorClass | string | RegExp | Error | Record<string, unknown>;

export interface AsyncMatchers<R = unknown> {
  /**
   * Passes when the promise (or the promise a function returns) fulfils within `ms` milliseconds;
   * under Jest's fake timers it advances the fake clock instead of waiting. Must be awaited.
   * @example await expect(client.connect()).toResolveWithin(500);
   */
  toResolveWithin(ms: number): Promise<void>;

  /**
   * Passes when the promise rejects with a reason matching `expected`: a class (instanceof), a string
   * (substring of the message), a RegExp (searched in the message), an object (subset of properties)
   * or an Error instance (same class and message). Must be awaited.
   * @example await expect(api.get('/x')).toRejectWith(HttpError, /404/);
   */
  toRejectWith(expected?: RejectionExpectation): Promise<void>;
  /**
   * Passes when the promise rejects with an instance of `errorClass` whose message contains `detail`
   * (string), matches it (RegExp), or whose properties include `detail` (object). Must be awaited.
   * @example await expect(api.get('/x')).toRejectWith(HttpError, { status: 404 });
   */
  toRejectWith(errorClass: ErrorClass, detail: string | RegExp | Record<string, unknown>): Promise<void>;

  /**
   * Passes when the listed mocks were called in this order; each entry takes the next unused call
   * of its mock, so `[lock, write, lock]` means lock, then write, then lock again.
   * @example expect([lock, write, unlock]).toHaveBeenCalledInOrder();
   */
  toHaveBeenCalledInOrder(): R;

  /**
   * Alias of `toHaveBeenCalledInOrder`.
   * @example expect([lock, write, unlock]).toBeCalledInOrder();
   */
  toBeCalledInOrder(): R;

  /**
   * Passes when the promise has not settled after the queued callbacks ran (microtasks and one
   * macrotask turn). It never waits for the promise itself. Must be awaited.
   * @example await expect(lock.acquire()).toBePending();
   */
  toBePending(): Promise<void>;

  /**
   * Passes when iterating the (async) iterable to its end yields exactly `values`, compared with
   * recursive equality. Must be awaited.
   * @example await expect(stream.messages()).toYield(['a', 'b']);
   */
  toYield(values: readonly unknown[]): Promise<void>;

  /**
   * Passes when a function made by `trackConcurrency` had at least `min` calls (default 2) in flight
   * at once.
   * @example expect(fetchUser).toHaveRunConcurrently(3);
   */
  toHaveRunConcurrently(min?: number): R;

  /**
   * Passes when at least one call of the mock returned a promise that fulfilled. Must be awaited.
   * @example await expect(api.save).toHaveResolved();
   */
  toHaveResolved(): Promise<void>;

  /**
   * Passes when at least one call of the mock returned a promise that fulfilled with `value`
   * (recursive equality). Must be awaited.
   * @example await expect(api.get).toHaveResolvedWith({ id: 7 });
   */
  toHaveResolvedWith(value: unknown): Promise<void>;

  /**
   * Passes when at least one call of the mock returned a promise that rejected with a matching
   * reason, in the forms of `toRejectWith`. Must be awaited.
   * @example await expect(api.get).toHaveRejectedWith(HttpError, { status: 503 });
   */
  toHaveRejectedWith(expected?: RejectionExpectation): Promise<void>;
  /**
   * Passes when at least one call of the mock returned a promise that rejected with an instance of
   * `errorClass` matching `detail`. Must be awaited.
   * @example await expect(api.get).toHaveRejectedWith(HttpError, /503/);
   */
  toHaveRejectedWith(errorClass: ErrorClass, detail: string | RegExp | Record<string, unknown>): Promise<void>;

  /**
   * Passes when exactly `times` calls of the mock returned a promise that fulfilled. Must be awaited.
   * @example await expect(api.save).toHaveResolvedTimes(2);
   */
  toHaveResolvedTimes(times: number): Promise<void>;

  /**
   * Passes when the n-th call of the mock (from 1) returned a promise that fulfilled with `value`
   * (recursive equality). Must be awaited.
   * @example await expect(api.get).toHaveNthResolvedWith(2, { id: 7 });
   */
  toHaveNthResolvedWith(n: number, value: unknown): Promise<void>;

  /**
   * Passes when the last call of the mock returned a promise that fulfilled with `value` (recursive
   * equality). Must be awaited.
   * @example await expect(api.get).toHaveLastResolvedWith({ id: 7 });
   */
  toHaveLastResolvedWith(value: unknown): Promise<void>;

  /**
   * Passes when exactly `times` calls of the mock returned a promise that rejected. Must be awaited.
   * @example await expect(transport.send).toHaveRejectedTimes(2);
   */
  toHaveRejectedTimes(times: number): Promise<void>;

  /**
   * Passes when the n-th call of the mock (from 1) returned a promise that rejected with a matching
   * reason, in the forms of `toRejectWith` (any rejection without one). Must be awaited.
   * @example await expect(transport.send).toHaveNthRejectedWith(1, 'ETIMEDOUT');
   */
  toHaveNthRejectedWith(n: number, expected?: RejectionExpectation): Promise<void>;
  /**
   * Passes when the n-th call of the mock (from 1) returned a promise that rejected with an instance
   * of `errorClass` matching `detail`. Must be awaited.
   * @example await expect(api.get).toHaveNthRejectedWith(1, HttpError, { status: 503 });
   */
  toHaveNthRejectedWith(n: number, errorClass: ErrorClass, detail: string | RegExp | Record<string, unknown>): Promise<void>;

  /**
   * Passes when the last call of the mock returned a promise that rejected with a matching reason,
   * in the forms of `toRejectWith` (any rejection without one). Must be awaited.
   * @example await expect(transport.send).toHaveLastRejectedWith(/ECONNRESET/);
   */
  toHaveLastRejectedWith(expected?: RejectionExpectation): Promise<void>;
  /**
   * Passes when the last call of the mock returned a promise that rejected with an instance of
   * `errorClass` matching `detail`. Must be awaited.
   * @example await expect(api.get).toHaveLastRejectedWith(HttpError, /503/);
   */
  toHaveLastRejectedWith(errorClass: ErrorClass, detail: string | RegExp | Record<string, unknown>): Promise<void>;

  /**
   * Calls the function (sync or async), awaits it, waits the grace period, and passes when nothing
   * it started is still running: timers, sockets, servers, child processes, pending promises
   * something waits on. Needs the preset's environment. Must be awaited.
   * @example await expect(() => pool.drain()).toLeaveNothingRunning();
   */
  toLeaveNothingRunning(): Promise<void>;

  /**
   * Calls the function with a fresh AbortSignal, aborts it `after` ms (default: after one macrotask
   * turn), and passes when within `within` ms (default 1000) its promise settles (fulfils, or
   * rejects with the signal's reason or an AbortError) and nothing it started is still running.
   * `everyStep: true` aborts a fresh run at each point where it gives the event loop back, up to
   * `maxRuns` (default 100). Needs the preset's environment. Must be awaited.
   * @example await expect((signal) => agent.run(signal)).toAbortCleanly({ everyStep: true });
   */
  toAbortCleanly(options?: AbortCleanlyOptions): Promise<void>;
}

/** The options of `toAbortCleanly`. */
export interface AbortCleanlyOptions {
  /** Milliseconds before the abort (fake ones under fake timers); default 0: after one macrotask turn. */
  after?: number;
  /** Milliseconds the promise has to settle after the abort; default 1000. */
  within?: number;
  /** Abort a fresh run at each point where the function gives the event loop back. */
  everyStep?: boolean;
  /** With everyStep: at most this many runs, spread evenly over the steps; default 100. */
  maxRuns?: number;
}

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<R extends void | Promise<void>, T = unknown> extends AsyncMatchers<R> {}
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> extends AsyncMatchers<R> {}
  }
}
