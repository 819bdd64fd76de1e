let running = true;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function workerLoop(): Promise<void> {
  while (running) await sleep(20);
}

test('leaks a floating async worker loop', () => {
  void workerLoop();
});
afterAll(() => {
  running = false;
});
