/**
 * Spies do not keep the name of the method they replace (`jest.spyOn(db, 'query').getMockName()`
 * is `jest.fn()`). The environment records it here, without changing what Jest prints elsewhere,
 * so that `toHaveBeenCalledInOrder` can say `query`.
 */
export const SPY_NAMES = Symbol.for('jest-preset-async.spyNames');

export type SpyNames = WeakMap<object, string>;

/** The names recorded for the current test file, when the preset's environment runs it. */
export const spyNames = (): SpyNames | undefined => (globalThis as Record<symbol, SpyNames | undefined>)[SPY_NAMES];

interface SpyingMocker {
  spyOn(object: object, methodKey: PropertyKey, accessType?: 'get' | 'set'): unknown;
}

/** Wraps a ModuleMocker's `spyOn` (before Jest binds it into the `jest` object) to record method names. */
export function recordSpyNames(mocker: SpyingMocker, global: object): void {
  const names: SpyNames = new WeakMap();
  (global as Record<symbol, SpyNames>)[SPY_NAMES] = names;
  const spyOn = mocker.spyOn.bind(mocker);
  mocker.spyOn = (object, methodKey, accessType) => {
    const spy = spyOn(object, methodKey, accessType);
    if (typeof spy === 'function') names.set(spy, accessType ? `${accessType} ${String(methodKey)}` : String(methodKey));
    return spy;
  };
}
