/**
 * The file `setupFilesAfterEnv` loads (`jest-preset-async/setup`): registers every matcher of the
 * package with Jest's `expect`. `@jest/globals` is answered by Jest's module registry, so this also
 * works with `injectGlobals: false`, and the global `expect` and the imported one share the matchers.
 *
 * Jest loads setup files again for every test file: each matcher's module is loaded the first time
 * the matcher is used, so a file that uses none pays for none.
 */
import { expect } from '@jest/globals';
import type { MatcherFunction, Tester } from 'expect';
import { types } from 'node:util';
import type { matchers } from '../matchers';
// The real clock, read now, before the file's hooks could install sinon's over Node's timers module:
// the matchers, loaded on first use, take this copy from the file's registry.
import './helpers/realTimers';

type Name = keyof typeof matchers;

const MODULE_OF: Record<Name, string> = {
  toAbortCleanly: '../matchers/toAbortCleanly',
  toBeCalledInOrder: '../matchers/toBeCalledInOrder',
  toBePending: '../matchers/toBePending',
  toHaveBeenCalledInOrder: '../matchers/toHaveBeenCalledInOrder',
  toHaveLastRejectedWith: '../matchers/toHaveLastRejectedWith',
  toHaveLastResolvedWith: '../matchers/toHaveLastResolvedWith',
  toHaveNthRejectedWith: '../matchers/toHaveNthRejectedWith',
  toHaveNthResolvedWith: '../matchers/toHaveNthResolvedWith',
  toHaveRejectedTimes: '../matchers/toHaveRejectedTimes',
  toHaveRejectedWith: '../matchers/toHaveRejectedWith',
  toHaveResolved: '../matchers/toHaveResolved',
  toHaveResolvedTimes: '../matchers/toHaveResolvedTimes',
  toHaveResolvedWith: '../matchers/toHaveResolvedWith',
  toHaveRunConcurrently: '../matchers/toHaveRunConcurrently',
  toLeaveNothingRunning: '../matchers/toLeaveNothingRunning',
  toRejectWith: '../matchers/toRejectWith',
  toResolveWithin: '../matchers/toResolveWithin',
  toYield: '../matchers/toYield',
};

function lazy(name: Name): MatcherFunction<unknown[]> {
  let matcher: MatcherFunction<unknown[]> | undefined;
  return function (this: ThisParameterType<MatcherFunction<unknown[]>>, received: unknown, ...expected: unknown[]) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    matcher ??= (require(MODULE_OF[name]) as Record<Name, MatcherFunction<unknown[]>>)[name];
    return matcher.call(this, received, ...expected);
  };
}

// `await using` and `using` look up Symbol.asyncDispose / Symbol.dispose on the test file's own
// `Symbol`. Jest 29's sandbox lacks them (Node 20 adds them to its own realm only): they are the
// same registered symbols Node uses, so a Node stream or file handle is disposable in tests too.
for (const [name, key] of [['asyncDispose', 'nodejs.asyncDispose'], ['dispose', 'nodejs.dispose']] as const) {
  if (typeof (Symbol as unknown as Record<string, unknown>)[name] !== 'symbol') Object.defineProperty(Symbol, name, { value: Symbol.for(key) });
}

expect.extend(Object.fromEntries(Object.keys(MODULE_OF).map((name) => [name, lazy(name as Name)])));

/**
 * With an async hook on (the environment's), Node stores a promise's async ids on it as two
 * enumerable symbol properties: `toEqual` would compare them, and two pending promises of one async
 * function, equal under bare Jest (they have no properties), would differ (posthog's "returns the
 * same promise while a call is in flight" test). Promises are compared without them; anything else,
 * and promises of two constructors, as Jest does. (Making them non-enumerable in the hook costs
 * 0.6 µs a promise: measured, dropped.)
 */
const NODE_ASYNC_IDS = new Set(['async_id_symbol', 'trigger_async_id_symbol']);
const ownVisible = (promise: object): Record<PropertyKey, unknown> => {
  const visible: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(promise)) {
    if (typeof key === 'symbol' && NODE_ASYNC_IDS.has(key.description ?? '')) continue;
    if (Object.prototype.propertyIsEnumerable.call(promise, key)) visible[key] = (promise as Record<PropertyKey, unknown>)[key];
  }
  return visible;
};
const promisesWithoutAsyncIds: Tester = function (a, b, customTesters) {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || !types.isPromise(a) || !types.isPromise(b)) return undefined;
  if (a === b) return true;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return undefined;
  return this.equals(ownVisible(a), ownVisible(b), customTesters);
};
// Jest 29.4 and later.
(expect as { addEqualityTesters?: (testers: Tester[]) => void }).addEqualityTesters?.([promisesWithoutAsyncIds]);
