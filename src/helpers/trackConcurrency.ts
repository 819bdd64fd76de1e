import { badArgument } from './validate';

/** One start or end of a call of a tracked function, in the order they happened. */
export interface ConcurrencyEvent {
  event: 'start' | 'end';
  /** Which call, counted from 1. */
  call: number;
  /** Calls in flight right after this event. */
  inFlight: number;
}

export interface ConcurrencyRecord {
  /** The most calls that were in flight at once. */
  readonly maxInFlight: number;
  /** Calls in flight now. */
  readonly inFlight: number;
  /** How many calls were made. */
  readonly calls: number;
  readonly timeline: readonly ConcurrencyEvent[];
}

export type Tracked<F extends (...args: never[]) => unknown> = F & ConcurrencyRecord;

export const TRACKED = Symbol.for('jest-preset-async.trackConcurrency');

/** The record of a function made by `trackConcurrency`, or undefined for any other value. */
export const concurrencyRecordOf = (value: unknown): ConcurrencyRecord | undefined =>
  typeof value === 'function' ? (value as unknown as { [TRACKED]?: ConcurrencyRecord })[TRACKED] : undefined;

/**
 * Wraps an async function to record how many of its calls were in flight at once, so that "these
 * ran concurrently" is checked without timing: `expect(tracked).toHaveRunConcurrently()`.
 * A call is in flight from its start until the promise it returned settles.
 * @example
 * const fetchUser = trackConcurrency(async (id: string) => api.get(id));
 * await loadAll(['a', 'b', 'c'], fetchUser);
 * expect(fetchUser).toHaveRunConcurrently(3);
 */
export function trackConcurrency<F extends (...args: never[]) => unknown>(fn: F): Tracked<F> {
  if (typeof fn !== 'function') throw badArgument('trackConcurrency', 'fn', 'a function', fn);
  const timeline: ConcurrencyEvent[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let calls = 0;
  const end = (call: number) => {
    inFlight--;
    timeline.push({ event: 'end', call, inFlight });
  };
  const tracked = function (this: unknown, ...args: Parameters<F>) {
    const call = ++calls;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    timeline.push({ event: 'start', call, inFlight });
    let result: unknown;
    try {
      result = fn.apply(this, args);
    } catch (error) {
      end(call);
      throw error;
    }
    if (typeof (result as PromiseLike<unknown> | null)?.then !== 'function') {
      end(call);
      return result;
    }
    // The caller gets the settled value as before; the end is recorded when the promise settles.
    return Promise.resolve(result).finally(() => end(call));
  } as unknown as Tracked<F>;
  const record: ConcurrencyRecord = {
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return inFlight;
    },
    get calls() {
      return calls;
    },
    timeline,
  };
  Object.defineProperty(tracked, TRACKED, { value: record });
  for (const key of ['maxInFlight', 'inFlight', 'calls', 'timeline'] as const) {
    Object.defineProperty(tracked, key, { get: () => record[key], enumerable: true });
  }
  return tracked;
}
