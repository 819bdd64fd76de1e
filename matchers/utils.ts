/**
 * What the matchers share: input guards that throw matcher errors (never `{pass: false}`),
 * and the wording of outcomes, so every matcher speaks the same way.
 */
import type { MatcherContext } from 'expect';
import { types } from 'node:util';
import { quietly } from '../src/helpers/observe';
import { withoutOwnFrames } from '../src/helpers/ownFrames';
import { isThenable } from '../src/helpers/thenable';
import { MAX_TIMER_MS } from '../src/helpers/validate';
import type { Outcome } from '../src/helpers/settle';

export type HintOptions = { isNot: boolean; promise: string; secondArgument?: string };
type Utils = MatcherContext['utils'];

export const hintOptions = (ctx: MatcherContext, secondArgument?: string): HintOptions => ({
  isNot: ctx.isNot ?? false,
  promise: ctx.promise ?? '',
  ...(secondArgument === undefined ? {} : { secondArgument }),
});

/** Throws the matcher error Jest prints as "Matcher error: ...", with the offending value and its type. */
export function fail(
  ctx: MatcherContext,
  name: string,
  expectedArg: string | undefined,
  options: HintOptions,
  problem: string,
  label: string,
  value: unknown,
  printer: (value: unknown) => string = ctx.utils.printReceived,
): never {
  const { utils } = ctx;
  throw withoutOwnFrames(
    new Error(
      utils.matcherErrorMessage(
        utils.matcherHint(name, undefined, expectedArg, options),
        problem,
        utils.printWithType(label, value, printer),
      ),
    ),
  );
}

/** What the matchers read of a `jest.fn`, `jest.spyOn` or jest-mock-extended mock. */
export interface MockLike {
  (...args: never[]): unknown;
  _isMockFunction: true;
  getMockName(): string;
  mock: {
    invocationCallOrder: number[];
    results: Array<{ type: 'return' | 'throw' | 'incomplete'; value: unknown }>;
  };
}

export const isMock = (value: unknown): value is MockLike =>
  typeof value === 'function' &&
  (value as Partial<MockLike>)._isMockFunction === true &&
  typeof (value as Partial<MockLike>).mock === 'object';

export { isThenable };

/**
 * Turns the received value into a function that starts it: a promise or thenable as is, a
 * function called (a synchronous throw becomes a rejection). A function that returns
 * something other than a thenable is a matcher error, thrown when it is called.
 * Call it before checking the other arguments.
 */
export function asyncInput(
  ctx: MatcherContext,
  name: string,
  expectedArg: string | undefined,
  options: HintOptions,
  received: unknown,
): () => PromiseLike<unknown> {
  if (types.isPromise(received)) {
    // Observed at once: if another argument turns out to be bad, the matcher error is what the
    // user sees, not an unhandled rejection that takes the test run down. Quietly: it waits for
    // nobody (an idle deferred a module keeps, checked with toBePending, is not a promise the test waits on).
    quietly(() => received.catch(() => undefined));
  }
  if (isThenable(received)) return () => received;
  if (typeof received !== 'function') {
    fail(ctx, name, expectedArg, options, `${ctx.utils.RECEIVED_COLOR('received')} value must be a promise or a function returning one`, 'Received', received);
  }
  return () => {
    let result: unknown;
    try {
      result = (received as () => unknown)();
    } catch (error) {
      return Promise.reject(error);
    }
    if (!isThenable(result)) {
      fail(ctx, name, expectedArg, options, `${ctx.utils.RECEIVED_COLOR('received')} function must return a promise`, 'Returned', result);
    }
    return result;
  };
}


export function ensureLimitMs(
  ctx: MatcherContext,
  name: string,
  expectedArg: string,
  options: HintOptions,
  ms: unknown,
): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_TIMER_MS) {
    fail(
      ctx,
      name,
      expectedArg,
      options,
      `${ctx.utils.EXPECTED_COLOR('expected')} value must be a finite number of milliseconds from 0 to ${MAX_TIMER_MS}`,
      'Expected',
      ms,
      ctx.utils.printExpected,
    );
  }
  return ms;
}

export const formatMs = (ms: number): string => (Number.isInteger(ms) ? `${ms} ms` : ms < 1 ? 'less than 1 ms' : `${ms.toFixed(1)} ms`);

/**
 * An error as a person reads it: `HttpError: not found` (the class, which says more than a `name`
 * left at "Error"), or the printed value for anything that is not an error.
 */
export function printReason(utils: Utils, reason: unknown): string {
  if (typeof reason === 'object' && reason !== null && typeof (reason as Error).message === 'string' && typeof (reason as Error).name === 'string') {
    const error = reason as Error;
    const className = typeof error.constructor === 'function' && error.constructor.name ? error.constructor.name : error.name;
    return utils.RECEIVED_COLOR(`${className}: ${error.message}`);
  }
  return utils.printReceived(reason);
}

/** "resolved after 3 ms with 42", "rejected after 3 ms with TypeError: boom", "still pending after 100 ms". */
export function describeOutcome(utils: Utils, outcome: Outcome, withTime = true): string {
  const after = withTime ? ` after ${formatMs(outcome.elapsed)}` : '';
  switch (outcome.status) {
    case 'fulfilled':
      return `resolved${after} with ${utils.printReceived(outcome.value)}`;
    case 'rejected':
      return `rejected${after} with ${printReason(utils, outcome.reason)}`;
    case 'pending':
      return `still pending${after}`;
  }
}
