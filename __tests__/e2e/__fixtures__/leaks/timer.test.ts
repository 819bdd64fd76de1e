let timer: NodeJS.Timeout;
test('leaks a timer', () => {
  timer = setTimeout(() => undefined, 10_000);
});
afterAll(() => clearTimeout(timer));
