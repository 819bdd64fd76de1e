import { failureOfTest, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

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

test('an unhandled rejection in the last synchronous test of a file, with nothing left running, ends the run with the error, as under bare Jest', async () => {
  // Node reports it once the microtasks run out, after Jest stopped listening: Node ends the process.
  await expect(runJest('unhandled-rejection', [], { timeoutMs: 60_000 })).rejects.toThrow(/^Jest wrote no result \(exit 1\):[\s\S]*Error: boom nobody handled/);
});

test('one Node reports while the file verdict waits fails its test: Jest 30 would file it and never report it', async () => {
  const run = await runJest('late-rejection', [], { timeoutMs: 60_000 });
  expect(statuses(run)).toEqual({ 'leaves an interval running': 'failed', 'checks in a then it does not return': 'failed' });
  expect(failureOfTest(run, 'checks in a then it does not return')).toContain('Expected: 2');
  expect(run.exitCode).toBe(1);
});

test('on Jest 29 it fails the file', async () => {
  const run = await runJest('late-rejection', [], { jest: 29, timeoutMs: 60_000 });
  expect(run.suiteFailures.join('\n')).toContain('Expected: 2');
  expect(run.exitCode).toBe(1);
});

test('a file that throws while it loads, after its module scope started an interval, fails with its own error and the run still ends', async () => {
  const run = await runJest('module-throws', [], { timeoutMs: 60_000 });
  expect(run.suiteFailures.join('\n')).toContain('SOME_REQUIRED_CONFIG is not set');
  expect(run.exitCode).toBe(1);
  expect(run.report).not.toContain('killed after');
  expect(run.report).not.toContain('did not exit');
});

test('a leak the report named that keeps working (an endless loop of thread-pool jobs) fails its test at its line, and the run still ends with exit code 1', async () => {
  const run = await runJest('endless-work', ['-i'], { timeoutMs: 60_000 });
  expect(statuses(run)).toEqual({ 'starts an exporter and never stops it': 'failed', 'stops its own exporter': 'passed' });
  expect(failureOfTest(run, 'starts an exporter and never stops it')).toMatch(/pending promise, created at exporter\.test\.ts:11:11 .* still pending after the file's afterAll hooks/);
  expect(run.report).toContain('ended the run');
  expect(run.report).not.toContain('killed after');
  expect(run.exitCode).toBe(1);
});
