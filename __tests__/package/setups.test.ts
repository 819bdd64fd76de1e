/**
 * The preset in the projects users already have (issue 8), from the packed tarball: TypeScript 7
 * with npm, an ESM TypeScript project, a Babel JavaScript project, pnpm (strict node_modules) and
 * yarn 1, each with the TypeScript its package manager picks. In each, with plain `jest`, a passing
 * test passes and a leaking one fails at its line. Needs the npm registry (as `npm ci` does).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createUserProject, INSTALL_TIMEOUT_MS, packTarball, run, type Manager, type UserProject } from '../helpers/userProject';

const RUN_TIMEOUT_MS = 120_000;

const CJS_CONFIG = { 'jest.config.js': "module.exports = { preset: 'jest-preset-async' };\n" };

/** TypeScript tests that import nothing (the global `expect`, typed by @types/jest and the package). */
const TS_FILES = {
  ...CJS_CONFIG,
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'nodenext', strict: true, noEmit: true, types: ['jest', 'node', 'jest-preset-async'] },
    include: ['*.ts'],
  }),
  'ok.test.ts': `import { deferred } from 'jest-preset-async';

test('resolves in time', async () => {
  const gate = deferred<number>();
  gate.resolve(1);
  await expect(gate.promise).toResolveWithin(1000);
  await expect(Promise.reject(new TypeError('bad'))).toRejectWith(TypeError, /bad/);
});
`,
  'leak.test.ts': `test('leaks an interval', () => {
  setInterval(() => undefined, 1000);
});
`,
};

/** `"type": "module"`, `module: nodenext`, `.js` specifiers, an ESM jest.config.js, one `.mts` and one `.cts` test. */
const ESM_FILES = {
  'package.json': JSON.stringify({ name: 'user-esm', private: true, type: 'module' }),
  'jest.config.js': "export default { preset: 'jest-preset-async' };\n",
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      verbatimModuleSyntax: true,
      strict: true,
      noEmit: true,
      types: ['jest', 'node'],
    },
    include: ['src', 'test'],
  }),
  'src/sum.ts': 'export const sum = (a: number, b: number): number => a + b;\n',
  'test/ok.test.ts': `import { sum } from '../src/sum.js';
import api, { deferred } from 'jest-preset-async';
import matchers, { matchers as named } from 'jest-preset-async/matchers';

test('an ESM TypeScript test, with the default imports', async () => {
  expect(sum(1, 2)).toBe(3);
  expect(api.deferred).toBe(deferred);
  expect(matchers).toBe(named);
  await expect(Promise.resolve(sum(2, 2))).toResolveWithin(1000);
});
`,
  'test/other.test.mts': `import { sum } from '../src/sum.js';

test('an .mts test', () => {
  expect(sum(2, 3)).toBe(5);
});
`,
  'test/common.test.cts': `const double = (n: number): number => n * 2;

test('a .cts test', () => {
  expect(double(3)).toBe(6);
});
`,
  'test/leak.test.mts': `import { sum } from '../src/sum.js';

test('leaks an interval', () => {
  setInterval(() => sum(1, 1), 1000);
});
`,
  // Node itself, outside Jest: the README's default import registers only matchers.
  'matchers.mjs': `import matchers, { matchers as named, toYield } from 'jest-preset-async/matchers';
console.log(matchers === named, typeof toYield, Object.values(matchers).every((matcher) => typeof matcher === 'function'));
`,
};

/** import/export in .js and JSX in .jsx through the project's Babel config, as bare Jest runs it. */
const BABEL_FILES = {
  ...CJS_CONFIG,
  'babel.config.js': "module.exports = { presets: [['@babel/preset-env', { targets: { node: 'current' } }], ['@babel/preset-react', { runtime: 'classic', pragma: 'h' }]] };\n",
  'sum.js': 'export const sum = (a, b) => a + b;\n',
  'view.test.jsx': `import { sum } from './sum';

const h = (type, props, ...children) => ({ type, props, children });

test('renders', () => {
  const view = <p id="total">{sum(1, 2)}</p>;
  expect(view).toEqual({ type: 'p', props: { id: 'total' }, children: [3] });
});
`,
  'ok.test.js': `import { sum } from './sum';

test('adds', async () => {
  expect(sum(1, 2)).toBe(3);
  await expect(Promise.resolve(3)).toResolveWithin(1000);
});
`,
  'leak.test.js': `import { sum } from './sum';

test('leaks an interval', () => {
  setInterval(() => sum(1, 1), 1000);
});
`,
};

// pnpm and yarn pick TypeScript 7 (npm's latest) for `typescript`; npm picks 6, which ts-jest's peer
// dependency allows, so the npm projects ask for 7 as a TypeScript 7 project has it in package.json.
const TS_LATEST = ['jest@^30', 'typescript', '@types/jest@^30', '@types/node@^20'];
const TS_7 = ['jest@^30', 'typescript@^7', '@types/jest@^30', '@types/node@^20'];

interface Setup {
  name: string;
  manager: Manager;
  packages: string[];
  files: Record<string, string>;
  /** The passing tests (a path pattern: Jest matches the whole path, the project folder's random name too) and how many. */
  passing: [pattern: string, tests: number];
  leak: [pattern: string, line: string];
  tsc: boolean;
}

const SETUPS: Setup[] = [
  { name: 'npm-ts7', manager: 'npm', packages: TS_7, files: TS_FILES, passing: ['/ok\\.test', 1], leak: ['/leak\\.test', 'leak.test.ts:2:3'], tsc: true },
  { name: 'esm', manager: 'npm', packages: TS_7, files: ESM_FILES, passing: ['/test/(ok|other|common)\\.test', 3], leak: ['/leak\\.test', 'test/leak.test.mts:4:3'], tsc: true },
  {
    name: 'babel',
    manager: 'npm',
    packages: ['jest@^30', '@babel/core', '@babel/preset-env', '@babel/preset-react'],
    files: BABEL_FILES,
    passing: ['/(ok|view)\\.test', 2],
    leak: ['/leak\\.test', 'leak.test.js:4:3'],
    tsc: false,
  },
  { name: 'pnpm', manager: 'pnpm', packages: TS_LATEST, files: TS_FILES, passing: ['/ok\\.test', 1], leak: ['/leak\\.test', 'leak.test.ts:2:3'], tsc: true },
  { name: 'yarn', manager: 'yarn', packages: TS_LATEST, files: TS_FILES, passing: ['/ok\\.test', 1], leak: ['/leak\\.test', 'leak.test.ts:2:3'], tsc: true },
];

const projects = new Map<string, UserProject>();
let packDir: string;

beforeAll(async () => {
  const packed = await packTarball();
  packDir = packed.dir;
  // The installs mostly wait on the network and the disk: all at once.
  const made = await Promise.all(SETUPS.map((setup) => createUserProject(setup.name, setup.manager, packed.tarball, setup.packages, setup.files)));
  made.forEach((project, index) => projects.set(SETUPS[index]!.name, project));
}, INSTALL_TIMEOUT_MS);

afterAll(() => {
  for (const project of projects.values()) project.remove();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

describe.each(SETUPS)('$name ($manager)', (setup) => {
  const project = () => projects.get(setup.name)!;

  if (setup.tsc) {
    test("the project's tsc is TypeScript 7, and the tests and the package's types check under it", async () => {
      const version = await project().exec('tsc', ['--version']);
      expect(version.output).toMatch(/Version 7\./);
      const tsc = await project().exec('tsc', ['-p', '.']);
      expect(tsc.output.trim()).toBe('');
      expect(tsc.code).toBe(0);
    }, RUN_TIMEOUT_MS);
  }

  test('jest runs the passing tests green', async () => {
    const [pattern, count] = setup.passing;
    const jest = await project().exec('jest', ['--ci', pattern]);
    expect(jest.output).toContain(`Tests:       ${count} passed, ${count} total`);
    expect(jest.code).toBe(0);
  }, RUN_TIMEOUT_MS);

  test('a leaking test fails, naming its line', async () => {
    const [pattern, line] = setup.leak;
    const jest = await project().exec('jest', ['--ci', pattern]);
    expect(jest.output).toContain(`setInterval timer (every 1000 ms), created at ${line}`);
    expect(jest.output).toContain('Tests:       1 failed, 1 total');
    expect(jest.code).toBe(1);
  }, RUN_TIMEOUT_MS);
});

describe('the ESM project', () => {
  const project = () => projects.get('esm')!;

  test('jest.config.mjs written as ESM works too', async () => {
    rmSync(join(project().dir, 'jest.config.js'));
    project().write('jest.config.mjs', "export default { preset: 'jest-preset-async' };\n");
    try {
      const jest = await project().exec('jest', ['--ci', '/test/ok\\.test']);
      expect(jest.output).toContain('Tests:       1 passed, 1 total');
      expect(jest.code).toBe(0);
    } finally {
      rmSync(join(project().dir, 'jest.config.mjs'));
      project().write('jest.config.js', ESM_FILES['jest.config.js']);
    }
  }, RUN_TIMEOUT_MS);

  test("Node's default import of jest-preset-async/matchers is the matchers, for expect.extend", async () => {
    const node = await run(process.execPath, ['matchers.mjs'], project().dir);
    expect(node.output.trim()).toBe('true function true');
  });
});

test('jest-preset-async/typecheck on TypeScript 7 stops once, saying what it needs', async () => {
  const jest = await projects.get('npm-ts7')!.exec('jest', ['--ci', '--preset', 'jest-preset-async/typecheck', '/ok\\.test']);
  expect(jest.output).toMatch(/jest-preset-async\/typecheck: ts-jest type-checks with TypeScript's JavaScript compiler API, which TypeScript 7\.\d+\.\d+ \(the project's\) does not have/);
  expect(jest.output.split('ts-jest type-checks with').length - 1).toBe(1);
  expect(jest.output).toContain('npm install --save-dev typescript@6');
  expect(jest.code).toBe(1);
}, RUN_TIMEOUT_MS);
