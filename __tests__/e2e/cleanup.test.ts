import { failureOfTest, type JestRun, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

describe('the cleanup assertions through the Jest CLI', () => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('cleanup');
  });

  test('pass, fail and .not as a user sees them', () => {
    expect(statuses(run)).toEqual({
      'a worker started and stopped leaves nothing running': 'passed',
      'a worker left running fails the assertion': 'failed',
      'what the assertion saw and the test released is not reported again': 'passed',
      'what the assertion saw and the test did not release is the test leak': 'failed',
      'an abortable sleep stops cleanly at every step': 'passed',
      'every step of the worker: the handshake leaks': 'failed',
      'times out inside a cleanup assertion': 'failed',
    });
    expect(run.exitCode).toBe(1);
  });

  test('toLeaveNothingRunning names the leftover and its line, with the code frame at the assertion', () => {
    const message = failureOfTest(run, 'a worker left running fails the assertion');
    expect(message).toContain('Expected: nothing fn started still running\nReceived: 1 thing still running:\n\n  ● setInterval timer (every 1000 ms), created at worker.ts:17:22 (called from cleanup.test.ts:14:31)');
    expect(message).toContain('cleanup.test.ts:14:');
  });

  test('a leftover the test keeps is reported by the leak check of the test', () => {
    const message = failureOfTest(run, 'what the assertion saw and the test did not release is the test leak');
    expect(message).toContain('jest-preset-async: the test left 1 thing running');
    expect(message).toContain('setInterval timer (every 1000 ms), created at worker.ts:17:22 (called from cleanup.test.ts:28:');
  });

  test('toAbortCleanly with everyStep names the step and the await where the abort leaks', () => {
    const message = failureOfTest(run, 'every step of the worker: the handshake leaks');
    expect(message).toMatch(/Expected: to stop cleanly within 1000 ms when aborted at every step\nReceived: step \d+ of \d+, aborted as it resumed from worker\.ts:25:11: it rejected with DOMException: This operation was aborted, but left 1 thing running:\n\n {2}● setInterval timer \(every 1000 ms\), created at worker\.ts:17:22/);
    expect(message).toMatch(/Also not clean:\n {2}step \d+ of \d+, aborted while suspended at worker\.ts:27:11: /);
  });

  test('a test that times out inside a cleanup assertion names what the function waits on, and the run still ends (a 10-minute timer, unref once reported)', () => {
    const message = failureOfTest(run, 'times out inside a cleanup assertion');
    expect(message).toContain('Exceeded timeout of 300 ms');
    expect(message).toContain('jest-preset-async: the test timed out while still waiting on:\n\n  ● setTimeout timer (600000 ms), created at cleanup.test.ts:40:53');
  });
});

test('outside the preset environment the cleanup assertions say what they need', async () => {
  const run = await runJest('setup-only', ['cleanup']);
  expect(failureOfTest(run, 'toLeaveNothingRunning needs the environment')).toContain(
    "Matcher error: toLeaveNothingRunning needs the preset's environment: testEnvironment: 'jest-preset-async/environment' (or preset: 'jest-preset-async')",
  );
});
