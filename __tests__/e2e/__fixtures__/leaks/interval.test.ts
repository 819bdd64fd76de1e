let interval: NodeJS.Timeout;
test('leaks an interval', () => {
  interval = setInterval(() => undefined, 1000);
});
afterAll(() => clearInterval(interval));
