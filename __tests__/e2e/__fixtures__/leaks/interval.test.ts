let interval: NodeJS.Timeout;
test('leaks an interval', () => {
  interval = setInterval(() => setTimeout(() => undefined, 50), 10);
});

test('a later test is not blamed for what the earlier one left running', async () => {
  // The interval above keeps firing (and starting timers) during this test.
  await new Promise((resolve) => setTimeout(resolve, 40));
});
afterAll(() => clearInterval(interval));
