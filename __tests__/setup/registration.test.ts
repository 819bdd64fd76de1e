import { matchers } from '../../matchers';

test('the setup file registers every matcher of the package', () => {
  const expectation = expect(null) as unknown as Record<string, unknown>;
  const missing = Object.keys(matchers).filter((name) => typeof expectation[name] !== 'function');
  expect(missing).toEqual([]);
  expect(Object.keys(matchers).length).toBeGreaterThanOrEqual(10);
});
