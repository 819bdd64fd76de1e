// A fake clock of its own, installed the way sinon's is: it keeps the callbacks of its timers.
const clock = { timers: [] as Array<() => void>, real: globalThis.setTimeout };
function install() {
  const fake = Object.assign((callback: () => void) => clock.timers.push(callback), { clock });
  globalThis.setTimeout = fake as unknown as typeof setTimeout;
}
afterEach(() => {
  globalThis.setTimeout = clock.real;
});

test('a promise left waiting on a third-party fake clock is not a leak', async () => {
  install();
  void new Promise((resolve) => setTimeout(resolve, 1500));
});
