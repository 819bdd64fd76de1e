test('fails for its own reason', () => {
  throw new Error('its own failure');
});
