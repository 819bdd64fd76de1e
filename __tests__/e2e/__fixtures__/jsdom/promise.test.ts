const waiting: Array<() => void> = [];
test('leaks a pending promise that code waits on', () => {
  void new Promise<void>((resolve) => waiting.push(resolve)).then(() => document.title);
});
