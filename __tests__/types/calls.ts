// Type tests for the matchers, checked by `tsc -p` once per host in `npm test`: globals/ (`import { expect }
// from '@jest/globals'`) and global-expect/ (the global `expect` of @types/jest). Every
// `@ts-expect-error` line must be an error, every other line must compile.
import { expect, jest } from 'type-test-host';
import { deferred } from 'jest-preset-async';

class HttpError extends Error {
  status = 500;
}
async function* numbers() {
  yield 1;
}
const lock = jest.fn();
const write = jest.fn();
const pending = deferred<number>().promise;

export async function valid(): Promise<void> {
  await expect(pending).toResolveWithin(100);
  await expect(() => pending).not.toResolveWithin(0);
  await expect(pending).toRejectWith();
  await expect(pending).toRejectWith(HttpError);
  await expect(pending).toRejectWith('message');
  await expect(pending).toRejectWith(/message/);
  await expect(pending).toRejectWith({ status: 500 });
  await expect(pending).toRejectWith(new HttpError('boom'));
  await expect(pending).toRejectWith(HttpError, 'message');
  await expect(pending).toRejectWith(HttpError, /message/);
  await expect(pending).toRejectWith(HttpError, { status: 500 });
  await expect(pending).rejects.toRejectWith(HttpError);
  expect([lock, write, lock]).toHaveBeenCalledInOrder();
  expect([lock, write]).not.toBeCalledInOrder();
  await expect(pending).toBePending();
  await expect(numbers()).toYield([1]);
  await expect(numbers()).not.toYield([]);
  const asyncResult: Promise<void> = expect(pending).toResolveWithin(1);
  const syncResult: void = expect([lock]).toHaveBeenCalledInOrder();
  await asyncResult;
  return syncResult;
}

export function invalid(): void {
  // @ts-expect-error the limit is a number of milliseconds
  void expect(pending).toResolveWithin('100');
  // @ts-expect-error the limit is required
  void expect(pending).toResolveWithin();
  // @ts-expect-error a detail needs an Error class before it
  void expect(pending).toRejectWith('message', 'detail');
  // @ts-expect-error a number is not a rejection expectation
  void expect(pending).toRejectWith(404);
  // @ts-expect-error the order matcher takes no argument
  expect([lock]).toHaveBeenCalledInOrder(write);
  // @ts-expect-error toBePending takes no argument
  void expect(pending).toBePending(10);
  // @ts-expect-error toYield takes an array of values
  void expect(numbers()).toYield(1);
  // @ts-expect-error a synchronous matcher does not return a promise
  const notAPromise: Promise<void> = expect([lock]).toHaveBeenCalledInOrder();
  void notAPromise;
}
