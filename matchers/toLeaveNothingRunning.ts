import type { MatcherFunction } from 'expect';
import { withoutOwnFrames } from '../src/helpers/ownFrames';
import { isThenable } from '../src/helpers/thenable';
import { ensureFunction, probeHost } from './probe';
import { hintOptions, printReason } from './utils';

const MATCHER_NAME = 'toLeaveNothingRunning';

/**
 * Calls `fn` (sync or async), awaits it, waits the grace period, and passes when nothing it started
 * is still alive: handles, and pending promises something waits on (the leak verdict's rules).
 * What is left becomes the test's: released later, it is not reported again.
 */
export const toLeaveNothingRunning: MatcherFunction<[]> = async function (received) {
  const options = hintOptions(this);
  const fn = ensureFunction(this, MATCHER_NAME, '', options, received);
  const host = probeHost(this, MATCHER_NAME, '', options, received);

  const run = host.run(fn, []);
  let threw: { reason: unknown } | undefined;
  let left: Awaited<ReturnType<typeof run.leftovers>>;
  try {
    if ('threw' in run.outcome) threw = { reason: run.outcome.threw };
    else if (isThenable(run.outcome.returned)) {
      try {
        await run.outcome.returned;
      } catch (reason) {
        threw = { reason };
      }
    }
    left = await run.leftovers();
  } finally {
    run.close();
  }
  const { utils } = this;
  const hint = utils.matcherHint(MATCHER_NAME, 'fn', '', options);
  // Neither verdict holds when fn itself failed: the assertion fails with or without .not.
  if (threw) throw withoutOwnFrames(new Error(`${hint}\n\nExpected: fn to finish\nReceived: it threw ${printReason(utils, threw.reason)}`));
  const pass = left === null;

  return {
    pass,
    message: () => {
      if (left) return `${hint}\n\nExpected: nothing fn started still running\nReceived: ${left.count} thing${left.count === 1 ? '' : 's'} still running:\n\n${left.report}`;
      return `${hint}\n\nExpected: something fn started still running\nReceived: nothing is left running`;
    },
  };
};
