const { start } = require('poller') as { start: (check: () => void) => { stop(): void } };

test('leaves an interval nobody clears', () => {
  setInterval(() => undefined, 1000);
});

test('starts a poller and never stops it', () => {
  start(() => undefined);
});

test('a clean test in the same file', () => {
  expect(1).toBe(1);
});

test('leaves a child process running, with its stdio piped', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('node:child_process').spawn('sleep', ['5']);
});

test('starts an async poller that re-arms after an await', () => {
  const poll = async () => {
    await Promise.resolve('checked');
    setTimeout(poll, 20);
  };
  setTimeout(poll, 20);
});
