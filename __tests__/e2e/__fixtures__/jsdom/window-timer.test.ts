test('leaks a window.setTimeout timer', () => {
  window.setTimeout(() => undefined, 500);
});
