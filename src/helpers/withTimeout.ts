import { TimeoutError } from '../errors';
import { realClearTimeout, realSetTimeout } from './realTimers';
import { isThenable } from './thenable';
import { badArgument, ensureMs } from './validate';

export interface WithTimeoutOptions {
  /** Rejects with the signal's reason when it aborts first. */
  signal?: AbortSignal;
  /** Replaces the default message `Timed out after <ms> ms`. */
  message?: string;
}

/**
 * The value of `input`, or a rejection with `TimeoutError` once `ms` real milliseconds have passed:
 * Python's `asyncio.wait_for`. The deadline is on the real clock (fake timers cannot freeze a guard
 * against hangs), and its timer is cleared on every path.
 * @example
 * const reply = await withTimeout(bus.request('ping'), 500);
 * await withTimeout(() => server.close(), 1000, { message: 'server did not close' });
 */
export async function withTimeout<T>(input: PromiseLike<T> | (() => PromiseLike<T>), ms: number, options: WithTimeoutOptions = {}): Promise<T> {
  const helper = 'withTimeout';
  if (typeof input !== 'function' && !isThenable(input)) {
    throw badArgument(helper, 'input', 'a promise or a function returning one', input);
  }
  const limit = ensureMs(helper, 'ms', ms);
  const { signal, message } = options;
  if (signal !== undefined && (typeof signal?.addEventListener !== 'function' || typeof signal.aborted !== 'boolean')) {
    throw badArgument(helper, 'options.signal', 'an AbortSignal', signal);
  }
  if (message !== undefined && typeof message !== 'string') throw badArgument(helper, 'options.message', 'a string', message);
  signal?.throwIfAborted();

  // Created here, so that its stack points at the caller rather than at a timer callback. The cause
  // says what was still pending: the function's name when it has one (Python's wait_for chains the
  // cancelled task the same way).
  const what = typeof input === 'function' && input.name ? `${input.name}()` : 'the operation';
  const timeout = new TimeoutError(limit, message, { cause: new Error(`${what} was still pending after ${limit} ms`) });
  let timer: ReturnType<typeof realSetTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const work = Promise.resolve(typeof input === 'function' ? input() : input);
    return await new Promise<T>((resolve, reject) => {
      timer = realSetTimeout(() => reject(timeout), limit);
      onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject);
    });
  } finally {
    realClearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
