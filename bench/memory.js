#!/usr/bin/env node
/**
 * npm run bench:memory: does tracking state grow over a long file? One test file of 10,000 tests
 * (each awaits promises, an immediate, and creates and clears a timer) runs under bare Jest and
 * under the preset. Every 1,000 tests a test forces a full GC and records the heap in use; the
 * script prints the samples and the growth per 1,000 tests for both.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const DIR = join(ROOT, '.bench', 'memory');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const TESTS = 10_000;
const EVERY = 1_000;

const source = `
const samples = [];
const gc = (() => { require('v8').setFlagsFromString('--expose-gc'); return require('vm').runInNewContext('gc'); })();
const sample = (afterTests) => { gc(); gc(); samples.push({ afterTests, heapUsed: process.memoryUsage().heapUsed }); };
afterAll(() => require('fs').writeFileSync(process.env.MEMORY_OUT, JSON.stringify(samples)));
for (let i = 1; i <= ${TESTS}; i++) {
  test('test ' + i, async () => {
    for (let j = 0; j < 20; j++) await Promise.resolve(j);
    clearTimeout(setTimeout(() => undefined, 1000));
    await new Promise((done) => setImmediate(done));
    if (i % ${EVERY} === 0) sample(i);
  });
}
`;

function run(label, config) {
  const out = join(DIR, `${label}.json`);
  const configFile = join(DIR, `${label}.config.json`);
  writeFileSync(configFile, JSON.stringify({ rootDir: DIR, transform: {}, testMatch: ['<rootDir>/long.test.js'], ...config }));
  const result = spawnSync(process.execPath, [JEST, '--config', configFile, '--ci', '--silent', '-i'], {
    cwd: DIR,
    encoding: 'utf8',
    env: { ...process.env, MEMORY_OUT: out, FORCE_COLOR: '0' },
  });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.stderr.slice(-3000)}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

function main() {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'package.json'), JSON.stringify({ name: 'bench-memory', private: true }));
  writeFileSync(join(DIR, 'long.test.js'), source);
  const results = {
    'bare jest': run('bare', { testEnvironment: 'node' }),
    'jest-preset-async': run('preset', { preset: join(ROOT, 'jest-preset.js') }),
  };
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`heap used after a full GC, every ${EVERY} tests of a ${TESTS}-test file (MB)\n`);
  console.log(['after tests'.padEnd(12), ...Object.keys(results).map((label) => label.padEnd(20))].join(''));
  results['bare jest'].forEach((sample, i) => {
    console.log([String(sample.afterTests).padEnd(12), ...Object.values(results).map((samples) => mb(samples[i].heapUsed).padEnd(20))].join(''));
  });
  console.log('');
  for (const [label, samples] of Object.entries(results)) {
    const first = samples[0];
    const last = samples[samples.length - 1];
    const perThousand = (last.heapUsed - first.heapUsed) / ((last.afterTests - first.afterTests) / EVERY);
    console.log(`${label.padEnd(20)} growth ${mb(last.heapUsed - first.heapUsed)} MB from ${first.afterTests} to ${last.afterTests} tests (${(perThousand / 1024).toFixed(0)} KB per 1000 tests)`);
  }
}

main();
