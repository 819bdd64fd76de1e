import { expect, jest, test } from '@jest/globals';

test('matchers work with the expect of @jest/globals', async () => {
  const connect = jest.fn();
  connect();
  expect([connect]).toHaveBeenCalledInOrder();
  await expect(Promise.resolve(1)).toResolveWithin(100);
  await expect(Promise.reject(new Error('nope'))).toRejectWith('nope');
});
