/**
 * Awareness of Jest's fake timers, for the matchers and helpers that wait on the user's clock.
 *
 * Detection reads the test context's `setTimeout`: @sinonjs/fake-timers (Jest's "modern" timers)
 * puts a `clock` property on the functions it installs; Jest's legacy timers are `jest.fn`s.
 */
import type { jest as JestObject } from '@jest/globals';
import { nextMacrotask } from './realTimers';

export type FakeTimersKind = 'modern' | 'legacy';

export function fakeTimersKind(): FakeTimersKind | null {
  const timeout = globalThis.setTimeout as unknown as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(timeout, 'clock')) return 'modern';
  if (timeout._isMockFunction === true) return 'legacy';
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
 * Moves the fake clock forward by `ms`, firing due timers, and lets the promise callbacks
 * they queue run. Modern timers do both in `advanceTimersByTimeAsync`; legacy timers have
 * only the synchronous form, so a real macrotask turn flushes the promise callbacks.
 */
export async function advanceFakeTime(kind: FakeTimersKind, ms: number): Promise<void> {
  if (kind === 'modern') {
    await jestApi().advanceTimersByTimeAsync(ms);
  } else {
    jestApi().advanceTimersByTime(ms);
    await nextMacrotask();
  }
}
