import { expect as globalsExpect, test as globalsTest } from '@jest/globals';

test('an unawaited .resolves assertion that would pass', () => {
  expect(Promise.resolve(1)).resolves.toBe(1);
});

test('an unawaited async matcher of the package that would fail', () => {
  expect(Promise.reject(new Error('boom'))).toResolveWithin(10);
});

globalsTest('an unawaited .rejects assertion through @jest/globals', () => {
  globalsExpect(Promise.reject(new Error('no'))).rejects.toThrow('no');
});

test('awaited and returned assertions are fine', async () => {
  await expect(Promise.resolve(1)).resolves.toBe(1);
  await expect(Promise.resolve(2)).toResolveWithin(100);
  return expect(Promise.resolve(3)).resolves.toBe(3);
});
