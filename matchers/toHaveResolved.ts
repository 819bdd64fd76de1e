import type { MatcherFunction } from 'expect';
import { callResults, describeCalls, ensureMock } from './mockResults';
import { hintOptions } from './utils';

const MATCHER_NAME = 'toHaveResolved';

/** Passes when at least one call of the mock returned a promise that fulfilled. */
export const toHaveResolved: MatcherFunction<[]> = async function (received, ...rest: unknown[]) {
  const options = hintOptions(this);
  const mock = ensureMock(this, MATCHER_NAME, '', options, received);
  this.utils.ensureNoExpected(rest[0], MATCHER_NAME, options);
  const results = await callResults(mock);
  return {
    pass: results.some((result) => result.status === 'fulfilled'),
    message: () =>
      this.utils.matcherHint(MATCHER_NAME, undefined, '', options) +
      '\n\n' +
      `Expected: ${this.isNot ? 'no call' : 'a call'} that returned a promise which resolved\n` +
      describeCalls(this, results),
  };
};
