test('api: leaks an interval', () => {
  setInterval(() => undefined, 1000);
});
