/**
 * `testEnvironment: 'jest-preset-async/environment-jsdom'`: the project's jest-environment-jsdom
 * (linked into the fixture, as an install would put it) with the same leak checks where they apply.
 * The fixture runs the default verdict (`scope: 'file'`); its XMLHttpRequest file, `scope=test`.
 */
import { failureOfTest, type JestRun, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

/** What a leaking test must show: the thing in user words and where it was created. */
const LEAKS: Array<[test: string, what: string]> = [
  ['leaks a timer', "setTimeout timer (10000 ms), created at leak.test.ts:3:3 — still running after the file's afterAll hooks"],
  // jsdom's setInterval is a chain of Node setTimeouts: still named as the interval it is.
  ['leaks an interval', 'setInterval timer (every 10 ms), created at interval.test.ts:2:3'],
  // 500 ms: jsdom's Window.js sets the Node timer, but the call is the user's (not a library's short timer).
  ['leaks a window.setTimeout timer', 'setTimeout timer (500 ms), created at window-timer.test.ts:2:10'],
  ['leaks a pending promise that code waits on', 'pending promise, created at promise.test.ts:3:8'],
  ['an unawaited .resolves assertion', 'expect(…).resolves.toBe(…) was not awaited, created at unawaited.test.ts:2:52'],
  // jsdom's XMLHttpRequest runs on Node's http: the socket is named by the send() line.
  ['leaks an XMLHttpRequest', 'socket, created at xhr.test.ts:37:8'],
  // jsdom runs frames on a Node interval while a callback is requested; the loop re-requests from each frame.
  ['leaks an animation loop', "requestAnimationFrame callback (jsdom's frame timer, every 16 ms), created at animation.test.ts:"],
];

const CLEAN = [
  'a DOM test that waits for its timer',
  'cleared timers and a cleared interval',
  'an awaited animation frame',
  'the async matchers work in jsdom',
  'a later test is not blamed for what the earlier one left running',
  'pending fake timers are not real handles',
  'an awaited XMLHttpRequest',
];

describe('leak detection in jsdom (jest-preset-async/environment-jsdom)', () => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('jsdom', [], { link: ['jest-environment-jsdom'] });
  });

  test('each planted leak fails its own test; the clean DOM tests pass', () => {
    expect(statuses(run)).toEqual(Object.fromEntries([...LEAKS.map(([name]) => [name, 'failed']), ...CLEAN.map((name) => [name, 'passed'])]));
    expect(run.suiteFailures.filter((failure) => failure.includes('Test suite failed to run'))).toEqual([]);
    expect(run.exitCode).toBe(1);
  });

  test.each(LEAKS)('"%s" names the leaked thing and its line', (name, what) => {
    const message = failureOfTest(run, name);
    expect(message).toMatch(/jest-preset-async: the test left \d things? running or unchecked:/);
    expect(message).toContain(what);
  });

  test("the interval is an interval: its kind to allow, and clearInterval's hint", () => {
    const message = failureOfTest(run, 'leaks an interval');
    expect(message).toContain("allowLeaks('interval')");
    expect(message).toContain('→ stop it with clearInterval()');
    expect(message).not.toContain('re-armed');
  });

  test('an animation loop says how to end it', () => {
    expect(failureOfTest(run, 'leaks an animation loop')).toContain('→ cancel it with cancelAnimationFrame(), or end the loop');
  });

  test('the code frame points at the creation line, with no frame of jsdom or the package', () => {
    expect(run.report).toContain('> 3 |   setTimeout(() => undefined, 10_000);');
    expect(run.report).toContain('> 2 |   window.setTimeout(() => undefined, 500);');
    for (const [name] of run.tests) expect(failureOfTest(run, name)).not.toMatch(/Window\.js|environment[\\/]tracker|Object\.wrapped/);
  });

  test('the summary at the end lists the jsdom leaks', () => {
    expect(run.report).toContain('jest-preset-async: 7 tests in 7 files left things running or unchecked:');
    expect(run.report).toContain('  leak.test.ts\n    ✕ leaks a timer: setTimeout timer (10000 ms), created at leak.test.ts:3:3');
  });
});

describe('on Jest 29, with jest-environment-jsdom@29', () => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('jsdom', [], { jest: 29 });
  });

  test('the same verdicts and the same words', () => {
    expect(statuses(run)).toEqual(Object.fromEntries([...LEAKS.map(([name]) => [name, 'failed']), ...CLEAN.map((name) => [name, 'passed'])]));
    for (const [name, what] of LEAKS) expect(failureOfTest(run, name)).toContain(what);
    expect(run.exitCode).toBe(1);
  });
});

describe('without jest-environment-jsdom installed', () => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('jsdom-missing');
  });

  test('the file fails with one line that says what to install, and no stack of the package', () => {
    expect(run.suiteFailures).toHaveLength(1);
    const [failure] = run.suiteFailures;
    expect(failure).toContain('jest-preset-async/environment-jsdom needs jest-environment-jsdom: npm install --save-dev jest-environment-jsdom@30');
    expect(failure).not.toMatch(/^\s+at /m);
    expect(run.exitCode).toBe(1);
  });
});
