jest.retryTimes(1);

let attempts = 0;
let firstAttemptTimer: NodeJS.Timeout | undefined;
afterAll(() => clearTimeout(firstAttemptTimer));

test('a retried test is judged by its last attempt', () => {
  attempts++;
  if (attempts === 1) {
    firstAttemptTimer = setTimeout(() => undefined, 10_000);
    throw new Error('flaky first attempt');
  }
});

test('legacy fake timers: a pending fake timer is not a real handle', () => {
  jest.useFakeTimers({ legacyFakeTimers: true });
  setTimeout(() => undefined, 1000);
  jest.useRealTimers();
});

test('jest.isolateModules', () => {
  jest.isolateModules(() => {
    expect(require('./pooled-client')).toHaveProperty('keepAlive');
  });
});

let retriedAttempts = 0;
test('a retried test whose failed attempt left a timer nobody clears', () => {
  retriedAttempts++;
  if (retriedAttempts === 1) {
    setTimeout(() => undefined, 10_000);
    throw new Error('flaky first attempt');
  }
});
