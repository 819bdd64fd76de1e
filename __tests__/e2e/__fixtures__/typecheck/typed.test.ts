test('a value of the wrong type', () => {
  const port: number = 'eighty' as unknown as string;
  expect(port).toBe('eighty');
});
