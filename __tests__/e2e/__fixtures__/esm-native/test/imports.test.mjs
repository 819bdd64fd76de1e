import api, { deferred } from 'jest-preset-async';
import matchers, { matchers as named } from 'jest-preset-async/matchers';

test('the default imports of an .mjs test', async () => {
  expect(api.deferred).toBe(deferred);
  expect(matchers).toBe(named);
  expect(Object.values(matchers).every((matcher) => typeof matcher === 'function')).toBe(true);
  await expect(deferred().promise).toBePending();
});
