import type { MatcherFunction } from 'expect';
import { concurrencyRecordOf, type ConcurrencyEvent } from '../src/helpers/trackConcurrency';
import { fail, hintOptions } from './utils';

const MATCHER_NAME = 'toHaveRunConcurrently';

const printTimeline = (timeline: readonly ConcurrencyEvent[]): string =>
  timeline.length
    ? 'Timeline:\n' + timeline.map(({ event, call, inFlight }) => `  ${event === 'start' ? 'start' : 'end  '} call ${call} (${inFlight} in flight)`).join('\n')
    : 'Timeline: no call was made';

/**
 * Passes when a function made by `trackConcurrency` had at least `min` calls in flight at once
 * (default 2).
 */
export const toHaveRunConcurrently: MatcherFunction<[min?: unknown]> = function (received, ...args: unknown[]) {
  const options = hintOptions(this);
  const record = concurrencyRecordOf(received);
  if (!record) {
    fail(this, MATCHER_NAME, 'min', options, `${this.utils.RECEIVED_COLOR('received')} value must be a function made by trackConcurrency()`, 'Received', received);
  }
  const min = args.length && args[0] !== undefined ? args[0] : 2;
  if (typeof min !== 'number' || !Number.isInteger(min) || min < 1) {
    fail(this, MATCHER_NAME, 'min', options, `${this.utils.EXPECTED_COLOR('min')} must be a whole number of calls, 1 or more`, 'min', min, this.utils.printExpected);
  }
  const { maxInFlight, calls, timeline } = record;

  return {
    pass: maxInFlight >= min,
    message: () => {
      const { utils } = this;
      const what =
        calls === 0 ? 'it was never called' : maxInFlight === 1 ? `it ran one at a time (${calls} call${calls === 1 ? '' : 's'})` : `at most ${maxInFlight} calls overlapped (${calls} calls)`;
      return (
        utils.matcherHint(MATCHER_NAME, undefined, 'min', options) +
        '\n\n' +
        `Expected: ${this.isNot ? 'fewer than' : 'at least'} ${utils.EXPECTED_COLOR(String(min))} calls in flight at once\n` +
        `Received: ${utils.RECEIVED_COLOR(what)}\n\n` +
        printTimeline(timeline)
      );
    },
  };
};
