import { advanceFakeTime, fakeNow, fakeTimersKind } from './fakeTimers';
import { realNow, realSleep } from './realTimers';
import { badArgument, ensureMs } from './validate';

export interface EventuallyOptions {
  /** How long to keep trying, in ms (fake ms under fake timers). Default 1000. */
  timeout?: number;
  /** The pause between attempts, in ms. Default 50. */
  interval?: number;
}

/**
 * Calls `fn` until it stops throwing (or rejecting) and returns its value. When `timeout` has passed
 * it rethrows the last error, its message saying how many attempts were made in how long. Under
 * Jest's fake timers each pause advances the fake clock by `interval`, and `timeout` counts fake time.
 * @example
 * await eventually(() => expect(agent.heartbeats).toBeGreaterThan(2), { timeout: 5000 });
 */
export async function eventually<T>(fn: () => T | PromiseLike<T>, options: EventuallyOptions = {}): Promise<Awaited<T>> {
  const helper = 'eventually';
  if (typeof fn !== 'function') throw badArgument(helper, 'fn', 'a function', fn);
  const timeout = ensureMs(helper, 'options.timeout', options.timeout ?? 1000);
  const interval = ensureMs(helper, 'options.interval', options.interval ?? 50, { positive: true });

  const fake = fakeTimersKind();
  const now = fake ? fakeNow : realNow;
  const startedAt = now();
  for (let attempts = 1; ; attempts++) {
    try {
      return await fn();
    } catch (error) {
      const spent = now() - startedAt;
      if (spent >= timeout) throw explain(error, attempts, spent);
    }
    if (fake) await advanceFakeTime(fake, interval);
    else await realSleep(interval);
  }
}

function explain(error: unknown, attempts: number, spent: number): unknown {
  const note = `eventually: still failing after ${attempts} attempt${attempts === 1 ? '' : 's'} in ${Math.round(spent)} ms`;
  if (!(error instanceof Error)) return new Error(`${note}; the last attempt threw ${String(error)}`, { cause: error });
  const original = error.message;
  error.message = `${original}\n\n${note}`;
  if (error.stack?.includes(original)) error.stack = error.stack.replace(original, error.message);
  return error;
}
