import { jest } from '@jest/globals';
import { mock, type MockProxy } from 'jest-mock-extended';

type Implementation<T> = Parameters<typeof mock<T>>[0];

const asyncDispose: symbol = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

export type MockAsyncDisposable<T> = MockProxy<T> & T & { [Symbol.asyncDispose]: jest.Mock<() => Promise<void>> };

/**
 * A jest-mock-extended `mock<T>()` that is also `AsyncDisposable`: its `Symbol.asyncDispose` is a
 * `jest.fn`, so `await using` works and the test asserts it was disposed — Python's
 * `__aenter__`/`__aexit__` on an `AsyncMock`.
 * @example
 * const conn = mockAsyncDisposable<Connection>();
 * pool.acquire.mockResolvedValue(conn);
 * await handler.run();
 * expect(conn[Symbol.asyncDispose]).toHaveBeenCalledTimes(1);
 */
export function mockAsyncDisposable<T>(implementation?: Implementation<T>): MockAsyncDisposable<T> {
  const disposable = mock<T>(implementation) as MockAsyncDisposable<T>;
  (disposable as unknown as Record<symbol, unknown>)[asyncDispose] = jest.fn(async () => undefined);
  return disposable;
}
