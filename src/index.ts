/**
 * jest-preset-async: the public API. No side effects: matchers are registered by the preset's
 * setup file (`jest-preset-async/setup`); importing anything from here loads their types.
 */
export type { LeakKind } from './environment/kinds';
export { TimeoutError } from './errors';
export { allowLeaks } from './helpers/allowLeaks';
export { collect } from './helpers/collect';
export { deferred, type Deferred } from './helpers/deferred';
export { eventually, type EventuallyOptions } from './helpers/eventually';
export { fixture } from './helpers/fixture';
export { flushPromises } from './helpers/flushPromises';
export { trackConcurrency, type ConcurrencyEvent, type ConcurrencyRecord, type Tracked } from './helpers/trackConcurrency';
export { withTimeout, type WithTimeoutOptions } from './helpers/withTimeout';
export * from './mocks';
export type { AsyncInput, AsyncMatchers, ErrorClass, RejectionExpectation } from './types/matchers';
