/**
 * Every matcher of the package, in one object for `expect.extend`. Setup (`jest-preset-async/setup`)
 * registers them; `import matchers from 'jest-preset-async/matchers'` registers them by hand.
 */
import { toBeCalledInOrder } from './toBeCalledInOrder';
import { toBePending } from './toBePending';
import { toHaveBeenCalledInOrder } from './toHaveBeenCalledInOrder';
import { toHaveRejectedWith } from './toHaveRejectedWith';
import { toHaveResolved } from './toHaveResolved';
import { toHaveResolvedWith } from './toHaveResolvedWith';
import { toHaveRunConcurrently } from './toHaveRunConcurrently';
import { toRejectWith } from './toRejectWith';
import { toResolveWithin } from './toResolveWithin';
import { toYield } from './toYield';

export const matchers = {
  toBeCalledInOrder,
  toBePending,
  toHaveBeenCalledInOrder,
  toHaveRejectedWith,
  toHaveResolved,
  toHaveResolvedWith,
  toHaveRunConcurrently,
  toRejectWith,
  toResolveWithin,
  toYield,
};

export default matchers;
export { toBeCalledInOrder, toBePending, toHaveBeenCalledInOrder, toHaveRejectedWith, toHaveResolved, toHaveResolvedWith, toHaveRunConcurrently, toRejectWith, toResolveWithin, toYield };
