import type { MatcherFunction } from 'expect';
import { nextMacrotask } from '../src/helpers/realTimers';
import { outcomeOf, watch, type Outcome } from '../src/helpers/settle';
import { asyncInput, describeOutcome, hintOptions } from './utils';

const MATCHER_NAME = 'toBePending';

/**
 * Passes when the input has not settled once the callbacks already queued have run
 * (microtasks, then one real macrotask turn). It never waits for the promise itself.
 */
export const toBePending: MatcherFunction<[]> = async function (received, ...rest: unknown[]) {
  const options = hintOptions(this);
  const start = asyncInput(this, MATCHER_NAME, '', options, received);
  this.utils.ensureNoExpected(rest[0], MATCHER_NAME, options);

  let settled: Outcome | undefined;
  void watch(outcomeOf(start(), () => 0, 0), (outcome) => (settled = outcome));
  await nextMacrotask();
  const outcome: Outcome = settled ?? { status: 'pending', elapsed: 0 };

  return {
    pass: outcome.status === 'pending',
    message: () => {
      const { utils } = this;
      return (
        utils.matcherHint(MATCHER_NAME, undefined, '', options) +
        '\n\n' +
        `Expected: ${this.isNot ? 'to have settled' : 'to be pending'}\n` +
        `Received: ${describeOutcome(utils, outcome, false)}` +
        (outcome.status === 'pending' ? ' after the queued callbacks and one macrotask turn ran' : '')
      );
    },
  };
};
