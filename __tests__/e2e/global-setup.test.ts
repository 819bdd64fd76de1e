import { RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

test('the preset globalTeardown fails the run for what globalSetup left open, naming it', async () => {
  const run = await runJest('global-setup');
  expect(statuses(run)).toEqual({ 'a test runs while the globalSetup server is up': 'passed' });
  expect(run.report).toContain('jest-preset-async: globalSetup left 1 thing running after all tests (close it in a globalTeardown):');
  expect(run.report).toContain('listening server, created at global-setup.js:5:43');
  expect(run.report).toContain("Close it in your globalTeardown; one of your own keeps this check if it ends with the preset's");
  expect(run.exitCode).toBe(1);
});

test('what globalSetup left does not keep Jest from exiting, and --forceExit still exits 1', async () => {
  const run = await runJest('global-setup', ['--forceExit']);
  expect(statuses(run)).toEqual({ 'a test runs while the globalSetup server is up': 'passed' });
  expect(run.report).toContain('listening server, created at global-setup.js:5:43');
  expect(run.exitCode).toBe(1);
});

test('after reporting them, leaked handles no longer hold the run open: Jest exits by itself', async () => {
  const run = await runJest('no-cleanup');
  expect(statuses(run)).toEqual({ 'leaks an interval and a server, cleans nothing': 'failed', 'later test': 'passed' });
  expect(run.report).not.toContain('Jest did not exit');
  expect(run.exitCode).toBe(1);
});
