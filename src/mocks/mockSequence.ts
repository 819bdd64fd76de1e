import { jest } from '@jest/globals';
import { badArgument } from '../helpers/validate';

/**
 * A `jest.fn` whose n-th call returns a promise settled by `outcomes[n]`: an `Error` rejects, any
 * other value resolves — Python's `side_effect=[...]`, for "fail twice, then succeed". Rejections
 * are created when the call happens (no unhandled rejection at setup). A call past the end rejects
 * with an error saying the sequence ran out. Usable as an implementation of another mock.
 * @example
 * client.send.mockImplementation(mockSequence([new Error('ECONNRESET'), new Error('ECONNRESET'), { ok: true }]));
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- usable as the implementation of any mock
export function mockSequence<E>(outcomes: readonly E[]): jest.Mock<(...args: any[]) => Promise<Exclude<E, Error>>> {
  if (!Array.isArray(outcomes)) throw badArgument('mockSequence', 'outcomes', 'an array of values and Errors', outcomes);
  const queue = [...outcomes];
  let calls = 0;
  return jest.fn(async (): Promise<Exclude<E, Error>> => {
    const call = ++calls;
    if (call > queue.length) {
      throw new Error(`mockSequence: the sequence ran out after ${queue.length} call${queue.length === 1 ? '' : 's'}; this was call ${call}. Add outcomes, or check why it was called again.`);
    }
    const outcome = queue[call - 1];
    if (outcome instanceof Error) throw outcome;
    return outcome as Exclude<E, Error>;
  });
}
