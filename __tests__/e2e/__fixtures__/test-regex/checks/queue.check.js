// A project that finds its tests with its own testRegex adopts the preset with one line.
test('is found by the project testRegex and runs under the preset', async () => {
  await expect(Promise.resolve('drained')).toResolveWithin(100);
});

test('still has leak detection', () => {
  setTimeout(() => undefined, 5000);
});
