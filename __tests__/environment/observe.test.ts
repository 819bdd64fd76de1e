import { observe, quietly } from '../../src/helpers/observe';

describe("the matchers' observer", () => {
  test('observe calls the handler that matches how the promise settled', async () => {
    await expect(observe(Promise.resolve(2), (value) => value * 3, () => -1)).resolves.toBe(6);
    await expect(observe<unknown, string>(Promise.reject(new Error('no')), () => '', (reason) => (reason as Error).message)).resolves.toBe('no');
  });

  test('quietly returns what the function returns, and lets its error through', () => {
    expect(quietly(() => 5)).toBe(5);
    expect(() =>
      quietly(() => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
  });
});
