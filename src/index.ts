/**
 * jest-preset-async: the public API. No side effects: matchers are registered by the preset's
 * setup file (`jest-preset-async/setup`); importing anything from here loads their types.
 */
export { deferred, type Deferred } from './helpers/deferred';
export type { AsyncInput, AsyncMatchers, ErrorClass, RejectionExpectation } from './types/matchers';
