// Timers that fire after their test and then clear themselves: they ran during the next test.
let ready = false;
const seen: string[] = [];

test('polls until ready, and stops itself once it is', () => {
  const poll = setInterval(() => {
    if (!ready) return;
    clearInterval(poll);
    seen.push('polled');
  }, 20);
});

test('sets a timeout that cleans up after itself', () => {
  const timer = setTimeout(() => {
    clearTimeout(timer);
    seen.push('timed out');
  }, 50);
});

test('becomes ready while the earlier work runs', async () => {
  ready = true;
  await new Promise((resolve) => setTimeout(resolve, 120));
  expect(seen.sort()).toEqual(['polled', 'timed out']);
});
