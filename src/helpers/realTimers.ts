/**
 * The real clock, captured from Node's own modules when this file loads.
 *
 * `jest.useFakeTimers()` replaces the globals of the test context (`setTimeout`, `Date`,
 * `performance`, ...), not Node's `timers` and `perf_hooks` modules. Sinon's `install()` does
 * replace the `timers` module's functions (and `perf_hooks`' `performance.now`), in the one module
 * object every realm shares: these are read once, when this file loads — in the environment before
 * any test file, and in each test file's registry from the setup file, before its hooks run — and
 * keep running in real time whatever the test does with its clock.
 */
import { performance } from 'node:perf_hooks';
import * as timers from 'node:timers';

export const realSetTimeout = timers.setTimeout;
export const realClearTimeout = timers.clearTimeout;
export const realSetImmediate = timers.setImmediate;
export const realClearImmediate = timers.clearImmediate;

/** Milliseconds on a monotonic real clock (sinon 15 replaces the shared `performance.now` too: the original, bound). */
export const realNow: () => number = performance.now.bind(performance);

/** Resolves after one real macrotask turn (after the microtasks queued before it). */
export const nextMacrotask = (): Promise<void> =>
  new Promise<void>((resolve) => {
    realSetImmediate(resolve);
  });

/** Resolves after `ms` real milliseconds; the timer is unref'd so it never holds the process. */
export const realSleep = (ms: number): Promise<void> =>
  new Promise<void>((resolve) => {
    realSetTimeout(resolve, ms).unref();
  });
