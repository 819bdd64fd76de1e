import type { MatcherFunction } from 'expect';
import { callResults, callsBlock, describeCall, ensureCallNumber, ensureMock, valueDiff } from './mockResults';
import { describeSpec, matchesRejection, parseRejectionSpec, pickProps } from './rejection';
import { hintOptions } from './utils';

const MATCHER_NAME = 'toHaveNthRejectedWith';

/**
 * Passes when the n-th call of the mock (from 1) returned a promise that rejected with a reason
 * matching `expected` (and `detail`), in the forms of `toRejectWith`; with no expectation, any rejection.
 */
export const toHaveNthRejectedWith: MatcherFunction<[n: unknown, expected?: unknown, detail?: unknown]> = async function (
  received,
  n,
  ...args: unknown[]
) {
  const [expected, detail] = args;
  const options = hintOptions(this, args.length > 1 ? 'expected, detail' : args.length ? 'expected' : undefined);
  const mock = ensureMock(this, MATCHER_NAME, 'n', options, received);
  const nth = ensureCallNumber(this, MATCHER_NAME, options, n);
  const spec = parseRejectionSpec(this, MATCHER_NAME, options, expected, detail, args.length, 'n');
  const results = await callResults(mock);
  const result = results[nth - 1];
  const pass = result?.status === 'rejected' && matchesRejection(this, result.reason, spec);
  return {
    pass,
    message: () =>
      this.utils.matcherHint(MATCHER_NAME, undefined, 'n', options) +
      '\n\n' +
      `Expected: ${this.isNot ? 'not ' : ''}rejected${Object.keys(spec).length ? ` with ${describeSpec(this, spec)}` : ''}\n` +
      describeCall(this, results, nth) +
      (!pass && result?.status === 'rejected' && spec.props
        ? valueDiff(this, spec.props, pickProps(result.reason, spec.props), ['Expected properties', 'Received properties'])
        : '') +
      callsBlock(this, results),
  };
};
