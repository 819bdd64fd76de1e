test('a test runs while the globalSetup server is up', () => {
  expect(1).toBe(1);
});
