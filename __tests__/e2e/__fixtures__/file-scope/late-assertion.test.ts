const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 50));

test('checks in a callback it does not wait for', () => {
  void later(1).then((value) => {
    expect(Promise.resolve(value)).resolves.toBe(1);
  });
});

test('an unawaited assertion that fails after the test still fails it', () => {
  setTimeout(() => {
    void expect(Promise.resolve(1)).resolves.toBe(2);
  }, 10);
});

test('a slow test after them', async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
});
