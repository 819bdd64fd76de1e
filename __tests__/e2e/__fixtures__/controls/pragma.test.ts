/**
 * @jest-preset-async handles=off graceMs=5
 */
let timer: NodeJS.Timeout;
test('handles=off in the docblock pragma: a leaked timer passes in this file', () => {
  timer = setTimeout(() => undefined, 10_000);
});
afterAll(() => clearTimeout(timer));
