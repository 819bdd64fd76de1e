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

test('hands passing assertions to a Promise.all nobody awaits', () => {
  void Promise.all([expect(Promise.resolve(1)).resolves.toBe(1), expect(Promise.reject(new Error('x'))).rejects.toThrow('x')]);
});

test('awaits a Promise.all of assertions', async () => {
  await Promise.all([expect(Promise.resolve(1)).resolves.toBe(1), expect(later(2)).resolves.toBe(2)]);
  await Promise.allSettled([expect(later(3)).resolves.toBe(3)]);
});

test('a slow test after them', async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
});
