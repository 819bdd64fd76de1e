// The same file name in another package.
test('web: leaks a timer', () => {
  setTimeout(() => undefined, 5000);
});
