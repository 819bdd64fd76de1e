test('a project without the preset', () => {
  expect(1).toBe(1);
});
