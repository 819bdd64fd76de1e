#!/usr/bin/env node
/**
 * npm run bench: bare Jest, the preset, and bare `jest --detectOpenHandles` on the same generated
 * suites, side by side in one run, over several rounds (order rotated), with medians and ratios.
 *
 *   node bench/run.js [--rounds 5] [--suite heavy|trivial|all]
 *
 * Suites (plain .js, no transform, so only the environment and setup differ between configs):
 *   heavy   500 async tests in 25 files; each awaits ~150 promises, 50 immediates and a timer
 *   trivial 500 synchronous tests in 25 files
 * Jest runs with its default worker count (on 2 cores: one, in band); --detectOpenHandles forces
 * one worker anyway. Timings are wall time of the whole `jest` process, caches warmed first.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const WORK = join(ROOT, '.bench');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const ROUNDS = Number(option('rounds', '5'));
const ONLY = option('suite', 'all');

const HEAVY_TEST = (f, t) => `test('heavy ${f}.${t}', async () => {
  let sum = 0;
  for (let i = 0; i < 150; i++) sum += await Promise.resolve(i);
  for (let i = 0; i < 50; i++) await new Promise((done) => setImmediate(done));
  await new Promise((done) => setTimeout(done, 0));
  expect(sum).toBe(11175);
});`;
const TRIVIAL_TEST = (f, t) => `test('trivial ${f}.${t}', () => {
  expect(${f} + ${t}).toBe(${f + t});
});`;

const SUITES = {
  heavy: { files: 25, tests: 20, body: HEAVY_TEST },
  trivial: { files: 25, tests: 20, body: TRIVIAL_TEST },
};

const CONFIGS = {
  'bare jest': { config: { testEnvironment: 'node' }, flags: [] },
  'jest-preset-async': { config: { preset: join(ROOT, 'jest-preset.js') }, flags: [] },
  'jest --detectOpenHandles': { config: { testEnvironment: 'node' }, flags: ['--detectOpenHandles'] },
};

function generate(name) {
  const { files, tests, body } = SUITES[name];
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bench-${name}`, private: true }));
  for (let f = 0; f < files; f++) {
    const source = Array.from({ length: tests }, (_, t) => body(f, t)).join('\n\n');
    writeFileSync(join(dir, 'tests', `t${String(f).padStart(2, '0')}.test.js`), `${source}\n`);
  }
  for (const [label, { config }] of Object.entries(CONFIGS)) {
    const file = join(dir, `${label.replace(/\W+/g, '-')}.config.json`);
    writeFileSync(file, JSON.stringify({ rootDir: dir, transform: {}, testMatch: ['<rootDir>/tests/**/*.test.js'], ...config }));
    CONFIGS[label][name] = file;
  }
  return { dir, count: files * tests };
}

function runOnce(name, label, dir, count) {
  const { flags } = CONFIGS[label];
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [JEST, '--config', CONFIGS[label][name], '--ci', '--silent', '--cacheDirectory', join(WORK, 'cache'), ...flags], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const passed = new RegExp(`Tests:\\s+${count} passed, ${count} total`).test(result.stderr);
  if (result.status !== 0 || !passed) {
    throw new Error(`${label} on ${name} did not pass all ${count} tests (exit ${result.status}):\n${result.stderr.slice(-3000)}`);
  }
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function main() {
  const suites = ONLY === 'all' ? Object.keys(SUITES) : [ONLY];
  const labels = Object.keys(CONFIGS);
  console.log(`jest-preset-async bench: ${ROUNDS} rounds, node ${process.version}, ${require('node:os').cpus().length} cores\n`);
  const rows = [];
  for (const name of suites) {
    const { dir, count } = generate(name);
    for (const label of labels) runOnce(name, label, dir, count); // warm the cache, untimed
    const times = Object.fromEntries(labels.map((label) => [label, []]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = [...labels.slice(round % labels.length), ...labels.slice(0, round % labels.length)];
      for (const label of order) times[label].push(runOnce(name, label, dir, count));
    }
    const base = median(times['bare jest']);
    for (const label of labels) {
      const value = median(times[label]);
      rows.push({ suite: `${name} (${count} tests)`, config: label, median: value, ratio: value / base, runs: times[label] });
    }
  }
  const pad = (text, width) => String(text).padEnd(width);
  console.log(`${pad('suite', 22)}${pad('config', 28)}${pad('median', 12)}${pad('ratio', 8)}runs (ms)`);
  for (const row of rows) {
    console.log(
      `${pad(row.suite, 22)}${pad(row.config, 28)}${pad(`${row.median.toFixed(0)} ms`, 12)}${pad(`${row.ratio.toFixed(2)}x`, 8)}${row.runs.map((ms) => ms.toFixed(0)).join(', ')}`,
    );
  }
}

main();
