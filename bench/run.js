#!/usr/bin/env node
/**
 * npm run bench: what the preset costs next to bare Jest, on the same generated suites, side by side
 * in one run, over several rounds (the order of the configs rotated each round).
 *
 *   npm run bench [-- --rounds 5] [--suite heavy,trivial,promise-heavy,typescript]
 *                 [--workers inband,2,default] [--quick]
 *   npm run bench -- --growth            per-test cost at 100 / 1,000 / 10,000 tests in one file,
 *                                        and at 10 / 10,000 promises per test
 *   npm run bench -- --profile <suite>   the preset in band under node --cpu-prof: top 25 self-time
 *                                        functions, profile in .bench/profiles/
 *
 * JavaScript suites (heavy, trivial, promise-heavy) compare bare Jest (testEnvironment node), the
 * preset, and bare `jest --detectOpenHandles`; both of the first two run .js through babel-jest, as
 * users get them, so the environment and setup are what differs. The typescript suite compares
 * transforms: the preset as users get it (ts-jest, isolatedModules, its own TypeScript), bare Jest
 * with @swc/jest, and bare Jest with ts-jest isolatedModules; cold (an empty cacheDirectory for
 * every run) and warm (cache primed by an untimed run). Cold also runs the preset without the
 * compiler's code cache (NODE_DISABLE_COMPILE_CACHE=1), as on a machine's first run.
 *
 * --quick: 2 rounds, suites of 8 files (Jest may then run --maxWorkers=2 in band: it does so for
 * 20 files or fewer that its timing cache says are fast).
 *
 * Times are wall time of the whole `jest` process. Jest's default worker count is
 * max(availableParallelism - 1, 1); where that is 1 Jest runs in band, and `default` is the same run
 * as `inband` (printed, not run twice). --detectOpenHandles always runs in band.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join, resolve } = require('node:path');
const { SUITES, SUITE_INFO, generate, generateGrowth } = require('./suites');
const { printProfile } = require('./profile');

const ROOT = resolve(__dirname, '..');
const WORK = join(ROOT, '.bench');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const PRESET = join(ROOT, 'jest-preset.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] && !args[at + 1].startsWith('--') ? args[at + 1] : fallback;
};
const QUICK = flag('quick');
const ROUNDS = Number(option('rounds', QUICK ? '2' : '5'));
const CORES = os.availableParallelism();
const DEFAULT_WORKERS = Math.max(CORES - 1, 1);

const WORKER_MODES = {
  inband: { label: 'in band (-i)', flags: ['-i'] },
  2: { label: '--maxWorkers=2', flags: ['--maxWorkers=2'] },
  default: { label: `default (${DEFAULT_WORKERS} worker${DEFAULT_WORKERS > 1 ? 's' : ''})`, flags: [] },
};

const TS_JEST_CONFIG = { tsconfig: { isolatedModules: true, module: 'commonjs' } };
const SWC_CONFIG = { swcrc: false, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };

/** The configs compared on a suite: the first is the base of the ratios. */
function configsFor(kind) {
  if (kind === 'ts') {
    return {
      'bare jest + @swc/jest': { config: { testEnvironment: 'node', transform: { '^.+\\.tsx?$': [require.resolve('@swc/jest'), SWC_CONFIG] } } },
      'jest-preset-async': { config: { preset: PRESET } },
      // A first run on a machine: the compiler's V8 code cache (src/compilerCache.ts) not written yet.
      'jest-preset-async, no code cache': { config: { preset: PRESET }, env: { NODE_DISABLE_COMPILE_CACHE: '1' }, coldOnly: true },
      'bare jest + ts-jest isolated': { config: { testEnvironment: 'node', transform: { '^.+\\.tsx?$': [require.resolve('ts-jest'), TS_JEST_CONFIG] } } },
    };
  }
  return {
    'bare jest': { config: { testEnvironment: 'node' } },
    'jest-preset-async': { config: { preset: PRESET } },
    'jest --detectOpenHandles': { config: { testEnvironment: 'node' }, flags: ['--detectOpenHandles'] },
  };
}

const slug = (text) => text.replace(/\W+/g, '-').replace(/^-|-$/g, '');

function writeConfigs(dir, kind) {
  const configs = configsFor(kind);
  const testMatch = [`<rootDir>/tests/**/*.test.${kind}`];
  for (const [label, entry] of Object.entries(configs)) {
    entry.file = join(dir, `${slug(label)}.config.json`);
    entry.cache = join(dir, '.cache', slug(label));
    writeFileSync(entry.file, JSON.stringify({ rootDir: dir, testMatch, ...entry.config }, null, 2));
  }
  return configs;
}

/** One `jest` process; returns its wall time in ms, throws unless all `count` tests passed. */
function runJest({ dir, entry, label, count, workerFlags, cold, nodeFlags = [] }) {
  if (cold) rmSync(entry.cache, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [...nodeFlags, JEST, '--config', entry.file, '--ci', '--silent', '--cacheDirectory', entry.cache, ...workerFlags, ...(entry.flags ?? [])],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...entry.env }, maxBuffer: 64 * 1024 * 1024 },
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const passed = new RegExp(`Tests:\\s+${count} passed, ${count} total`).test(result.stderr);
  if (result.status !== 0 || !passed) {
    throw new Error(`${label} did not pass all ${count} tests (exit ${result.status}):\n${result.stderr.slice(-3000)}`);
  }
  return ms;
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const quantile = (values, q) => {
  const s = sorted(values);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
};
const median = (values) => quantile(values, 0.5);
const ms0 = (ms) => `${ms.toFixed(0)}`;
const x2 = (ratio) => `${ratio.toFixed(2)}x`;

/** Times every config on one suite in one worker mode; rows carry medians, ranges and ratios. */
function measure({ name, dir, count, configs, mode, cold }) {
  const labels = Object.keys(configs).filter((label) => cold || !configs[label].coldOnly);
  const workerFlags = WORKER_MODES[mode].flags;
  if (!cold) for (const label of labels) runJest({ dir, entry: configs[label], label, count, workerFlags }); // prime the cache, untimed
  const times = Object.fromEntries(labels.map((label) => [label, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = [...labels.slice(round % labels.length), ...labels.slice(0, round % labels.length)];
    for (const label of order) times[label].push(runJest({ dir, entry: configs[label], label: `${label} on ${name}`, count, workerFlags, cold }));
    process.stderr.write(`  ${name}${cold ? ' cold' : ''}, ${WORKER_MODES[mode].label}: round ${round + 1}/${ROUNDS} done\r`);
  }
  process.stderr.write('\n');
  const base = times[labels[0]];
  return labels.map((label) => {
    const runs = times[label];
    const ratios = runs.map((ms, round) => ms / base[round]);
    return {
      config: label,
      runs,
      median: median(runs),
      min: Math.min(...runs),
      max: Math.max(...runs),
      q1: quantile(runs, 0.25),
      q3: quantile(runs, 0.75),
      ratio: median(runs) / median(base),
      ratioMin: Math.min(...ratios),
      ratioMax: Math.max(...ratios),
    };
  });
}

function printBlock(title, rows) {
  const pad = (text, width) => String(text).padEnd(width);
  const first = Math.max(30, ...rows.map((r) => r.config.length + 2));
  console.log(`\n${title}`);
  console.log(`  ${pad('config', first)}${pad('median', 9)}${pad('min–max', 14)}${pad('IQR', 14)}${pad('ratio', 8)}${pad('ratio range', 14)}runs (ms)`);
  for (const r of rows) {
    console.log(
      `  ${pad(r.config, first)}${pad(ms0(r.median), 9)}${pad(`${ms0(r.min)}–${ms0(r.max)}`, 14)}${pad(`${ms0(r.q1)}–${ms0(r.q3)}`, 14)}` +
        `${pad(x2(r.ratio), 8)}${pad(`${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)}`, 14)}${r.runs.map(ms0).join(', ')}`,
    );
  }
}

/** Markdown tables, one per set of configs (the JavaScript suites; the TypeScript transforms). */
function printMarkdown(results) {
  const groups = new Map();
  for (const result of results) {
    const key = result.rows.map((r) => r.config).join('|');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(result);
  }
  console.log(`\nMarkdown (median wall time, min–max over ${ROUNDS} rounds; ratio of medians to the first config, range of the per-round ratios):\n`);
  for (const [key, group] of groups) {
    const labels = key.split('|');
    console.log(`| suite | workers | ${labels.map((l) => `${l.replace(/^jest --/, '`jest --').replace(/Handles$/, 'Handles`')}`).join(' | ')} |`);
    console.log(`|---|---|${labels.map(() => '---').join('|')}|`);
    for (const { suite, mode, rows } of group) {
      const cells = rows.map((r, i) => {
        const time = `${ms0(r.median)} ms (${ms0(r.min)}–${ms0(r.max)})`;
        return i === 0 ? time : `${time}, **${x2(r.ratio)}** (${r.ratioMin.toFixed(2)}–${r.ratioMax.toFixed(2)})`;
      });
      console.log(`| ${suite} | ${mode} | ${cells.join(' | ')} |`);
    }
    console.log('');
  }
}

function bench() {
  const suites = option('suite', 'heavy,trivial,promise-heavy,typescript').split(',');
  for (const name of suites) if (!SUITES[name]) throw new Error(`unknown suite ${name}; one of ${Object.keys(SUITES).join(', ')}`);
  let modes = option('workers', 'inband,2,default').split(',');
  for (const mode of modes) if (!WORKER_MODES[mode]) throw new Error(`unknown --workers ${mode}; one of inband, 2, default`);
  console.log(`jest-preset-async bench: ${ROUNDS} rounds${QUICK ? ' (quick)' : ''}, node ${process.version}, ${CORES} cores, ${new Date().toISOString().slice(0, 10)}`);
  const sameAs = DEFAULT_WORKERS <= 1 ? 'inband' : DEFAULT_WORKERS === 2 ? '2' : undefined;
  if (sameAs && modes.includes('default')) {
    console.log(`Jest's default worker count here is max(${CORES} - 1, 1) = ${DEFAULT_WORKERS}: the same run as ${WORKER_MODES[sameAs].label}, not run again.`);
    modes = modes.filter((mode) => mode !== 'default');
    if (!modes.includes(sameAs)) modes.push(sameAs);
  }
  console.log('`jest --detectOpenHandles` runs in band in every worker mode (Jest forces it).');
  const results = [];
  for (const name of suites) {
    const dir = join(WORK, name);
    const count = generate(name, dir, QUICK);
    const kind = SUITES[name].kind;
    const configs = writeConfigs(dir, kind);
    for (const cold of kind === 'ts' ? [true, false] : [false]) {
      for (const mode of modes) {
        const suite = `${name}${kind === 'ts' ? (cold ? ' cold' : ' warm') : ''} (${count} tests)`;
        const rows = measure({ name, dir, count, configs, mode, cold });
        printBlock(`${suite}: ${SUITE_INFO[name]} — ${WORKER_MODES[mode].label}`, rows);
        if (kind === 'ts') {
          const preset = rows.find((r) => r.config === 'jest-preset-async');
          console.log(`  preset / swc: ${x2(preset.ratio)} (per round ${preset.ratioMin.toFixed(2)}–${preset.ratioMax.toFixed(2)})`);
        }
        results.push({ suite, mode: WORKER_MODES[mode].label, rows });
      }
    }
  }
  printMarkdown(results);
}

/** Growth mode: is the preset's cost per test flat as a file gets longer or a test makes more promises? */
function growth() {
  const rounds = ROUNDS;
  const cases = QUICK
    ? [
        { tests: 100, promises: 1 },
        { tests: 1000, promises: 1 },
        { tests: 50, promises: 10 },
        { tests: 50, promises: 1000 },
      ]
    : [
        { tests: 100, promises: 1 },
        { tests: 1000, promises: 1 },
        { tests: 10000, promises: 1 },
        { tests: 100, promises: 10 },
        { tests: 100, promises: 10000 },
      ];
  console.log(`jest-preset-async growth: ${rounds} rounds, in band, one file, node ${process.version}, ${CORES} cores, ${new Date().toISOString().slice(0, 10)}\n`);
  const lines = [];
  for (const { tests, promises } of cases) {
    const dir = join(WORK, 'growth', `${tests}x${promises}`);
    generateGrowth(dir, tests, promises);
    const configs = writeConfigs(dir, 'js');
    delete configs['jest --detectOpenHandles'];
    const rows = measure({ name: `${tests} tests × ${promises} promises`, dir, count: tests, configs, mode: 'inband', cold: false });
    const [bare, preset] = rows;
    const perTest = (preset.median - bare.median) / tests;
    lines.push({ tests, promises, bare, preset, perTest });
    printBlock(`${tests} async tests, ${promises} awaited promise${promises > 1 ? 's' : ''} each`, rows);
    console.log(`  preset − bare: ${(preset.median - bare.median).toFixed(0)} ms, ${perTest.toFixed(3)} ms per test` +
      (promises > 1 ? `, ${((1000 * perTest) / promises).toFixed(2)} µs per promise` : ''));
  }
  // The difference of two cases cancels what every run pays once (startup, the file, the reporter).
  const marginal = (a, b, per) => ((b.preset.median - b.bare.median) - (a.preset.median - a.bare.median)) / per(a, b);
  console.log('\nMarginal cost (difference of two cases, which cancels the fixed per-run cost):');
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a.promises === b.promises && b.tests > a.tests) {
      console.log(`  ${a.tests} -> ${b.tests} tests: ${marginal(a, b, () => b.tests - a.tests).toFixed(3)} ms per extra test (preset minus bare)`);
    } else if (a.tests === b.tests && b.promises > a.promises) {
      const us = 1000 * marginal(a, b, () => b.tests * (b.promises - a.promises));
      console.log(`  ${a.promises} -> ${b.promises} promises per test: ${us.toFixed(2)} µs per extra promise (preset minus bare)`);
    }
  }
  console.log('\n| tests in the file | promises per test | bare Jest | jest-preset-async | ratio | preset − bare, per test |');
  console.log('|---|---|---|---|---|---|');
  for (const { tests, promises, bare, preset, perTest } of lines) {
    console.log(
      `| ${tests.toLocaleString('en')} | ${promises.toLocaleString('en')} | ${ms0(bare.median)} ms (${ms0(bare.min)}–${ms0(bare.max)}) | ` +
        `${ms0(preset.median)} ms (${ms0(preset.min)}–${ms0(preset.max)}) | ${x2(preset.ratio)} (${preset.ratioMin.toFixed(2)}–${preset.ratioMax.toFixed(2)}) | ${perTest.toFixed(3)} ms |`,
    );
  }
}

/** Profile mode: the preset in band under --cpu-prof, the main process's profile summarised. */
function profile(name) {
  if (!SUITES[name]) throw new Error(`unknown suite ${name}; one of ${Object.keys(SUITES).join(', ')}`);
  const dir = join(WORK, name);
  const count = generate(name, dir, QUICK);
  const configs = writeConfigs(dir, SUITES[name].kind);
  const entry = configs['jest-preset-async'];
  const out = join(WORK, 'profiles', name);
  runJest({ dir, entry, label: `preset on ${name}`, count, workerFlags: ['-i'] }); // prime the cache, untimed
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const ms = runJest({ dir, entry, label: `preset on ${name}`, count, workerFlags: ['-i'], nodeFlags: ['--cpu-prof', '--cpu-prof-dir', out] });
  console.log(`jest-preset-async profile: ${name} (${count} tests), preset in band, warm cache, ${ms.toFixed(0)} ms wall under --cpu-prof\n`);
  const files = readdirSync(out).filter((file) => file.endsWith('.cpuprofile'));
  for (const file of files) printProfile(join(out, file), ROOT);
  console.log(`\nOpen ${files.map((file) => join('.bench', 'profiles', name, file)).join(', ')} in Chrome DevTools (Performance) or speedscope for the call tree.`);
}

if (flag('growth')) growth();
else if (option('profile')) profile(option('profile'));
else bench();
