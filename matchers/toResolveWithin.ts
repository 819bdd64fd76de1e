import type { MatcherFunction } from 'expect';
import { settleWithin } from '../src/helpers/settle';
import { asyncInput, describeOutcome, ensureLimitMs, formatMs, hintOptions } from './utils';

const MATCHER_NAME = 'toResolveWithin';

/**
 * Passes when the input fulfils within `ms` milliseconds: real time, or fake time under Jest's
 * fake timers, which it advances itself. Never waits longer than `ms` and leaves no timer behind.
 */
export const toResolveWithin: MatcherFunction<[ms: unknown]> = async function (received, ms) {
  const options = hintOptions(this);
  const start = asyncInput(this, MATCHER_NAME, 'ms', options, received);
  const limit = ensureLimitMs(this, MATCHER_NAME, 'ms', options, ms);

  const outcome = await settleWithin(start, limit);
  const pass = outcome.status === 'fulfilled' && outcome.inTime;

  return {
    pass,
    message: () => {
      const { utils } = this;
      const late = outcome.status === 'fulfilled' && !pass ? ` (${formatMs(outcome.elapsed - limit)} late)` : '';
      const clock =
        outcome.clock === 'real' ? '' : `\n\nFake timers (${outcome.clock}) are on: the fake clock was advanced, no real time was spent.`;
      return (
        utils.matcherHint(MATCHER_NAME, undefined, 'ms', options) +
        '\n\n' +
        `Expected: ${this.isNot ? 'not ' : ''}to resolve within ${utils.EXPECTED_COLOR(formatMs(limit))}\n` +
        `Received: ${describeOutcome(utils, outcome)}${late}` +
        clock
      );
    },
  };
};
