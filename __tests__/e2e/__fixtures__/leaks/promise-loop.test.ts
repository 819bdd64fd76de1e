const release: Array<() => void> = [];
test('leaks 100 pending promises made in one loop, past the stacks captured per step', () => {
  for (let i = 0; i < 100; i++) {
    void Promise.resolve(i).then((x) => x + 1);
    void new Promise<void>((resolve) => release.push(resolve)).then(() => undefined);
  }
});
afterAll(() => release.forEach((resolve) => resolve()));
