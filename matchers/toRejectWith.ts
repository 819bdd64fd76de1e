import type { MatcherFunction } from 'expect';
import { outcomeOf, type Outcome } from '../src/helpers/settle';
import { describeSpec, matchesRejection, parseRejectionSpec, pickProps } from './rejection';
import { asyncInput, describeOutcome, hintOptions } from './utils';

const MATCHER_NAME = 'toRejectWith';

/**
 * Passes when the input rejects with a reason that matches `expected` (and `detail`): pytest's
 * `raises(E, match=...)`. Through `.rejects` it checks the rejection reason it is given.
 */
export const toRejectWith: MatcherFunction<[expected?: unknown, detail?: unknown]> = async function (
  received,
  ...args: unknown[]
) {
  const [expected, detail] = args;
  const options = hintOptions(this, args.length > 1 ? 'detail' : undefined);
  const expectedArg = args.length ? 'expected' : '';
  // Through `.rejects`, Jest hands over the rejection reason itself.
  const start = this.promise === 'rejects' ? null : asyncInput(this, MATCHER_NAME, expectedArg, options, received);
  const spec = parseRejectionSpec(this, MATCHER_NAME, options, expected, detail, args.length);

  // Like `.rejects`, this waits for the promise as long as it takes; the test timeout bounds it.
  const outcome: Outcome = start ? await outcomeOf(start(), () => 0, 0) : { status: 'rejected', reason: received, elapsed: 0 };
  const pass = outcome.status === 'rejected' && matchesRejection(this, outcome.reason, spec);

  return {
    pass,
    message: () => {
      const { utils } = this;
      let text =
        utils.matcherHint(MATCHER_NAME, undefined, expectedArg, options) +
        '\n\n' +
        `Expected: ${this.isNot ? 'not ' : ''}a rejection with ${describeSpec(this, spec)}\n` +
        `Received: ${describeOutcome(utils, outcome, false)}`;
      if (!this.isNot && spec.props && outcome.status === 'rejected') {
        text +=
          '\n\n' +
          utils.printDiffOrStringify(spec.props, pickProps(outcome.reason, spec.props), 'Expected properties', 'Received properties', this.expand !== false);
      }
      return text;
    },
  };
};
