/** Async mocks on jest-mock-extended, and jest-mock-extended itself (`mock`, `mockDeep`, `calledWith`, ...). */
export * from 'jest-mock-extended';
export { mockAsyncDisposable, type MockAsyncDisposable } from './mockAsyncDisposable';
export { mockAsyncIterable, type MockAsyncIterable } from './mockAsyncIterable';
export { mockSequence } from './mockSequence';
