import type { MatcherFunction } from 'expect';
import { callResults, describeCalls, ensureMock } from './mockResults';
import { describeSpec, matchesRejection, parseRejectionSpec } from './rejection';
import { hintOptions } from './utils';

const MATCHER_NAME = 'toHaveRejectedWith';

/**
 * Passes when at least one call of the mock returned a promise that rejected with a reason matching
 * `expected` (and `detail`), in the forms of `toRejectWith`.
 */
export const toHaveRejectedWith: MatcherFunction<[expected?: unknown, detail?: unknown]> = async function (received, ...args: unknown[]) {
  const [expected, detail] = args;
  const options = hintOptions(this, args.length > 1 ? 'detail' : undefined);
  const expectedArg = args.length ? 'expected' : '';
  const mock = ensureMock(this, MATCHER_NAME, expectedArg, options, received);
  const spec = parseRejectionSpec(this, MATCHER_NAME, options, expected, detail, args.length);
  const results = await callResults(mock);
  return {
    pass: results.some((result) => result.status === 'rejected' && matchesRejection(this, result.reason, spec)),
    message: () =>
      this.utils.matcherHint(MATCHER_NAME, undefined, expectedArg, options) +
      '\n\n' +
      `Expected: ${this.isNot ? 'no call' : 'a call'} that rejected with ${describeSpec(this, spec)}\n` +
      describeCalls(this, results),
  };
};
