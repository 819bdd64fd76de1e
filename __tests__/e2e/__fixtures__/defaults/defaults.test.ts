// No tsconfig.json in this project: ts-jest's defaults, with the preset's isolated transpiling.
const send = jest.fn();

test('first test calls the shared mock', () => {
  send('hello');
  expect(send).toHaveBeenCalledTimes(1);
});

test('mock calls are cleared before the next test (clearMocks)', () => {
  expect(send).not.toHaveBeenCalled();
});

test('the user testTimeout overrides the preset', async () => {
  await new Promise<void>(() => undefined);
});

enum Level {
  Low,
  High,
}
test('TypeScript-only syntax compiles without a tsconfig', () => {
  const level: Level = Level.High;
  expect(level).toBe(1);
});
