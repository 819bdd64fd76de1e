import type { MatcherFunction } from 'expect';
import { callResults, describeCalls, ensureMock } from './mockResults';
import { hintOptions } from './utils';

const MATCHER_NAME = 'toHaveResolvedWith';

/** Passes when at least one call of the mock returned a promise that fulfilled with `expected` (recursive equality). */
export const toHaveResolvedWith: MatcherFunction<[expected: unknown]> = async function (received, expected) {
  const options = hintOptions(this);
  const mock = ensureMock(this, MATCHER_NAME, 'expected', options, received);
  const results = await callResults(mock);
  const testers = [...this.customTesters, this.utils.iterableEquality];
  return {
    pass: results.some((result) => result.status === 'fulfilled' && this.equals(result.value, expected, testers)),
    message: () =>
      this.utils.matcherHint(MATCHER_NAME, undefined, 'expected', options) +
      '\n\n' +
      `Expected: ${this.isNot ? 'no call' : 'a call'} that resolved with ${this.utils.printExpected(expected)}\n` +
      describeCalls(this, results),
  };
};
