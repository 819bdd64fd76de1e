import type { MatcherFunction } from 'expect';
import { calls, callResults, callsBlock, ensureCount, ensureMock } from './mockResults';
import { hintOptions } from './utils';

const MATCHER_NAME = 'toHaveResolvedTimes';

/** Passes when exactly `n` calls of the mock returned a promise that fulfilled. */
export const toHaveResolvedTimes: MatcherFunction<[n: unknown]> = async function (received, n) {
  const options = hintOptions(this);
  const mock = ensureMock(this, MATCHER_NAME, 'expected', options, received);
  const times = ensureCount(this, MATCHER_NAME, options, n);
  const results = await callResults(mock);
  const count = results.filter((result) => result.status === 'fulfilled').length;
  return {
    pass: count === times,
    message: () =>
      this.utils.matcherHint(MATCHER_NAME, undefined, 'expected', options) +
      '\n\n' +
      `Expected: ${this.isNot ? 'not ' : ''}${calls(times, this.utils.printExpected)} that resolved\n` +
      (results.length ? `Received: ${calls(count, this.utils.printReceived)} that resolved` : 'Received: the mock was never called') +
      callsBlock(this, results),
  };
};
