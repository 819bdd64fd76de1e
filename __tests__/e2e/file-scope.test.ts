import { failureOfTest, type JestRun, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

/** What each leaking test of the file-scope fixture must show under the default verdict. */
const LEAKS: Array<[test: string, what: string]> = [
  ['starts a task and does not wait for it', 'setTimeout timer (60 ms), created at ends-during-next-test.test.ts:5:3 — it ended after the test, while the file went on'],
  ['leaves an interval nobody clears', "setInterval timer (every 1000 ms), created at outlives-file.test.ts:4:3 — still running after the file's afterAll hooks"],
  ['starts a poller and never stops it', 'setTimeout timer (200 ms), re-armed from its own callback, created at outlives-file.test.ts:8:3'],
  ['leaves a child process running, with its stdio piped', "child process (pid "],
  // Re-armed from a continuation of its own callback, after an await: still one thing, and unref'd once reported.
  ['starts an async poller that re-arms after an await', "setTimeout timer (20 ms), re-armed from its own callback, created at outlives-file.test.ts:25:3 — still running after the file's afterAll hooks"],
  // "called from" names the helper's caller, not the helper's own line above the timer.
  ['uses a multi-line helper', 'setTimeout timer (5000 ms), created at multi-line-helper.test.ts:3:5 (called from multi-line-helper.test.ts:7:8)'],
  ['starts a floating worker loop', "pending promise, created at waited-promises.test.ts:6:27 (called from waited-promises.test.ts:9:25) — still pending after the file's afterAll hooks"],
  ['waits on a reply that never comes', 'pending promise, created at waited-promises.test.ts:3:33 (called from waited-promises.test.ts:17:8)'],
  ['checks in a callback it does not wait for', 'expect(…).resolves.toBe(…) was not awaited, created at late-assertion.test.ts:5:45 — made after the test ended'],
  ['an unawaited assertion that fails after the test still fails it', 'expect(…).resolves.toBe(…) was not awaited, created at late-assertion.test.ts:11:46 — and it failed: Received: 1'],
  // Handed to a Promise.all whose result nobody awaited: they passed, but nothing checked them.
  // Its own function waits on the reply; the matcher around it watches without waiting (below).
  ['waits in its own function on a reply that never comes', "pending promise, created at matchers-on-pending.test.ts:6:33 (called from matchers-on-pending.test.ts:22:11) — still pending after the file's afterAll hooks"],
  ['hands passing assertions to a Promise.all nobody awaits', 'expect(…).resolves.toBe(…) was not awaited, created at late-assertion.test.ts:16:57 — it passed, but nothing waited for it to check'],
  // A request on a socket an earlier test opened: the test that took it from the pool owns it (its work starts on the next tick).
  ['sends a request on a pooled socket and does not wait for the reply', 'socket, created at pooled-connections.test.ts:25:6 — it ended after the test, while the file went on'],
  // On a connection undici reuses no socket is made: its promises are named by the fetch call.
  ['fetches on a pooled connection and does not wait for the reply', '9 pending promises of fetch(), created at pooled-connections.test.ts:29:8 — it settled after the test'],
  // Closed by the next test (the close callback runs before the handle is gone: an afterAll right after must not take it for the file's close).
  // The heartbeat, cleared before it ever beat again, ran nothing after the test: not reported.
  ['starts a server and a heartbeat a later test stops', 'listening server, created at stopped-by-later-test.test.ts:9:49 — it ended after the test, while the file went on'],
  // They fired during the next test and cleared themselves: unlike a timer cleared before it fired, they ran.
  ['polls until ready, and stops itself once it is', 'setInterval timer (every 20 ms), created at self-clearing.test.ts:6:16 — it ended after the test, while the file went on'],
  ['sets a timeout that cleans up after itself', 'setTimeout timer, created at self-clearing.test.ts:14:17 — it ended after the test, while the file went on'],
  // Its callback ran in the next test: a job started with a callback is watched until it calls it.
  ['starts a hash and does not wait for its callback', 'crypto.pbkdf2() job, created at crypto-jobs.test.ts:8:9 — it ended after the test, while the file went on'],
  ['waits on a reply that arrives 80 ms after it', 'pending promise, created at late-reply.test.ts:9:3 — it settled after the test, while the file went on'],
  // The response's end() arms Node's own Date header timer from the 60 ms timer's callback: not a re-arm of it.
  ['a server replies from a timer after the test', 'setTimeout timer (60 ms), created at late-reply.test.ts:13:60 — it ended after the test, while the file went on'],
  // Held weakly once the file exposed gc, still judged and named at its line.
  ['waits on a reply that never comes, in a file that forces collections', "pending promise, created at collected.test.ts:24:33 (called from collected.test.ts:53:8) — still pending after the file's afterAll hooks"],
  // A library's immediate set from its own immediate's callback is a loop: it does not end by itself.
  ['starts a library immediate loop and never stops it', "setImmediate callback, re-armed from its own callback, created at immediate-loop.test.ts:7:3 — still running after the file's afterAll hooks"],
  // The race stands for its inputs: it is what the callback waits on.
  ['leaves a race nobody settles with a callback waiting on it', "pending promise, created at raced-promises.test.ts:23:16 — still pending after the file's afterAll hooks"],
  // Its reply resolves the call's own promise, which the callback waits on: both are waited on.
  ['leaves a callback on an async call whose reply never comes', "pending promise, created at raced-promises.test.ts:6:33 (called from raced-promises.test.ts:38:37) — still pending after the file's afterAll hooks"],
  // Fake time, real work: compression jobs move the promises, not the clock (the next test advances it).
  ['checks flags in callbacks it does not wait for', "pending promises, created at fake-time.test.ts:31:64 — still pending after the file's afterAll hooks"],
  ['compresses in a callback it does not wait for', 'pending promise, created at fake-time-settled.test.ts:12:8 — it settled after the test, while the file went on'],
  // A hash still computing after the file settles its promise later: real work, waited for, not timed.
  // A sinon clock, installed in beforeAll over Node's timers module, holds none of the verdict's own waits.
  ['leaves a real timer running before a sinon clock is installed', "setTimeout timer (3000 ms), created at sinon-clock.test.ts:8:3 — still running after the file's afterAll hooks"],
  ['derives a key in a callback it does not wait for', "pending promise, created at fake-time-hash.test.ts:16:8 — still pending after the file's afterAll hooks"],
];

const CLEAN = [
  'starts the server the file shares',
  'talks to it through a keep-alive agent',
  'the next test runs while it fires',
  'a clean test in the same file',
  'puts an item',
  'holds an idle deferred, with expect.assertions',
  'makes a call whose result nobody reads',
  'a clean test after them',
  'a slow test after them',
  'awaits a Promise.all of assertions',
  // toBePending, .not.toResolveWithin and .not.toHaveResolved on promises that never settle.
  'checks that a gate is pending',
  'checks a mock whose call never settles',
  // The matchers watch its promise quietly: no code of the test waits on it, though a module keeps it.
  'checks a deferred it keeps in a module-level map',
  'warms the agent and fetch pools',
  'the replies land while this test runs',
  // The idle timer each release re-arms is cleared by the next one before it fires: it ran nothing.
  'releases a client to the pool',
  'releases it again',
  'stops the server and the heartbeat',
  // It takes the socket the earlier test left busy: that test's leak stays its own.
  'a later test takes the same pooled socket',
  'becomes ready while the earlier work runs',
  // One timer after another in a library's code is not a re-arming poller: that one ends by itself.
  "awaits a library call that leaves a short follow-up timer after an await in its timer's callback",
  // A job for a promise nobody reads settles that promise only: nothing of the test's runs.
  'runs while that hash finishes',
  'waits for the callback of its hash',
  'awaits the promise form',
  'starts a promise-form hash whose result nobody reads',
  'hashes synchronously',
  'starts a hand-promisified hash whose result nobody reads',
  'the file goes on while the replies arrive',
  'awaits a race one reply won',
  "awaits a race of another realm's promises",
  'awaits a race of once() that one event won, its emitter kept',
  // Node's resource timing sets an immediate as each fetch ends, once 250 fetches filled its buffer.
  'fills the resource-timing buffer',
  'awaits a 404 and its body',
  // The tracker holds pending promises weakly once the file exposed gc: a GC backstop's tests pass.
  'an object only a pending promise callback refers to is collected',
  'an async generator left suspended is collected',
  'runs while the loop spins',
  // The first collection after the switch frees what the tracker held; a beforeAll's stacks too.
  'a client the test dropped is collected by the first gc() after gc is exposed',
  'a client a beforeAll made, then dropped, is collected',
  // Promises waiting on fake timers only the tests' code advances: not work that moves by itself.
  'schedules a retry that fake time never reaches',
  'starts a heartbeat that the next test drives',
  'advances fake time',
  'awaits its own flush',
  'the file goes on while it compresses',
  'sets a fake timeout and leaves it',
  // Its hash settles a promise nobody waits on; its callback waits on a fake timer: nothing of it moves.
  'leaves a hash nobody reads, and a retry fake time never reaches',
  // Its socket stopped reading behind the unread body: it does no work and cannot hold the process.
  'checks the status of a large download and never reads its body',
  'a sinon clock installed in beforeAll starts a server the file closes in afterAll',
  'a sinon clock installed in beforeAll checks a pending promise with a matcher first used under the clock',
  // TLS sockets closed before the file ends: the detector must read their handles without throwing.
  'reads a whole reply over TLS',
  'reads another over a new TLS connection',
  // Its peer ended it and nobody reads it: libuv no longer polls it, it cannot hold the process.
  'sends a request on a raw socket, ends it, and never reads the reply',
];

describe.each([
  ['in band', ['-i'], 30],
  ['in two workers', ['--maxWorkers=2'], 30],
  ['on Jest 29', ['-i'], 29],
] as const)('the default verdict (scope: file), %s', (_, args, jest) => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('file-scope', [...args], { jest, link: ['@sinonjs'] });
  });

  test('each leak fails its own test; what the file closes in afterAll and idle deferreds pass', () => {
    const failing = [...LEAKS.map(([name]) => name), 'fails for its own reason', 'misses an expected assertion', 'times out on a fetch over a pooled connection'];
    expect(statuses(run)).toEqual(Object.fromEntries([...failing.map((name) => [name, 'failed']), ...CLEAN.map((name) => [name, 'passed'])]));
    expect(run.exitCode).toBe(1);
  });

  test('the detector itself fails no file', () => {
    expect(run.suiteFailures.join('\n')).not.toContain('the leak detector failed');
  });

  test.each(LEAKS)('"%s" names the leaked thing and its line', (name, what) => {
    expect(failureOfTest(run, name)).toContain(what);
  });

  test("Node's own timers set from a leaked timer's callback are not taken for its re-arm", () => {
    expect(failureOfTest(run, 'a server replies from a timer after the test')).not.toContain('re-armed');
  });

  test('the socket a server accepted is named by the line that started the server, made in a tick of listen()', () => {
    const message = failureOfTest(run, 'a server replies from a timer after the test');
    expect(message).toContain('socket, created at late-reply.test.ts:14:10');
    expect(message).not.toContain('created where no stack frame of your code');
  });

  test('an interval a later test cleared before it beat again is not reported', () => {
    expect(failureOfTest(run, 'starts a server and a heartbeat a later test stops')).not.toContain('setInterval');
  });

  test('a failing assertion nobody awaited keeps its own failure too (the preset never swallows it)', () => {
    // Jest 30 puts the unhandled rejection on the test, Jest 29 on the file, as without the preset.
    const failures = jest === 29 ? run.suiteFailures.join('\n') : failureOfTest(run, 'an unawaited assertion that fails after the test still fails it');
    expect(failures).toContain('expect(received).resolves.toBe(expected)');
  });

  test("a test's own failure shows the user's frames only", () => {
    const message = failureOfTest(run, 'fails for its own reason');
    expect(message).toContain('its own failure');
    expect(message).toContain('own-failure.test.ts:2:9');
    expect(message).not.toMatch(/environment[\\/]tracker|Object\.wrapped/);
    const assertions = failureOfTest(run, 'misses an expected assertion');
    expect(assertions).toContain('Expected two assertions to be called but received one assertion call.');
    expect(assertions).toContain('own-failure.test.ts:6:10');
    expect(assertions).not.toMatch(/environment[\\/]tracker|Object\.wrapped/);
  });

  test("a test that times out on a fetch over a pooled connection names the fetch call, not the test's own promise", () => {
    const message = failureOfTest(run, 'times out on a fetch over a pooled connection');
    const report = message.slice(message.indexOf('jest-preset-async: the test timed out while still waiting on:'));
    expect(report).toContain('jest-preset-async: the test timed out while still waiting on:\n\n  ● 10 pending promises of fetch(), created at pooled-connections.test.ts:38:9');
    expect(report).not.toContain('pooled-connections.test.ts:37:');
  });

  test('the run ends by itself although a poller re-arms forever and a child process keeps its pipes open', () => {
    expect(run.report).not.toContain('did not exit');
  });
});

describe('the strict verdict (scope: test)', () => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('file-scope', ['--testEnvironmentOptions', JSON.stringify({ 'jest-preset-async': { scope: 'test' } })], { link: ['@sinonjs'] });
  });

  test('what a test leaves for the file to close fails that test', () => {
    expect(failureOfTest(run, 'starts the server the file shares')).toContain('listening server, created at closed-by-file.test.ts:25:49');
  });

  test('a task that fires into the next test fails at the end of its own test', () => {
    const message = failureOfTest(run, 'starts a task and does not wait for it');
    expect(message).toContain('setTimeout timer (60 ms), created at ends-during-next-test.test.ts:5:3');
    expect(message).not.toContain('it ended after the test');
  });

  test('a crypto job the test did not wait for fails it at once', () => {
    const message = failureOfTest(run, 'starts a hash and does not wait for its callback');
    expect(message).toContain('crypto.pbkdf2() job, created at crypto-jobs.test.ts:8:9');
    expect(message).toContain('→ wait for its callback (or await its promise form: util.promisify, crypto.subtle)');
    expect(message).not.toContain('it ended after the test');
  });

  test('a promise still waited on after the grace period fails its test, also when it settles while the verdict looks at it', () => {
    expect(failureOfTest(run, 'waits on a reply that arrives 80 ms after it')).toContain('pending promise, created at late-reply.test.ts:9:3');
  });

  test('under fake time, work that moves by itself fails at once; promises waiting on fake timers pass', () => {
    expect(failureOfTest(run, 'checks flags in callbacks it does not wait for')).toContain('pending promises, created at fake-time.test.ts:');
    expect(failureOfTest(run, 'compresses in a callback it does not wait for')).toContain('pending promise, created at fake-time-settled.test.ts:12:8');
    expect(statuses(run)).toMatchObject({ 'schedules a retry that fake time never reaches': 'passed', 'starts a heartbeat that the next test drives': 'passed', 'sets a fake timeout and leaves it': 'passed' });
  });

  test('under fake time, a hash that outlasts the file fails the test whose callback waits on it, however long it computes', () => {
    expect(failureOfTest(run, 'derives a key in a callback it does not wait for')).toContain('pending promise, created at fake-time-hash.test.ts:16:8');
    expect(statuses(run)).toMatchObject({ 'leaves a hash nobody reads, and a retry fake time never reaches': 'passed' });
  });

  test('a body nobody reads fails its test at the fetch line (what waits on it is still pending), a deferred only the matchers watch passes', () => {
    expect(failureOfTest(run, 'checks the status of a large download and never reads its body')).toContain('pending promise of fetch(), created at unread-body.test.ts:20:26');
    expect(statuses(run)).toMatchObject({ 'checks a deferred it keeps in a module-level map': 'passed' });
  });

  test('idle deferreds still pass', () => {
    expect(statuses(run)).toMatchObject({ 'puts an item': 'passed', 'holds an idle deferred, with expect.assertions': 'passed', 'makes a call whose result nobody reads': 'passed' });
  });

  test("promises only the package's matchers watch pass; a reply the test's own function waits on fails at once", () => {
    expect(statuses(run)).toMatchObject({ 'checks that a gate is pending': 'passed', 'checks a mock whose call never settles': 'passed' });
    expect(failureOfTest(run, 'waits in its own function on a reply that never comes')).toContain('pending promise, created at matchers-on-pending.test.ts:6:33 (called from matchers-on-pending.test.ts:22:11)');
  });
});
