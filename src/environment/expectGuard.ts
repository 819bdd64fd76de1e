/**
 * Unawaited assertions. Every async assertion — `expect(x).resolves/.rejects...` or a matcher that
 * returns a promise — hands back a thenable that notes when it is awaited (`await` and `return`
 * call its `then`). The environment fails the test for each one never awaited.
 *
 * Both ways of getting `expect` are covered: Jest hands its `expect` to the runtime once per file
 * (`Runtime#setGlobalsForRuntime`, which feeds both the global and `@jest/globals`), and that call is
 * where the guard wraps it.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { types } from 'node:util';
import { withoutOwnFrames } from '../helpers/ownFrames';
import { isThenable } from '../helpers/thenable';
import type { AssertionRecord, Owner } from './tracker';

export const GUARD = Symbol.for('jest-preset-async.expectGuard');

type ExpectFn = ((...args: unknown[]) => unknown) & Record<string, unknown>;
type Guard = (expect: ExpectFn) => ExpectFn;
/** `promise.then(onFulfilled, onRejected)`, as the package's own observer (not a waiter on it). */
type Observe = (promise: PromiseLike<unknown>, onFulfilled: (value: unknown) => unknown, onRejected: (reason: unknown) => unknown) => PromiseLike<unknown>;
type RuntimeProto = { setGlobalsForRuntime?: (globals: Record<string, unknown>) => void; [GUARD]?: true };


/** The jest-runtime class this worker uses: already loaded by jest-runner, else through the project's Jest. */
function runtimeClass(projectDir: string): { prototype: RuntimeProto } | undefined {
  for (const [path, module] of Object.entries(require.cache)) {
    if (!/[\\/]jest-runtime[\\/]build[\\/]index\.js$/.test(path)) continue;
    const exported = (module?.exports as { default?: { prototype: RuntimeProto } } | undefined)?.default;
    if (exported?.prototype?.setGlobalsForRuntime) return exported;
  }
  try {
    let from = join(projectDir, 'package.json');
    for (const name of ['jest', 'jest-cli', '@jest/core', 'jest-runner', 'jest-runtime']) from = createRequire(from).resolve(name);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(from) as { default?: { prototype: RuntimeProto } }).default;
  } catch {
    return undefined;
  }
}

/** Installs the hook once per worker process; each environment then puts its guard on itself. */
export function installExpectHook(projectDir: string): boolean {
  const Runtime = runtimeClass(projectDir);
  const proto = Runtime?.prototype;
  if (!proto?.setGlobalsForRuntime) return false;
  if (proto[GUARD]) return true;
  const original = proto.setGlobalsForRuntime;
  proto.setGlobalsForRuntime = function (this: { _environment?: Record<symbol, unknown> }, globals) {
    const guard = this._environment?.[GUARD] as Guard | undefined;
    if (guard && globals && typeof globals.expect === 'function') globals.expect = guard(globals.expect as ExpectFn);
    return original.call(this, globals);
  };
  proto[GUARD] = true;
  return true;
}

const WRAPPED_CHAINS = new Set(['not', 'resolves', 'rejects']);

/**
 * What `then` on a guarded thenable means. `Promise.all([assertion])` calls it a microtask later
 * from its own job: those calls (`internal`) do not count; awaiting the combined result does.
 */
interface Marker {
  internal: number;
  awaited(): void;
}
const markers = new WeakMap<object, Marker>();

/** A thenable over `settled` that marks `marker` when someone takes its result. */
function guarded(settled: PromiseLike<unknown>, marker: Marker): PromiseLike<unknown> {
  const mark = () => {
    if (marker.internal > 0) marker.internal--;
    else marker.awaited();
  };
  const thenable = {
    then(onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) {
      mark();
      return settled.then(onFulfilled, onRejected);
    },
    catch(onRejected: (reason: unknown) => unknown) {
      mark();
      return settled.then(undefined, onRejected);
    },
    finally(onFinally: () => void) {
      mark();
      return Promise.resolve(settled).finally(onFinally);
    },
    [Symbol.toStringTag]: 'Promise',
  } as PromiseLike<unknown>;
  markers.set(thenable, marker);
  return thenable;
}

/**
 * `Promise.all/allSettled/race/any` of the test's realm. The combinator's result stands for its
 * inputs: its own subscriptions to them are not waiters (`quietly`), so that the inputs a settled
 * `race` or a rejected `all` left pending are inert, as they are (nock races three `once()`s per
 * request); while the result is pending and awaited, it is what is reported. Given guarded
 * assertions, they count as awaited when the result is (a `Promise.all` nobody awaited checks nothing).
 */
export function guardCombinators(promise: Record<string, unknown>, quietly: <T>(attach: () => T) => T): void {
  for (const name of ['all', 'allSettled', 'race', 'any']) {
    const original = promise[name];
    if (typeof original !== 'function') continue;
    const combinator = {
      [name](this: unknown, values: Iterable<unknown>) {
        const call = (input: unknown) => quietly(() => (original as (values: unknown) => PromiseLike<unknown>).call(this, input));
        if (typeof (values as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') return call(values);
        let items: unknown[];
        try {
          items = Array.isArray(values) ? values : [...values];
        } catch (error) {
          // The iterable threw: the combinator rejects with that error, as it would have.
          return call({
            [Symbol.iterator]() {
              throw error;
            },
          });
        }
        const result = call(items);
        const inputs: Marker[] = [];
        for (const item of items) {
          const marker = typeof item === 'object' && item !== null ? markers.get(item) : undefined;
          if (marker) inputs.push(marker);
        }
        if (!inputs.length) return result;
        for (const input of inputs) input.internal++;
        return guarded(result, { internal: 0, awaited: () => inputs.forEach((input) => input.awaited()) });
      },
    }[name];
    promise[name] = combinator;
  }
}

/**
 * Makes the guard: `expect` behaves exactly as before, except that a thenable a matcher returns is
 * replaced by one that records whether it was awaited, in the record list of the test running it.
 */
export function makeGuard(ownerNow: () => Owner | undefined, observe: Observe): Guard {
  const track = (result: PromiseLike<unknown>, label: string, call: (...args: unknown[]) => unknown): PromiseLike<unknown> => {
    const owner = ownerNow();
    if (!owner) return result;
    const site: { stack?: string } = {};
    Error.captureStackTrace(site, call);
    const record: AssertionRecord = { label, site, awaited: false, state: 'pending' };
    owner.assertions.push(record);
    // Not observed for the user: an unawaited failure stays an unhandled rejection, which Jest
    // reports on the test (as it does without the guard). The guard never swallows a failure.
    const settled = observe(
      result,
      (value) => {
        record.state = 'passed';
        return value;
      },
      (error: unknown) => {
        record.state = 'failed';
        const message = String((error as { message?: unknown } | null)?.message ?? error);
        const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
        record.failure = lines.find((line) => /^(Received|Matcher error)/.test(line)) ?? lines[0] ?? '';
        throw types.isNativeError(error) ? withoutOwnFrames(error) : error;
      },
    );
    return guarded(settled, { internal: 0, awaited: () => (record.awaited = true) });
  };

  const wrapChain = (target: object, path: string): object =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value: unknown = Reflect.get(object, key, receiver);
        if (typeof key !== 'string') return value;
        if (WRAPPED_CHAINS.has(key) && typeof value === 'object' && value !== null) return wrapChain(value, `${path}.${key}`);
        if (typeof value !== 'function') return value;
        const call = (...args: unknown[]): unknown => {
          let result: unknown;
          try {
            result = (value as (...a: unknown[]) => unknown).apply(object, args);
          } catch (error) {
            // Jest shows the code frame of the first frame outside node_modules: keep it the user's line.
            // The error comes from the test's realm: `instanceof Error` would be false here.
            throw types.isNativeError(error) ? withoutOwnFrames(error) : error;
          }
          return isThenable(result) ? track(result, `expect(…)${path}.${key}(…)`, call) : result;
        };
        return call;
      },
    });

  return (expect) =>
    new Proxy(expect, {
      apply(target, thisArg, args) {
        const expectation = Reflect.apply(target, thisArg, args) as unknown;
        return typeof expectation === 'object' && expectation !== null ? wrapChain(expectation, '') : expectation;
      },
    });
}
