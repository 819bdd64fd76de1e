/**
 * The package as a user gets it: `npm pack`, installed into an empty project next to Jest and
 * TypeScript, with a one-line jest.config.js and TypeScript tests for both ways of writing them.
 * Done for Jest 30 and Jest 29. Needs the npm registry (as `npm ci` does).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runCommand } from '../helpers/runJest';

const INSTALL_TIMEOUT_MS = 240_000;

const run = async (command: string, args: string[], cwd: string) => {
  const { code, stdout, stderr } = await runCommand(command, args, cwd);
  return { code, output: `${stdout}\n${stderr}` };
};

const USER_FILES: Record<string, string> = {
  'jest.config.js': "module.exports = { preset: 'jest-preset-async' };\n",
  // Two programs: the @jest/globals test imports the package (which loads the types); the global
  // test imports nothing, so only "types": ["jest-preset-async"] can give it the matchers.
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'nodenext', strict: true, skipLibCheck: true, noEmit: true, types: ['node'] },
    files: ['globals.test.ts'],
  }),
  'tsconfig.global.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'nodenext', strict: true, skipLibCheck: true, noEmit: true, types: ['jest', 'node', 'jest-preset-async'] },
    files: ['global.test.ts'],
  }),
  // The @jest/globals way; the import of the package loads the matcher types.
  'globals.test.ts': `import { describe, expect, jest, test } from '@jest/globals';
import { deferred } from 'jest-preset-async';

describe('a new user with @jest/globals', () => {
  test('uses every matcher', async () => {
    await expect(Promise.resolve(1)).toResolveWithin(1000);
    await expect(Promise.reject(new TypeError('bad'))).toRejectWith(TypeError, /bad/);
    const open = jest.fn();
    const close = jest.fn();
    open();
    close();
    expect([open, close]).toHaveBeenCalledInOrder();
    expect([open, close]).toBeCalledInOrder();
    await expect(deferred().promise).toBePending();
    await expect(new Set([1, 2])).toYield([1, 2]);
  });
});
`,
  // The global expect of @types/jest; the types come from "types": ["jest-preset-async"].
  'global.test.ts': `test('a new user with the global expect', async () => {
  await expect(() => Promise.resolve('ok')).toResolveWithin(1000);
  await expect(Promise.reject(new Error('E_CONN'))).toRejectWith('E_CONN');
  const spy = jest.fn();
  spy();
  expect([spy]).toHaveBeenCalledInOrder();
});
`,
  // `await using` / `using`: Jest 29's sandbox has no Symbol.asyncDispose of its own (the setup file adds it).
  'dispose.test.ts': `test('await using and using dispose at the end of the block', async () => {
  const log: string[] = [];
  {
    await using connection = { async [Symbol.asyncDispose]() { log.push('connection closed'); } };
    using lock = { [Symbol.dispose]() { log.push('lock released'); } };
    log.push(typeof connection + ' ' + typeof lock);
  }
  expect(log).toEqual(['object object', 'lock released', 'connection closed']);
});
`,
};

let tarball: string;
let packDir: string;

beforeAll(async () => {
  packDir = mkdtempSync(join(tmpdir(), 'jest-preset-async-pack-'));
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], REPO_ROOT);
  expect(packed.code).toBe(0);
  const [info] = JSON.parse(packed.output.slice(packed.output.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(packDir, info!.filename);
  files = info!.files.map((file) => file.path);
}, INSTALL_TIMEOUT_MS);

let files: string[] = [];
afterAll(() => rmSync(packDir, { recursive: true, force: true }));

test('the tarball holds the built entries, their types and the preset, and no tests or sources', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'jest-preset.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/setup.js',
      'dist/src/environment/index.js',
      'dist/src/environment/jsdom.js',
      'dist/src/environment/jsdom.d.ts',
      'dist/src/presets/typecheck.js',
      'dist/src/presets/esm.js',
      'dist/src/esm/matchers.mjs',
      'dist/src/esm/matchers.d.mts',
      'dist/src/teardown.js',
      'dist/src/reporter.js',
      'dist/src/transform.js',
      'dist/src/types/matchers.d.ts',
      'dist/matchers/index.js',
      'dist/matchers/index.d.ts',
    ]),
  );
  expect(files.filter((path) => /__tests__|\.test\.|^src\/|^matchers\/|tsconfig/.test(path))).toEqual([]);
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  for (const [entry, target] of Object.entries(manifest.exports)) {
    const leaves = (value: unknown): string[] => (typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves));
    const paths = leaves(target);
    for (const path of paths) expect({ entry, path, packed: files.includes(path.replace(/^\.\//, '')) }).toEqual({ entry, path, packed: true });
  }
});

describe.each([
  { jest: '30', extra: [] as string[] },
  // jest-mock-extended's peer dependency would otherwise put @jest/globals 30 beside Jest 29 (README, "Jest 29").
  { jest: '29', extra: ['@jest/globals@^29'] },
])('installed next to Jest $jest', (versions) => {
  let project: string;
  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), `jest-preset-async-user-jest${versions.jest}-`));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'new-user', private: true }));
    for (const [name, text] of Object.entries(USER_FILES)) writeFileSync(join(project, name), text);
    const install = await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, `jest@^${versions.jest}`, 'typescript@~5.9', `@types/jest@^${versions.jest}`, '@types/node@^20', ...versions.extra],
      project,
    );
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.output}`);
  }, INSTALL_TIMEOUT_MS);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  test("the preset's environment extends the jest-environment-node of the project's Jest", async () => {
    const script =
      "const env = require('jest-preset-async/environment').default;" +
      "const config = require.resolve('jest-config', { paths: [require.resolve('jest-cli', { paths: [require.resolve('jest')] })] });" +
      "const base = require(require.resolve('jest-environment-node', { paths: [config] })).TestEnvironment;" +
      "console.log(Object.getPrototypeOf(env) === base, require(require.resolve('jest-environment-node/package.json', { paths: [config] })).version);";
    const probe = await run(process.execPath, ['-e', script], project);
    expect(probe.output.trim()).toMatch(new RegExp(`^true ${versions.jest}\\.`));
  });

  test.each(['tsconfig.json', 'tsconfig.global.json'])('the TypeScript tests type-check under tsc --strict (%s)', async (tsconfig) => {
    const tsc = await run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(project, tsconfig)], project);
    expect(tsc.output.trim()).toBe('');
    expect(tsc.code).toBe(0);
  }, 120_000);

  test('jest runs them green with preset: jest-preset-async', async () => {
    const jest = await run(process.execPath, [join(project, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci'], project);
    expect(jest.output).toContain('Tests:       3 passed, 3 total');
    expect(jest.code).toBe(0);
  }, 120_000);

  test('leak detection fails a leaking test there, naming its line', async () => {
    writeFileSync(
      join(project, 'leak.spec.ts'),
      "import { expect as globalsExpect, test as globalsTest } from '@jest/globals';\n" +
        "test('leaks a timer', () => {\n  setTimeout(() => undefined, 200);\n});\n" +
        "globalsTest('does not await', () => {\n  globalsExpect(Promise.resolve(1)).resolves.toBe(1);\n});\n",
    );
    try {
      const jest = await run(process.execPath, [join(project, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', 'leak.spec'], project);
      expect(jest.output).toContain('setTimeout timer (200 ms), created at leak.spec.ts:3:3');
      expect(jest.output).toContain('expect(…).resolves.toBe(…) was not awaited, created at leak.spec.ts:6:46');
      expect(jest.output).toContain('Tests:       2 failed, 2 total');
      expect(jest.code).toBe(1);
    } finally {
      rmSync(join(project, 'leak.spec.ts'));
    }
  }, 120_000);

  // Real workers need a cold cache (with timings cached, Jest runs two fast files in band). There,
  // Jest 29 loads @babel/core inside the first file, and debug's colour check makes the worker's
  // stderr pipe: the process's own stdio, no leak.
  test('two clean JavaScript files in two workers on a cold cache pass', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'jest-preset-async-cold-'));
    for (const name of ['cold-a', 'cold-b']) writeFileSync(join(project, `${name}.spec.js`), `test('${name}', () => {\n  expect(1).toBe(1);\n});\n`);
    try {
      const jest = await run(process.execPath, [join(project, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--maxWorkers=2', `--cacheDirectory=${cache}`, 'cold-'], project);
      expect(jest.output).toContain('Tests:       2 passed, 2 total');
      expect(jest.output).not.toContain('jest-preset-async:');
      expect(jest.code).toBe(0);
    } finally {
      for (const name of ['cold-a', 'cold-b']) rmSync(join(project, `${name}.spec.js`));
      rmSync(cache, { recursive: true, force: true });
    }
  }, 120_000);

  test("testEnvironment: 'jest-preset-async/environment-jsdom' without jest-environment-jsdom says what to install", async () => {
    writeFileSync(join(project, 'jsdom.config.js'), "module.exports = { preset: 'jest-preset-async', testEnvironment: 'jest-preset-async/environment-jsdom' };\n");
    writeFileSync(join(project, 'dom.spec.js'), "test('uses the DOM', () => {\n  expect(document.title).toBe('');\n});\n");
    try {
      const jest = await run(process.execPath, [join(project, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--config', 'jsdom.config.js', 'dom.spec'], project);
      expect(jest.output).toContain(`jest-preset-async/environment-jsdom needs jest-environment-jsdom: npm install --save-dev jest-environment-jsdom@${versions.jest}`);
      expect(jest.output).not.toMatch(/^\s+at .*jest-preset-async/m);
      expect(jest.code).toBe(1);
    } finally {
      rmSync(join(project, 'jsdom.config.js'));
      rmSync(join(project, 'dom.spec.js'));
    }
  }, 120_000);
});

describe('installed next to Jest 28, which it does not support', () => {
  let project: string;
  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'jest-preset-async-user-jest28-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'old-jest-user', private: true }));
    writeFileSync(join(project, 'jest.config.js'), USER_FILES['jest.config.js']!);
    writeFileSync(join(project, 'leak.test.ts'), "test('runs', () => {\n  expect(1).toBe(1);\n});\n");
    // npm refuses the peer range itself; a user who forces it gets the package's own error.
    const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--legacy-peer-deps', tarball, 'jest@^28'], project);
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.output}`);
  }, INSTALL_TIMEOUT_MS);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  test('jest stops with one error naming the supported versions, not a crash in every file', async () => {
    const jest = await run(process.execPath, [join(project, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci'], project);
    expect(jest.output).toMatch(/jest-preset-async supports Jest 29 and 30 \(peer dependency jest \^29 \|\| \^30\); this project runs Jest 28\.\d+\.\d+/);
    expect(jest.output.split('jest-preset-async supports Jest').length - 1).toBe(1);
    expect(jest.output).not.toContain('Class extends value');
    expect(jest.code).toBe(1);
  }, 120_000);

  test("the environment alone (testEnvironment: 'jest-preset-async/environment') says the same", async () => {
    writeFileSync(join(project, 'jest.config.js'), "module.exports = { testEnvironment: 'jest-preset-async/environment' };\n");
    writeFileSync(join(project, 'leak.test.js'), "test('runs', () => {\n  expect(1).toBe(1);\n});\n");
    const jest = await run(process.execPath, [join(project, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', 'leak.test.js'], project);
    expect(jest.output).toMatch(/jest-preset-async supports Jest 29 and 30 .*; this project runs jest-environment-node 28\./);
    expect(jest.output).not.toContain('Class extends value');
    expect(jest.code).toBe(1);
  }, 120_000);
});
