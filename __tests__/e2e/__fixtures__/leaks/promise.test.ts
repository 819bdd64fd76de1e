let release: (() => void) | undefined;
test('leaks a pending promise whose resolver is kept', () => {
  void new Promise<void>((resolve) => {
    release = resolve;
  });
});
afterAll(() => release?.());
