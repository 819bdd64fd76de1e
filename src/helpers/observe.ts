/**
 * How the package's own matchers watch a promise: a `then` (or a `Promise.race`) made inside the
 * environment's quiet window does not count as code waiting on the promise. A matcher that looks
 * at a promise which never settles (`toBePending`, `.not.toResolveWithin`) must not make it, or its
 * own watchers, a pending promise the test left waited on. Outside the environment (the setup-file
 * route) the window does nothing.
 */
export const QUIETLY = Symbol.for('jest-preset-async.quietly');

type Quietly = <T>(attach: () => T) => T;

/** Runs `attach` (synchronous: it attaches handlers) so that what it attaches waits for nobody. */
export function quietly<T>(attach: () => T): T {
  const own = (globalThis as Record<symbol, Quietly | undefined>)[QUIETLY];
  return own ? own(attach) : attach();
}

export function observe<T, R>(promise: PromiseLike<T>, onFulfilled: (value: T) => R, onRejected: (reason: unknown) => R): Promise<R> {
  return quietly(() => Promise.resolve(promise).then(onFulfilled, onRejected));
}
