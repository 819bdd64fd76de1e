import type { MatcherFunction } from 'expect';
import { callResults, callsBlock, describeCall, ensureMock, valueDiff } from './mockResults';
import { describeSpec, matchesRejection, parseRejectionSpec, pickProps } from './rejection';
import { hintOptions } from './utils';

const MATCHER_NAME = 'toHaveLastRejectedWith';

/**
 * Passes when the last call of the mock returned a promise that rejected with a reason matching
 * `expected` (and `detail`), in the forms of `toRejectWith`; with no expectation, any rejection.
 */
export const toHaveLastRejectedWith: MatcherFunction<[expected?: unknown, detail?: unknown]> = async function (received, ...args: unknown[]) {
  const [expected, detail] = args;
  const options = hintOptions(this, args.length > 1 ? 'detail' : undefined);
  const expectedArg = args.length ? 'expected' : '';
  const mock = ensureMock(this, MATCHER_NAME, expectedArg, options, received);
  const spec = parseRejectionSpec(this, MATCHER_NAME, options, expected, detail, args.length);
  const results = await callResults(mock);
  const last = results.length;
  const result = results[last - 1];
  const pass = result?.status === 'rejected' && matchesRejection(this, result.reason, spec);
  return {
    pass,
    message: () =>
      this.utils.matcherHint(MATCHER_NAME, undefined, expectedArg, options) +
      '\n\n' +
      `Expected: ${this.isNot ? 'not ' : ''}rejected${Object.keys(spec).length ? ` with ${describeSpec(this, spec)}` : ''}\n` +
      describeCall(this, results, last) +
      (!pass && result?.status === 'rejected' && spec.props
        ? valueDiff(this, spec.props, pickProps(result.reason, spec.props), ['Expected properties', 'Received properties'])
        : '') +
      callsBlock(this, results),
  };
};
