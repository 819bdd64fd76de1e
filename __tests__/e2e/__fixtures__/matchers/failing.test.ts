test('toResolveWithin on a promise that never settles', async () => {
  await expect(new Promise(() => undefined)).toResolveWithin(10);
});

test('toRejectWith on a promise that resolved', async () => {
  await expect(Promise.resolve('fine')).toRejectWith(TypeError);
});

test('toHaveBeenCalledInOrder on calls in the other order', () => {
  const lock = jest.fn().mockName('lock');
  const write = jest.fn().mockName('write');
  write();
  lock();
  expect([lock, write]).toHaveBeenCalledInOrder();
});

test('toBePending on a settled promise', async () => {
  await expect(Promise.resolve(7)).toBePending();
});

test('toYield on different values', async () => {
  await expect([1, 2]).toYield([1, 3]);
});

test('bad input is a matcher error', async () => {
  await expect(42).toResolveWithin(10);
});

test('a passing test after the failures still runs', () => {
  expect(1).toBe(1);
});
