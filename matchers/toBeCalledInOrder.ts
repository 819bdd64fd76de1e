import { calledInOrder } from './toHaveBeenCalledInOrder';

/** Alias of `toHaveBeenCalledInOrder`, in the style of Jest's `toBeCalled`. */
export const toBeCalledInOrder = calledInOrder('toBeCalledInOrder');
