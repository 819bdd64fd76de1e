// A library's setImmediate loop a test starts and never stops: one live thing, and the run still ends.
const { spin } = require('spinner') as { spin: (work: () => void) => { stop(): void } };

let spins = 0;

test('starts a library immediate loop and never stops it', () => {
  spin(() => spins++);
});

test('runs while the loop spins', async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(spins).toBeGreaterThan(0);
});
