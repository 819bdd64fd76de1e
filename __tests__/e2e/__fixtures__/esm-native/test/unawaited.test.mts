test('an unawaited assertion in ESM mode', () => {
  expect(Promise.resolve(1)).resolves.toBe(1);
});
