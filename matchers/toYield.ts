import type { MatcherFunction } from 'expect';
import { fail, hintOptions, printReason } from './utils';

const MATCHER_NAME = 'toYield';

type AnyIterator = Iterator<unknown> | AsyncIterator<unknown>;

/** The iterator of an (async) iterable, or a description of what is wrong with it. */
function iteratorOf(value: unknown): AnyIterator | string {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return 'value must be an async iterable or an iterable';
  const source = value as Partial<AsyncIterable<unknown> & Iterable<unknown>>;
  const method = (typeof source[Symbol.asyncIterator] === 'function' ? source[Symbol.asyncIterator] : source[Symbol.iterator]) as
    | ((this: unknown) => unknown)
    | undefined;
  if (typeof method !== 'function') return 'value must be an async iterable or an iterable';
  let iterator: unknown;
  try {
    iterator = method.call(source);
  } catch (error) {
    return `value could not start iterating: its iterator method threw ${String(error)}`;
  }
  if (typeof (iterator as Partial<AnyIterator> | null)?.next !== 'function') return 'value must return an iterator (an object with next()) from its iterator method';
  return iterator as AnyIterator;
}

interface Drained {
  yielded: unknown[];
  error?: { thrown: unknown };
  stoppedEarly: boolean;
}

/** Reads at most `max` values (one more than expected is enough to know it is wrong); an early stop calls `return()`. */
async function drain(iterator: AnyIterator, max: number): Promise<Drained> {
  const yielded: unknown[] = [];
  try {
    while (yielded.length < max) {
      const step = await iterator.next();
      if (step.done) return { yielded, stoppedEarly: false };
      yielded.push(await step.value);
    }
  } catch (thrown) {
    return { yielded, error: { thrown }, stoppedEarly: false };
  }
  try {
    await iterator.return?.();
  } catch {
    // The verdict is already known; a failing `return()` does not change it.
  }
  return { yielded, stoppedEarly: true };
}

/**
 * Passes when iterating the input to its end yields exactly `values` (recursive equality, as
 * `toEqual`). An iterator that yields more is stopped after one extra value and closed.
 */
export const toYield: MatcherFunction<[values: unknown]> = async function (received, values) {
  const options = hintOptions(this);
  if (!Array.isArray(values)) {
    fail(this, MATCHER_NAME, 'expected', options, `${this.utils.EXPECTED_COLOR('expected')} value must be an array of the values it should yield`, 'Expected', values, this.utils.printExpected);
  }

  const iterator = iteratorOf(received);
  if (typeof iterator === 'string') {
    fail(this, MATCHER_NAME, 'expected', options, `${this.utils.RECEIVED_COLOR('received')} ${iterator}`, 'Received', received);
  }
  const drained = await drain(iterator, values.length + 1);
  const equal = this.equals(drained.yielded, values, [...this.customTesters, this.utils.iterableEquality]);
  const pass = !drained.error && equal;

  return {
    pass,
    message: () => {
      const { utils } = this;
      const hint = utils.matcherHint(MATCHER_NAME, undefined, 'expected', options) + '\n\n';
      if (pass) {
        return hint + `Expected: not to yield ${utils.printExpected(values)}\nReceived: it yielded exactly these values`;
      }
      const count = drained.yielded.length;
      if (equal && drained.error) {
        return (
          hint +
          `Expected: to yield ${utils.printExpected(values)}\n` +
          `Received: it yielded exactly these values, then threw ${printReason(utils, drained.error.thrown)}`
        );
      }
      const notes: string[] = [];
      const firstDifference = values.findIndex(
        (value, i) => i >= count || !this.equals(drained.yielded[i], value, [...this.customTesters, utils.iterableEquality]),
      );
      if (firstDifference >= 0 && firstDifference < count) {
        notes.push(`First difference at index ${firstDifference}.`);
      }
      if (drained.error) {
        notes.push(`The iterator threw after yielding ${count} value${count === 1 ? '' : 's'}: ${printReason(utils, drained.error.thrown)}`);
      } else if (drained.stoppedEarly) {
        notes.push(`It yielded more than ${values.length}; iteration stopped after ${count} and the iterator was closed.`);
      } else if (count < values.length) {
        notes.push(`It ended after ${count} value${count === 1 ? '' : 's'}.`);
      }
      return (
        hint +
        utils.printDiffOrStringify(values, drained.yielded, 'Expected', 'Received', this.expand !== false) +
        (notes.length ? '\n\n' + notes.join('\n') : '')
      );
    },
  };
};
