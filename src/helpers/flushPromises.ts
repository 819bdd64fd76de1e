import { nextMacrotask } from './realTimers';

/**
 * Resolves once the promise callbacks queued so far have run (one real macrotask turn, which fake
 * timers do not hold back).
 * @example
 * emitter.emit('message', payload);
 * await flushPromises();
 * expect(handler).toHaveBeenCalled();
 */
export function flushPromises(): Promise<void> {
  return nextMacrotask();
}
