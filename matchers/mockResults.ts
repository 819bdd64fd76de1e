/**
 * What the mock-result matchers share (`toHaveResolved*`, `toHaveRejected*`, `toHaveNth*`,
 * `toHaveLast*`): how each call of a mock ended, once the promises it returned had the queued
 * callbacks and one macrotask turn to settle. A promise still pending then counts as pending;
 * nothing waits longer. Also their guards and the wording of one call, of a count and of the list.
 */
import type { MatcherContext } from 'expect';
import { nextMacrotask } from '../src/helpers/realTimers';
import { outcomeOf, watch, type Outcome } from '../src/helpers/settle';
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
      void watch(outcomeOf(result.value, () => 0, 0), (outcome) => (results[i] = outcome));
    }
  });
  await nextMacrotask();
  return results;
}

/** What one call did: "resolved with 2", "rejected with TypeError: boom", "still pending", ... */
export function describeResult(ctx: MatcherContext, result: CallResult): string {
  const { utils } = ctx;
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
}

const listCalls = (ctx: MatcherContext, results: CallResult[]): string =>
  results.map((result, i) => `  call ${i + 1}: ${describeResult(ctx, result)}`).join('\n');

/** "call 1: resolved with 2", one line per call. */
export function describeCalls(ctx: MatcherContext, results: CallResult[]): string {
  if (!results.length) return 'Received: the mock was never called';
  return 'Received:\n' + listCalls(ctx, results);
}

/** The list of calls as a block of its own, after the Expected/Received lines; nothing for a mock never called. */
export const callsBlock = (ctx: MatcherContext, results: CallResult[]): string =>
  results.length ? '\n\nCalls:\n' + listCalls(ctx, results) : '';

/** "1 call", "3 calls", the number printed by `print` (`printExpected` or `printReceived`). */
export const calls = (count: number, print: (value: unknown) => string = String): string => `${print(count)} ${count === 1 ? 'call' : 'calls'}`;

/** `n` of `toHaveResolvedTimes(n)`: 0 is allowed ("no call resolved"), as in Jest's `toHaveReturnedTimes`. */
export function ensureCount(ctx: MatcherContext, name: string, options: HintOptions, n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    fail(ctx, name, 'expected', options, `${ctx.utils.EXPECTED_COLOR('expected')} value must be a non-negative integer`, 'Expected', n, ctx.utils.printExpected);
  }
  return n;
}

/** `n` of `toHaveNth*With(n, ...)`: calls are numbered from 1, as in Jest's `toHaveNthReturnedWith`. */
export function ensureCallNumber(ctx: MatcherContext, name: string, options: HintOptions, n: unknown): number {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    fail(ctx, name, 'n', options, `${ctx.utils.EXPECTED_COLOR('n')} must be a positive integer`, 'n', n, ctx.utils.printExpected);
  }
  return n;
}

/** The Received line about call `n` (1-based): what it did, or that there is no such call and how many there were. */
export function describeCall(ctx: MatcherContext, results: CallResult[], n: number): string {
  if (!results.length) return 'Received: the mock was never called';
  const result = results[n - 1];
  if (!result) return `Received: no call ${n}: the mock was called ${results.length === 1 ? 'once' : `${results.length} times`}`;
  return `Received: call ${n} ${describeResult(ctx, result)}`;
}

/** A diff of two values, only where one helps: between two objects (else the Expected/Received lines say it all). */
export function valueDiff(ctx: MatcherContext, expected: unknown, received: unknown, labels = ['Expected', 'Received']): string {
  const objects = typeof expected === 'object' && expected !== null && typeof received === 'object' && received !== null;
  if (!objects) return '';
  return '\n\n' + ctx.utils.printDiffOrStringify(expected, received, labels[0]!, labels[1]!, ctx.expand !== false);
}
