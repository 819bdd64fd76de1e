/**
 * The tracker alone, without Jest: the promise-heavy test body (2,000 short chains and 100
 * client-like async call chains, about 11,600 promises) run 200 times, each run wrapped and ended
 * as the environment does for a test, under an AsyncLocalStorage as jest-circus has one. Prints
 * the median of the rounds with and without the tracker.
 *
 *   npm run build && npm run bench:tracker [-- --rounds 5]
 *
 * Run from a `vm` context, as Jest runs a test file (promises of another realm).
 */
'use strict';
const { AsyncLocalStorage } = require('node:async_hooks');
const { spawnSync } = require('node:child_process');
const vm = require('node:vm');
const { join } = require('node:path');

const TESTS = 200;
// Counted with an async hook on one run of the body.
const PROMISES_PER_TEST = 11600;
const { PROMISE_PRELUDE } = require('./suites');
// The body of a promise-heavy test (suites.js), as a function of the vm context.
const BODY = `${PROMISE_PRELUDE}
(async function test() {
  const chains = [];
  for (let i = 0; i < 2000; i++) chains.push(Promise.resolve(i).then((x) => x + 1).then((x) => x * 2));
  await Promise.all(chains);
  let sum = 0;
  for (let r = 0; r < 100; r++) sum += await request(r);
})`;

async function child(withTracker) {
  // TRACKER: another build's tracker.js, to compare (a checkout of an earlier commit, built).
  const { Tracker, newOwner } = require(process.env.TRACKER ?? join(__dirname, '..', 'dist', 'src', 'environment', 'tracker.js'));
  const tracker = withTracker ? new Tracker(true) : null;
  tracker?.enable();
  const test = vm.runInContext(BODY, vm.createContext({}));
  const runOne = async () => {
    if (!tracker) return test();
    const owner = newOwner('test', 'bench');
    await tracker.wrap(test, owner)();
    tracker.waitedPromises(owner);
    tracker.end(owner);
    tracker.forget(owner);
  };
  const als = new AsyncLocalStorage();
  await als.run({}, async () => {
    for (let i = 0; i < 20; i++) await runOne();
  });
  const started = process.hrtime.bigint();
  await als.run({}, async () => {
    for (let i = 0; i < TESTS; i++) await runOne();
  });
  process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
}

function main() {
  const at = process.argv.indexOf('--rounds');
  const rounds = at > 0 ? Number(process.argv[at + 1]) : 5;
  const times = { without: [], with: [] };
  for (let round = 0; round < rounds; round++) {
    for (const mode of round % 2 ? ['with', 'without'] : ['without', 'with']) {
      const result = spawnSync(process.execPath, [__filename, '--child', mode], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
      times[mode].push(Number(result.stdout));
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const line = (label, values) => `${label.padEnd(16)} ${median(values).toFixed(0).padStart(6)} ms  (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
  console.log(`${TESTS} promise-heavy test bodies in a vm context, median of ${rounds} rounds:`);
  console.log(line('without tracker', times.without));
  console.log(line('with tracker', times.with));
  const extra = median(times.with) - median(times.without);
  console.log(`tracker: +${extra.toFixed(0)} ms, ${((1000 * extra) / (TESTS * PROMISES_PER_TEST)).toFixed(2)} µs per promise (${PROMISES_PER_TEST} a test)`);
}

if (process.argv[2] === '--child') child(process.argv[3] === 'with').catch((error) => {
  console.error(error);
  process.exit(1);
});
else main();
