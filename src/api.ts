/**
 * The public API, every name: re-exported by the package entry (src/index.ts), which also makes it
 * its default export.
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
export type { AbortCleanlyOptions, AsyncInput, AsyncMatchers, ErrorClass, RejectionExpectation } from './types/matchers';
