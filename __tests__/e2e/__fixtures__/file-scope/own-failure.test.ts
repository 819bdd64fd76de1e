test('fails for its own reason', () => {
  throw new Error('its own failure');
});

test('misses an expected assertion', () => {
  expect.assertions(2);
  expect(1).toBe(1);
});
