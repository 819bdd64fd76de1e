import { failureOfTest, type JestRun, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

describe('the controls of leak detection', () => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('controls');
  });

  test('allowances, ignore rules, modes and pragmas decide which tests fail', () => {
    expect(statuses(run)).toEqual({
      'allowLeaks lets this test leave a timer': 'passed',
      'the allowance does not carry over to the next test': 'failed',
      'an ignore rule by stack pattern': 'passed',
      'a pending promise only warns (promises: warn)': 'passed',
      'an unknown kind is a clear error': 'passed',
      'a test that fails for its own reason keeps its failure, with the leak added': 'failed',
      'a test that throws a non-Error': 'failed',
      'handles=off in the docblock pragma: a leaked timer passes in this file': 'passed',
      'a retried test is judged by its last attempt': 'passed',
      'a retried test whose failed attempt left a timer nobody clears': 'failed',
      'legacy fake timers: a pending fake timer is not a real handle': 'passed',
      'jest.isolateModules': 'passed',
      'pending fake timers fail when the fakeTimers option is on': 'failed',
      'run fake timers pass': 'passed',
      'fake timers switched back in afterEach still counts the fake timers that were pending': 'failed',
    });
  });

  test('warn mode prints the report instead of failing', () => {
    expect(run.report).toContain('jest-preset-async (warning): the test left 1 thing running or unchecked:');
    expect(run.report).toContain('pending promise, created at controls.test.ts:25:8');
  });

  test('a test that failed for another reason keeps that failure and gets the report too', () => {
    const message = failureOfTest(run, 'a test that fails for its own reason keeps its failure, with the leak added');
    expect(message).toContain('expect(received).toBe(expected)');
    expect(message).toContain('setTimeout timer (10000 ms), created at controls.test.ts:35:15');
  });

  test('pending fake timers are reported when the option is on, also after useRealTimers in afterEach', () => {
    expect(failureOfTest(run, 'pending fake timers fail when the fakeTimers option is on')).toContain('the test left 2 pending fake timers');
    expect(failureOfTest(run, 'fake timers switched back in afterEach still counts the fake timers that were pending')).toContain(
      'the test left 1 pending fake timer',
    );
  });

  test("what a failed attempt of a retried test left is judged at the end of the file (Jest drops the attempt's errors)", () => {
    expect(failureOfTest(run, 'a retried test whose failed attempt left a timer nobody clears')).toContain(
      "setTimeout timer (10000 ms), created at compat.test.ts:31:5 — still running after the file's afterAll hooks",
    );
  });

  test('a bad setting fails its file with a message that names it', () => {
    expect(run.suiteFailures.join('\n')).toContain(
      'jest-preset-async: the @jest-preset-async pragma of bad-pragma.test.ts: handles must be "fail", "warn" or "off", received "loud"',
    );
  });
});

describe('leak detection with other Jest modes', () => {
  let inBand: JestRun;
  beforeAll(async () => {
    inBand = await runJest('leaks', ['-i']);
  });

  test.each([
    ['--maxWorkers=2', ['--maxWorkers=2']],
    ['--detectOpenHandles on top', ['--detectOpenHandles']],
  ])('%s fails the same tests as -i', async (_mode, args) => {
    const other = await runJest('leaks', args);
    expect(statuses(other)).toEqual(statuses(inBand));
    expect(other.exitCode).toBe(1);
  });

  test('--shard runs a part, with the same verdicts for the tests it runs', async () => {
    const [first, second] = await Promise.all([runJest('leaks', ['--shard=1/2']), runJest('leaks', ['--shard=2/2'])]);
    expect({ ...statuses(first), ...statuses(second) }).toEqual(statuses(inBand));
    expect(first.tests.size).toBeGreaterThan(0);
    expect(second.tests.size).toBeGreaterThan(0);
  });
});
