let release: (() => void) | undefined;
test('leaks a pending promise that code waits on, whose resolver is kept', () => {
  void new Promise<void>((resolve) => {
    release = resolve;
  }).then(() => undefined);
});
afterAll(() => release?.());
