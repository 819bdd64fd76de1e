/**
 * @jest-preset-async scope=test
 */
let timer;
afterAll(() => clearTimeout(timer));

test('leaves a timer, seen by an environment built on the preset one', () => {
  timer = setTimeout(() => undefined, 10_000);
});
