import { deferred } from 'jest-preset-async';

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

test('every matcher passes through the preset', async () => {
  await expect(Promise.resolve('up')).toResolveWithin(1000);
  await expect(Promise.reject(new HttpError(503))).toRejectWith(HttpError, { status: 503 });
  const lock = jest.fn();
  const write = jest.fn();
  lock();
  write();
  lock();
  expect([lock, write, lock]).toHaveBeenCalledInOrder();
  expect([lock, write]).toBeCalledInOrder();
  await expect(deferred().promise).toBePending();
  async function* letters() {
    yield 'a';
    yield 'b';
  }
  await expect(letters()).toYield(['a', 'b']);
});
