/**
 * Awareness of Jest's fake timers, for the matchers and helpers that wait on the user's clock.
 *
 * The preset's environment knows which fake timers are installed and says so through
 * FAKE_TIMERS_PROBE. Without it (the setup-file-only route), the test context's `setTimeout` tells:
 * @sinonjs/fake-timers (Jest's "modern" timers) puts a `clock` property on what it installs, and
 * Jest's legacy timers are mocks whose implementation is their bound `_fakeSetTimeout` (a plain
 * `jest.spyOn(global, 'setTimeout')` is a mock too, but not fake time).
 */
import type { jest as JestObject } from '@jest/globals';
import { nextMacrotask } from './realTimers';

export type FakeTimersKind = 'modern' | 'legacy';

export const FAKE_TIMERS_PROBE = Symbol.for('jest-preset-async.fakeTimers');

export function fakeTimersKind(): FakeTimersKind | null {
  const probe = (globalThis as Record<symbol, unknown>)[FAKE_TIMERS_PROBE];
  if (typeof probe === 'function') return (probe as () => FakeTimersKind | null)();
  const timeout = globalThis.setTimeout as unknown as Record<string, unknown> & { getMockImplementation?: () => unknown };
  if (Object.prototype.hasOwnProperty.call(timeout, 'clock')) return 'modern';
  if (timeout._isMockFunction === true && (timeout.getMockImplementation?.() as { name?: string } | undefined)?.name === 'bound _fakeSetTimeout') {
    return 'legacy';
  }
  return null;
}

// `@jest/globals` is answered by Jest's module registry (it is never resolved on disk), and
// works with `injectGlobals: false`. Loaded lazily: only code that runs under fake timers needs it.
let jestObject: typeof JestObject | undefined;
function jestApi(): typeof JestObject {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jestObject ??= (require('@jest/globals') as { jest: typeof JestObject }).jest;
  return jestObject;
}

/** The fake clock's time in ms (`jest.now()`). */
export const fakeNow = (): number => jestApi().now();

/**
 * Moves the fake clock forward by `ms`, firing due timers, and lets the promise callbacks they
 * queue run. Modern timers do both in `advanceTimersByTimeAsync` (Jest 29.5+); legacy timers, and
 * Jest before 29.5, have only the synchronous form, so a real macrotask turn flushes the callbacks.
 */
export async function advanceFakeTime(kind: FakeTimersKind, ms: number): Promise<void> {
  const api = jestApi();
  if (kind === 'modern' && typeof api.advanceTimersByTimeAsync === 'function') {
    await api.advanceTimersByTimeAsync(ms);
  } else {
    api.advanceTimersByTime(ms);
    await nextMacrotask();
  }
}
