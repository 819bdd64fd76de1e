import { jest } from '@jest/globals';
import { sum } from '../src/sum.js';

test('an ESM TypeScript test in native ESM mode', async () => {
  const spy = jest.fn(sum);
  expect(spy(1, 2)).toBe(3);
  expect(typeof import.meta.url).toBe('string');
  await expect(Promise.resolve(1)).toResolveWithin(1000);
});
