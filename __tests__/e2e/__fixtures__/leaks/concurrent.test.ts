const timers: NodeJS.Timeout[] = [];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.concurrent('concurrent sibling that leaks', async () => {
  await pause(10);
  timers.push(setTimeout(() => undefined, 10_000));
  await pause(30);
});

test.concurrent('concurrent sibling that is clean', async () => {
  await pause(20);
  await pause(20);
});
afterAll(() => timers.forEach(clearTimeout));
