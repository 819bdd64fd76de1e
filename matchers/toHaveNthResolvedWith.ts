import type { MatcherFunction } from 'expect';
import { callResults, callsBlock, describeCall, ensureCallNumber, ensureMock, valueDiff } from './mockResults';
import { hintOptions } from './utils';

const MATCHER_NAME = 'toHaveNthResolvedWith';

/**
 * Passes when the n-th call of the mock (from 1, as `toHaveNthReturnedWith`) returned a promise that
 * fulfilled with `expected` (recursive equality).
 */
export const toHaveNthResolvedWith: MatcherFunction<[n: unknown, expected: unknown]> = async function (received, n, expected) {
  const options = hintOptions(this, 'expected');
  const mock = ensureMock(this, MATCHER_NAME, 'n', options, received);
  const nth = ensureCallNumber(this, MATCHER_NAME, options, n);
  const results = await callResults(mock);
  const result = results[nth - 1];
  const testers = [...this.customTesters, this.utils.iterableEquality];
  const pass = result?.status === 'fulfilled' && this.equals(result.value, expected, testers);
  return {
    pass,
    message: () =>
      this.utils.matcherHint(MATCHER_NAME, undefined, 'n', options) +
      '\n\n' +
      `Expected: ${this.isNot ? 'not ' : ''}resolved with ${this.utils.printExpected(expected)}\n` +
      describeCall(this, results, nth) +
      (!pass && result?.status === 'fulfilled' ? valueDiff(this, expected, result.value) : '') +
      callsBlock(this, results),
  };
};
