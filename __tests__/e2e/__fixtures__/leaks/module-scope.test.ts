// Started while the file loads, by no test: the file fails.
setTimeout(() => undefined, 400);

test('a test in a file with a module-scope timer', () => {
  expect(true).toBe(true);
});
