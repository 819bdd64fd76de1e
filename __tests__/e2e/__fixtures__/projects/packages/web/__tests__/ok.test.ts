test('web: a clean test', async () => {
  await expect(Promise.resolve('web')).toResolveWithin(1000);
});
