import { badArgument } from './validate';

/**
 * The values an async iterable (or iterable) yields, as an array. With `limit`, it stops after that
 * many and closes the iterator (`return()`), so it also reads the head of an endless stream.
 * @example
 * const firstThree = await collect(bus.subscribe('ticks'), { limit: 3 });
 */
export async function collect<T>(iterable: AsyncIterable<T> | Iterable<T>, options: { limit?: number } = {}): Promise<T[]> {
  const source = iterable as Partial<AsyncIterable<T> & Iterable<T>> | null | undefined;
  if (typeof source?.[Symbol.asyncIterator] !== 'function' && typeof source?.[Symbol.iterator] !== 'function') {
    throw badArgument('collect', 'iterable', 'an async iterable or an iterable', iterable);
  }
  const { limit = Number.POSITIVE_INFINITY } = options;
  if (limit !== Number.POSITIVE_INFINITY && (!Number.isInteger(limit) || limit < 0)) {
    throw badArgument('collect', 'options.limit', 'a non-negative integer', limit);
  }
  const values: T[] = [];
  if (limit === 0) return values;
  for await (const value of iterable) {
    values.push(value);
    if (values.length >= limit) break; // `break` calls the iterator's return()
  }
  return values;
}
