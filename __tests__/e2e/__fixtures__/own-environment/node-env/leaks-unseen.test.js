let timer;
afterAll(() => clearTimeout(timer));

test('leaves a timer, unseen without the preset environment', () => {
  timer = setTimeout(() => undefined, 10_000);
});
