test('100,000 promises in one test', async () => {
  let sum = 0;
  for (let i = 0; i < 100_000; i++) sum += await Promise.resolve(1);
  expect(sum).toBe(100_000);
});

test('100,000 promises nothing can settle, abandoned', () => {
  for (let i = 0; i < 100_000; i++) void new Promise(() => undefined);
});

test('10,000 timers created and cleared', () => {
  for (let i = 0; i < 10_000; i++) clearTimeout(setTimeout(() => undefined, 60_000));
});

test('a chain of 100,000 then() calls', async () => {
  let chain: Promise<number> = Promise.resolve(0);
  for (let i = 0; i < 100_000; i++) chain = chain.then((n) => n + 1);
  await expect(chain).resolves.toBe(100_000);
});

test('deep recursion of async functions', async () => {
  const depth = async (n: number): Promise<number> => (n === 0 ? 0 : 1 + (await depth(n - 1)));
  await expect(depth(1_000)).resolves.toBe(1_000);
});

test('a test that never awaits anything', () => {
  expect([1, 2, 3].map((n) => n * 2)).toEqual([2, 4, 6]);
});

test('many concurrent timers that all fire', async () => {
  await Promise.all(Array.from({ length: 1000 }, (_, i) => new Promise((done) => setTimeout(done, i % 5))));
});
