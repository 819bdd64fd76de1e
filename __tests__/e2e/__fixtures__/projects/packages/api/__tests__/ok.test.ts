test('api: a clean test', async () => {
  await expect(Promise.resolve('api')).toResolveWithin(1000);
});
