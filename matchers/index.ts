/**
 * Every matcher of the package, in one object for `expect.extend`. Setup (`jest-preset-async/setup`)
 * registers them; `import matchers from 'jest-preset-async/matchers'` registers them by hand.
 */
import { toAbortCleanly } from './toAbortCleanly';
import { toBeCalledInOrder } from './toBeCalledInOrder';
import { toBePending } from './toBePending';
import { toHaveBeenCalledInOrder } from './toHaveBeenCalledInOrder';
import { toHaveLastRejectedWith } from './toHaveLastRejectedWith';
import { toHaveLastResolvedWith } from './toHaveLastResolvedWith';
import { toHaveNthRejectedWith } from './toHaveNthRejectedWith';
import { toHaveNthResolvedWith } from './toHaveNthResolvedWith';
import { toHaveRejectedTimes } from './toHaveRejectedTimes';
import { toHaveRejectedWith } from './toHaveRejectedWith';
import { toHaveResolved } from './toHaveResolved';
import { toHaveResolvedTimes } from './toHaveResolvedTimes';
import { toHaveResolvedWith } from './toHaveResolvedWith';
import { toHaveRunConcurrently } from './toHaveRunConcurrently';
import { toLeaveNothingRunning } from './toLeaveNothingRunning';
import { toRejectWith } from './toRejectWith';
import { toResolveWithin } from './toResolveWithin';
import { toYield } from './toYield';

export const matchers = {
  toAbortCleanly,
  toBeCalledInOrder,
  toBePending,
  toHaveBeenCalledInOrder,
  toHaveLastRejectedWith,
  toHaveLastResolvedWith,
  toHaveNthRejectedWith,
  toHaveNthResolvedWith,
  toHaveRejectedTimes,
  toHaveRejectedWith,
  toHaveResolved,
  toHaveResolvedTimes,
  toHaveResolvedWith,
  toHaveRunConcurrently,
  toLeaveNothingRunning,
  toRejectWith,
  toResolveWithin,
  toYield,
};

export default matchers;
export {
  toAbortCleanly,
  toBeCalledInOrder,
  toBePending,
  toHaveBeenCalledInOrder,
  toHaveLastRejectedWith,
  toHaveLastResolvedWith,
  toHaveNthRejectedWith,
  toHaveNthResolvedWith,
  toHaveRejectedTimes,
  toHaveRejectedWith,
  toHaveResolved,
  toHaveResolvedTimes,
  toHaveResolvedWith,
  toHaveRunConcurrently,
  toLeaveNothingRunning,
  toRejectWith,
  toResolveWithin,
  toYield,
};
