import { failureOfTest, type JestRun, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

/** What a leaking test must show: the thing in user words and where it was created. */
const LEAKS: Array<[test: string, what: string]> = [
  ['leaks a timer', 'setTimeout timer (10000 ms), created at timer.test.ts:3:11'],
  ['leaks an interval', 'setInterval timer (every 10 ms), created at interval.test.ts:3:14'],
  ['leaks a listening server', 'listening server, created at server.test.ts:6:49'],
  ['leaks a client socket', 'socket, created at socket.test.ts:16:19'],
  ['leaks a child process', 'child process (pid '],
  ['leaks a file watcher', 'file watcher (fs.watch), created at watcher.test.ts:6:18'],
  ['leaks a UDP socket', 'UDP socket, created at udp.test.ts:5:24'],
  ['leaks a pending promise that code waits on, whose resolver is kept', 'pending promise, created at promise.test.ts:3:8'],
  // Past the first stacks of a synchronous step, a loop's promises share the site of the same line a period before: one line, all 100.
  ['leaks 100 pending promises made in one loop, past the stacks captured per step', '100 pending promises, created at promise-loop.test.ts:5:10'],
  ['leaks a floating async worker loop', 'setTimeout timer (20 ms), created at worker-loop.test.ts:2:56 (called from worker-loop.test.ts:5:25)'],
  ['an unawaited .resolves assertion that would pass', 'expect(…).resolves.toBe(…) was not awaited, created at unawaited.test.ts:4:39 — it passed, but nothing waited for it to check'],
  ['an unawaited async matcher of the package that would fail', 'expect(…).toResolveWithin(…) was not awaited, created at unawaited.test.ts:8:45 — and it failed: Received: rejected'],
  ['an unawaited .rejects assertion through @jest/globals', 'expect(…).rejects.toThrow(…) was not awaited, created at unawaited.test.ts:12:58'],
  ['concurrent sibling that leaks', 'setTimeout timer (10000 ms), created at concurrent.test.ts:6:15'],
  // undici opens the socket on a later tick, deep in its own code: the report names the fetch call.
  ['leaks a fetch', 'socket, created at fetch.test.ts:17:8'],
  // The listener runs in the async context of a bus the earlier test made: the test that emitted owns what it starts.
  ['emits a job whose listener leaks an interval', 'setInterval timer (every 1000 ms), created at emitter.test.ts:10:33 (called from emitter.test.ts:14:7)'],
  // The socket was opened by the earlier test; this one took it from the keep-alive pool.
  ['leaks the pooled socket it took', 'socket, created at pool.test.ts:25:'],
  // Its request waited in the agent's queue while a concurrent sibling held the one socket: it owns the socket once it gets it.
  ['queues behind it for the socket and leaves it busy', 'socket, created at pool-queue.test.ts:25:6'],
];

const CLEAN = [
  'creates the bus and its listener',
  'a clean request returns the socket to the pool',
  'a clean request that holds the pooled socket first',
  'a cleared timer',
  'an unref timer',
  'an awaited server close',
  'the loser of a race whose timer was cleared',
  'an abandoned promise that nothing can settle',
  'an awaited child process',
  'an immediate that runs within the grace period',
  'a done callback',
  'test.each case 1',
  'test.each case 2',
  'pending fake timers are not real handles',
  'the server from beforeAll is in use',
  'awaited and returned assertions are fine',
  'concurrent sibling that is clean',
  'a server opened in beforeAll and never closed a test inside passes',
  'a test in a file with a module-scope timer',
  'a later test is not blamed for what the earlier one left running',
  'a promise left waiting on a third-party fake clock is not a leak',
  "a library's short one-shot timer ends by itself and is not reported",
  "touching the process's stdin and stderr is not a leak",
];

describe.each([30, 29] as const)('leak detection on a fixture project, one leak per file, on Jest %i', (jest) => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('leaks', [], { jest });
  });

  test('each planted leak fails its own test; the clean tests pass', () => {
    const expected = Object.fromEntries([
      ...LEAKS.map(([name]) => [name, 'failed']),
      ['hangs on a timer', 'failed'],
      ['hangs on a fetch', 'failed'],
      ['hangs waiting for a reply on the client from beforeAll', 'failed'],
      ['a beforeEach that hangs on a fetch runs after it', 'failed'],
      ['a beforeAll that hangs runs after it', 'failed'],
      ['a beforeAll that waits on the shared client never runs, its beforeAll hung', 'failed'],
      ...CLEAN.map((name) => [name, 'passed']),
    ]);
    expect(statuses(run)).toEqual(expected);
    expect(run.exitCode).toBe(1);
  });

  test.each(LEAKS)('"%s" names the leaked thing and its line', (name, what) => {
    const message = failureOfTest(run, name);
    expect(message).toContain('jest-preset-async: the test left');
    expect(message).toContain(what);
  });

  test('the code frame points at the creation line', () => {
    expect(run.report).toContain("> 3 |   timer = setTimeout(() => undefined, 10_000);");
    expect(run.report).toContain("> 16 |   client = connect(port, '127.0.0.1');");
    expect(run.report).toContain('> 4 |   expect(Promise.resolve(1)).resolves.toBe(1);');
  });

  test('each item comes with a hint how to release it', () => {
    expect(failureOfTest(run, 'leaks a listening server')).toContain('→ close it and wait for the close');
    expect(failureOfTest(run, 'leaks a timer')).toContain("allowLeaks('timer')");
  });

  test('a hang says what the test was still waiting on', () => {
    const message = failureOfTest(run, 'hangs on a timer');
    expect(message).toContain('Exceeded timeout of 200 ms');
    expect(message).toContain('jest-preset-async: the test timed out while still waiting on:');
    expect(message).toContain('setTimeout timer (10000 ms), created at hang.test.ts:4:13');
  });

  test('a test that hangs on a fetch names the fetch line', () => {
    const message = failureOfTest(run, 'hangs on a fetch');
    expect(message).toContain('jest-preset-async: the test timed out while still waiting on:');
    expect(message).toContain('socket, created at fetch.test.ts:21:9');
  });

  test('a test that hangs on promises alone also names what its beforeAll holds open', () => {
    const message = failureOfTest(run, 'hangs waiting for a reply on the client from beforeAll');
    expect(message).toContain('jest-preset-async: the test timed out while still waiting on:\n\n  ● pending promise, created at hang-shared.test.ts:22:9');
    expect(message).toContain('jest-preset-async: what the test waits for may come through what its beforeAll hooks or module scope hold open:');
    expect(message).toContain('socket, created at hang-shared.test.ts:9:19');
    const around = message.slice(message.indexOf('what the test waits for may come through'));
    expect(around).not.toContain('→ end it');
  });

  test('a test that never ran because its beforeAll hung gets no note of what its file holds open', () => {
    const message = failureOfTest(run, 'a beforeAll that waits on the shared client never runs, its beforeAll hung');
    expect(message).toContain('Exceeded timeout');
    expect(message).not.toContain('jest-preset-async:');
    expect(run.suiteFailures.join('\n')).toContain('pending promise, created at hang-shared.test.ts:29:11');
  });

  test('a beforeEach that hangs says what it waited on, once', () => {
    const message = failureOfTest(run, 'a beforeEach that hangs on a fetch runs after it');
    expect(message).toContain('Exceeded timeout of 300 ms for a hook');
    expect(message).toContain('jest-preset-async: the beforeEach hook timed out while still waiting on:');
    expect(message).toContain('socket, created at fetch.test.ts:26:11');
    expect(message).not.toContain('the test timed out');
  });

  test('a beforeAll that hangs says what it waited on, for its file', () => {
    const suites = run.suiteFailures.join('\n');
    expect(suites).toContain('jest-preset-async: the beforeAll hook timed out while still waiting on:');
    expect(suites).toContain('setTimeout timer (10000 ms), created at hang.test.ts:13:17');
  });

  test('no failure shows a stack frame of the package', () => {
    for (const [name] of run.tests) expect(failureOfTest(run, name)).not.toMatch(/environment[\\/]tracker|Object\.wrapped/);
  });

  test('one summary at the end lists the files and tests with leaks', () => {
    const summary = run.report.slice(run.report.indexOf('jest-preset-async: 22 tests in 20 files left things running or unchecked:'));
    expect(summary).toContain('jest-preset-async: 22 tests in 20 files left things running or unchecked:');
    expect(summary).toContain('  timer.test.ts\n    ✕ leaks a timer: setTimeout timer (10000 ms), created at timer.test.ts:3:11');
    expect(summary).toContain('    ✕ (beforeAll/afterAll) listening server, created at before-all.test.ts:7:51');
    expect(summary).toContain('    ✕ (the module scope) setTimeout timer (400 ms), created at module-scope.test.ts:2:1');
    // Hooks that timed out are listed too: a beforeEach on its test, a beforeAll on its file.
    expect(summary).toContain('    ✕ a beforeEach that hangs on a fetch runs after it: socket, created at fetch.test.ts:26:11');
    expect(summary).toContain('    ✕ (the beforeAll hook timed out) setTimeout timer (10000 ms), created at hang.test.ts:13:17');
  });

  test('a beforeAll leak and a module-scope leak fail their files', () => {
    const suites = run.suiteFailures.join('\n');
    expect(suites).toContain('jest-preset-async: beforeAll/afterAll of describe "a server opened in beforeAll and never closed" left 1 thing running');
    expect(suites).toContain('listening server, created at before-all.test.ts:7:51');
    expect(suites).toContain('jest-preset-async: the module scope of the test file (code run while it was loaded) left 1 thing running');
    expect(suites).toContain('setTimeout timer (400 ms), created at module-scope.test.ts:2:1');
  });
});
