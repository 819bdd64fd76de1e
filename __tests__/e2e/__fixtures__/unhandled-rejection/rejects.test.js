test('passes', () => {
  expect(1).toBe(1);
});

test('rejects a promise nobody handles, in the last synchronous test of the file', () => {
  Promise.reject(new Error('boom nobody handled'));
});
