let timer: NodeJS.Timeout;
test('hangs on a timer', async () => {
  await new Promise((resolve) => {
    timer = setTimeout(resolve, 10_000);
  });
}, 200);
afterAll(() => clearTimeout(timer));
