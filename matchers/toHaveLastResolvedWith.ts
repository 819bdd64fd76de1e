import type { MatcherFunction } from 'expect';
import { callResults, callsBlock, describeCall, ensureMock, valueDiff } from './mockResults';
import { hintOptions } from './utils';

const MATCHER_NAME = 'toHaveLastResolvedWith';

/** Passes when the last call of the mock returned a promise that fulfilled with `expected` (recursive equality). */
export const toHaveLastResolvedWith: MatcherFunction<[expected: unknown]> = async function (received, expected) {
  const options = hintOptions(this);
  const mock = ensureMock(this, MATCHER_NAME, 'expected', options, received);
  const results = await callResults(mock);
  const last = results.length;
  const result = results[last - 1];
  const testers = [...this.customTesters, this.utils.iterableEquality];
  const pass = result?.status === 'fulfilled' && this.equals(result.value, expected, testers);
  return {
    pass,
    message: () =>
      this.utils.matcherHint(MATCHER_NAME, undefined, 'expected', options) +
      '\n\n' +
      `Expected: ${this.isNot ? 'not ' : ''}resolved with ${this.utils.printExpected(expected)}\n` +
      describeCall(this, results, last) +
      (!pass && result?.status === 'fulfilled' ? valueDiff(this, expected, result.value) : '') +
      callsBlock(this, results),
  };
};
