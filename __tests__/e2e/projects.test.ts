import { failureOfTest, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

test('Jest projects (a monorepo): leaks fail at their line, and one summary names each file unambiguously', async () => {
  const run = await runJest('projects');
  expect(statuses(run)).toEqual({
    'api: a clean test': 'passed',
    'web: a clean test': 'passed',
    'api: leaks an interval': 'failed',
    'web: leaks a timer': 'failed',
  });
  expect(failureOfTest(run, 'api: leaks an interval')).toContain('setInterval timer (every 1000 ms), created at ');
  expect(failureOfTest(run, 'api: leaks an interval')).toMatch(/created at (packages\/api\/)?__tests__\/a\.test\.ts:2:3/);
  expect(failureOfTest(run, 'web: leaks a timer')).toMatch(/setTimeout timer \(5000 ms\), created at (packages\/web\/)?__tests__\/a\.test\.ts:3:3/);
  // The summary: paths relative to the run's rootDir, so the two a.test.ts are told apart.
  expect(run.report).toContain('jest-preset-async: 2 tests in 2 files left things running or unchecked:');
  expect(run.report).toContain(
    '  packages/api/__tests__/a.test.ts\n    ✕ api: leaks an interval: setInterval timer (every 1000 ms), created at packages/api/__tests__/a.test.ts:2:3',
  );
  expect(run.report).toContain(
    '  packages/web/__tests__/a.test.ts\n    ✕ web: leaks a timer: setTimeout timer (5000 ms), created at packages/web/__tests__/a.test.ts:3:3',
  );
  expect(run.exitCode).toBe(1);
});
