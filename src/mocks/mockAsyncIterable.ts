import { jest } from '@jest/globals';
import { badArgument } from '../helpers/validate';

type Source<T> = readonly T[] | (() => AsyncIterator<T> | AsyncIterable<T>);

export interface MockAsyncIterable<T> extends AsyncIterable<T> {
  /** Spies shared by every iterator of this iterable. */
  next: jest.Mock<(value?: unknown) => Promise<IteratorResult<T>>>;
  return: jest.Mock<(value?: unknown) => Promise<IteratorResult<T>>>;
  throw: jest.Mock<(error?: unknown) => Promise<IteratorResult<T>>>;
}

/**
 * An async iterable over `values`, or over what an async generator factory yields, with a fresh
 * iterator for each `for await`. Its `next`, `return` and `throw` are `jest.fn` spies shared by its
 * iterators, so a test sees that a consumer which stopped early closed the stream.
 * @example
 * const stream = mockAsyncIterable(['a', 'b', 'c']);
 * for await (const item of stream) if (item === 'b') break;
 * expect(stream.return).toHaveBeenCalledTimes(1);
 */
export function mockAsyncIterable<T>(source: Source<T>): MockAsyncIterable<T> {
  if (!Array.isArray(source) && typeof source !== 'function') {
    throw badArgument('mockAsyncIterable', 'source', 'an array of values or a function returning an async iterator', source);
  }
  const start = (): AsyncIterator<T> => {
    if (Array.isArray(source)) return (async function* () { yield* source as readonly T[]; })();
    const made = (source as () => AsyncIterator<T> | AsyncIterable<T>)();
    const iterable = made as Partial<AsyncIterable<T>>;
    if (typeof iterable[Symbol.asyncIterator] === 'function') return iterable[Symbol.asyncIterator]!();
    if (typeof (made as Partial<AsyncIterator<T>>)?.next === 'function') return made as AsyncIterator<T>;
    throw badArgument('mockAsyncIterable', 'the factory', 'a function returning an async iterator', made);
  };
  const done = (value?: unknown): IteratorResult<T> => ({ done: true, value: value as T });

  // The iterator a spy acts on is the `this` it is called with.
  type State = { iterator: AsyncIterator<T> };
  const spies = {
    next: jest.fn(function (this: State, value?: unknown) { return this.iterator.next(value); }),
    return: jest.fn(async function (this: State, value?: unknown) { return this.iterator.return ? this.iterator.return(value) : done(value); }),
    throw: jest.fn(async function (this: State, error?: unknown) {
      if (this.iterator.throw) return this.iterator.throw(error);
      throw error;
    }),
  };
  return {
    ...spies,
    [Symbol.asyncIterator]() {
      const state: State = { iterator: start() };
      return {
        next: (value?: unknown) => spies.next.call(state, value),
        return: (value?: unknown) => spies.return.call(state, value),
        throw: (error?: unknown) => spies.throw.call(state, error),
      } as AsyncIterator<T>;
    },
  } as unknown as MockAsyncIterable<T>;
}
