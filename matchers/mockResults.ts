/**
 * What the mock-result matchers share (`toHaveResolved`, `toHaveResolvedWith`, `toHaveRejectedWith`):
 * how each call of a mock ended, once the promises it returned had the queued callbacks and one
 * macrotask turn to settle. A promise still pending then counts as pending; nothing waits longer.
 */
import type { MatcherContext } from 'expect';
import { nextMacrotask } from '../src/helpers/realTimers';
import { outcomeOf, type Outcome } from '../src/helpers/settle';
import { describeOutcome, fail, isMock, isThenable, type HintOptions, type MockLike } from './utils';

export type CallResult = Outcome | { status: 'returned'; value: unknown } | { status: 'threw'; value: unknown } | { status: 'running' };

export function ensureMock(ctx: MatcherContext, name: string, expectedArg: string, options: HintOptions, received: unknown): MockLike {
  if (!isMock(received)) {
    fail(ctx, name, expectedArg, options, `${ctx.utils.RECEIVED_COLOR('received')} value must be a mock or spy function`, 'Received', received);
  }
  return received;
}

export async function callResults(mock: MockLike): Promise<CallResult[]> {
  const results: CallResult[] = mock.mock.results.map((result) => {
    if (result.type === 'throw') return { status: 'threw', value: result.value };
    if (result.type === 'incomplete') return { status: 'running' };
    if (!isThenable(result.value)) return { status: 'returned', value: result.value };
    return { status: 'pending', elapsed: 0 };
  });
  mock.mock.results.forEach((result, i) => {
    if (result.type === 'return' && isThenable(result.value)) {
      void outcomeOf(result.value, () => 0, 0).then((outcome) => (results[i] = outcome));
    }
  });
  await nextMacrotask();
  return results;
}

/** "call 1: resolved with 2", one line per call. */
export function describeCalls(ctx: MatcherContext, results: CallResult[]): string {
  if (!results.length) return 'Received: the mock was never called';
  const { utils } = ctx;
  const line = (result: CallResult): string => {
    switch (result.status) {
      case 'returned':
        return `returned ${utils.printReceived(result.value)}, not a promise`;
      case 'threw':
        return `threw ${utils.printReceived(result.value)}`;
      case 'running':
        return 'had not returned yet';
      default:
        return describeOutcome(utils, result, false);
    }
  };
  return 'Received:\n' + results.map((result, i) => `  call ${i + 1}: ${line(result)}`).join('\n');
}
