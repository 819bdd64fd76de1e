// The package's matchers look at promises that never settle: that is no promise the test waits on.
const never = new Promise<void>(() => {});
const gate = { opened: new Promise<void>(() => {}) };
const connect = jest.fn(() => new Promise<void>(() => {}));
const replies = new Map<number, () => void>();
const request = (id: number) => new Promise<void>((resolve) => replies.set(id, resolve));

test('checks that a gate is pending', async () => {
  await expect(never).toBePending();
  await expect(gate.opened).not.toResolveWithin(20);
  await expect(() => request(1)).not.toResolveWithin(20);
});

test('checks a mock whose call never settles', async () => {
  void connect();
  await expect(connect).not.toHaveResolved();
});

// Its own code waits on the reply, which the map can still deliver: a leak, as without the matcher.
test('waits in its own function on a reply that never comes', async () => {
  await expect(async () => {
    await request(2);
  }).not.toResolveWithin(20);
});

// A deferred the test makes and a module keeps (still reachable), only looked at by the matchers.
const gates: Record<string, { promise: Promise<void> }> = {};

test('checks a deferred it keeps in a module-level map', async () => {
  gates.ready = { promise: new Promise<void>(() => {}) };
  await expect(gates.ready.promise).toBePending();
  await expect(gates.ready.promise).not.toResolveWithin(20);
});
