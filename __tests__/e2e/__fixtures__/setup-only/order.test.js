test('matchers are registered by the setup file alone', async () => {
  const open = jest.fn();
  const close = jest.fn();
  open();
  close();
  expect([open, close]).toHaveBeenCalledInOrder();
  await expect(Promise.resolve()).toResolveWithin(100);
});

test('and they fail as they should', async () => {
  await expect(Promise.reject(new RangeError('too far'))).toRejectWith(TypeError);
});
