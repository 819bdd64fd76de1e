test('leaks an interval', () => {
  setInterval(() => undefined, 10);
});

test('a later test is not blamed for what the earlier one left running', async () => {
  await new Promise((resolve) => setTimeout(resolve, 40));
});
