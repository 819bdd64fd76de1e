import { RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

test('no crash and no false report under load: 100,000 promises, 10,000 timers, long chains, deep recursion', async () => {
  const run = await runJest('robustness');
  expect(statuses(run)).toEqual({
    '100,000 promises in one test': 'passed',
    '100,000 promises nothing can settle, abandoned': 'passed',
    '10,000 timers created and cleared': 'passed',
    'a chain of 100,000 then() calls': 'passed',
    'deep recursion of async functions': 'passed',
    'a test that never awaits anything': 'passed',
    'many concurrent timers that all fire': 'passed',
  });
  expect(run.exitCode).toBe(0);
}); // a heavy fixture on purpose: several seconds of its own

test('an unhandled rejection in the last synchronous test of a file fails the run, as under bare Jest', async () => {
  // Bare Jest 30 does not catch it either: Node ends the process with the error, and Jest writes no result.
  await expect(runJest('unhandled-rejection')).rejects.toThrow(/^Jest wrote no result \(exit 1\):[\s\S]*Error: boom nobody handled/);
});
