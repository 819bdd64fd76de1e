/**
 * Runs the real Jest CLI in a child process on a fixture project, the way Jest tests itself
 * (its e2e/ folder): the fixture is copied to a temporary folder, the package is linked into its
 * node_modules as an install would put it, and Jest reports with --json.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripAnsi } from './failure';

export const REPO_ROOT = resolve(__dirname, '..', '..');
const FIXTURES = join(REPO_ROOT, '__tests__', 'e2e', '__fixtures__');
const JEST_BIN = join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const CACHE = join(tmpdir(), 'jest-preset-async-e2e-cache');

/**
 * How long a test or hook that runs Jest on a fixture may take. A fixture run takes seconds alone,
 * but `npm test` runs the packaging tests' installs beside it on the same two cores: CI measured a
 * 10 s run there.
 */
export const RUN_TIMEOUT_MS = 180_000;

export interface AssertionResult {
  fullName: string;
  status: 'passed' | 'failed' | 'pending' | 'todo' | 'skipped';
  failureMessages: string[];
}

export interface JestRun {
  exitCode: number;
  /** Jest's human report (stderr), colours removed. */
  report: string;
  /** Every test by full name. */
  tests: Map<string, AssertionResult>;
  /** The failure text of each failed file (its failed tests, and "Test suite failed to run" errors), colours removed. */
  suiteFailures: string[];
}

/** The status of each test by full name, for one `toEqual` over the whole file. */
export const statuses = (run: JestRun): Record<string, string> =>
  Object.fromEntries([...run.tests].map(([name, result]) => [name, result.status]));

/** The failure message of one test, colours removed; throws if the test is unknown. */
export function failureOfTest(run: JestRun, fullName: string): string {
  const result = run.tests.get(fullName);
  if (!result) throw new Error(`no test named "${fullName}"; tests: ${[...run.tests.keys()].join(', ')}`);
  return stripAnsi(result.failureMessages.join('\n'));
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in a child process without colours and without the variables of the Jest (and npm)
 * run that started it, which would otherwise leak into the child's own run.
 */
export function runCommand(command: string, args: string[], cwd: string, timeoutMs = 0): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const key of Object.keys(env)) if (key.startsWith('JEST_') || key.startsWith('npm_')) delete env[key];
  return new Promise((done) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      // Killed at `timeoutMs`: the failure names the command that stalled instead of a hook timeout.
      const killed = error?.killed ? `\n(killed after ${timeoutMs / 1000} s: ${command} ${args.join(' ')})` : '';
      done({ code: error ? Number(error.code ?? 1) || 1 : 0, stdout, stderr: stderr + killed });
    });
  });
}

/**
 * Jest 29, installed once per machine into a folder of its own (needs the npm registry, as `npm ci`
 * does). A fixture copied below that folder resolves `jest-environment-node`, `jest-environment-jsdom`
 * and `@jest/globals` there.
 */
let jest29: Promise<string> | undefined;
function installJest29(): Promise<string> {
  const base = join(tmpdir(), 'jest-preset-async-e2e-jest29');
  jest29 ??= (async () => {
    if (existsSync(join(base, 'node_modules', 'jest', 'bin', 'jest.js')) && existsSync(join(base, 'node_modules', 'jest-environment-jsdom', 'package.json'))) return base;
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'package.json'), '{ "name": "e2e-jest29", "private": true }\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { code, stderr } = await runCommand(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', 'jest@29', 'jest-environment-node@29', 'jest-environment-jsdom@29', '@jest/globals@29'], base);
    if (code !== 0) throw new Error(`npm install jest@29 failed (exit ${code}):\n${stderr}`);
    return base;
  })();
  return jest29;
}

/**
 * `nodeArgs`: options for the node that runs Jest (`--experimental-vm-modules` for Jest's ESM mode);
 * `jest: 29` runs the fixture with Jest 29 instead of the project's Jest 30; `link`: packages of the
 * repository's node_modules linked into the fixture's, as the project's own install would put them
 * (the fixture's copy resolves nothing from the repository's node_modules otherwise); `timeoutMs`: Jest is killed
 * after it (0: never), for a run that must end by itself.
 */
export async function runJest(
  fixture: string,
  args: string[] = [],
  { nodeArgs = [], jest = 30, link = [], timeoutMs = 0 }: { nodeArgs?: string[]; jest?: 29 | 30; link?: string[]; timeoutMs?: number } = {},
): Promise<JestRun> {
  const base = jest === 29 ? await installJest29() : tmpdir();
  const jestBin = jest === 29 ? join(base, 'node_modules', 'jest', 'bin', 'jest.js') : JEST_BIN;
  const dir = mkdtempSync(join(base, `jest-preset-async-${fixture}-`));
  try {
    cpSync(join(FIXTURES, fixture), dir, { recursive: true });
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'jest-preset-async'), 'dir');
    for (const name of link) symlinkSync(join(REPO_ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
    const outputFile = join(dir, 'jest-result.json');
    const { code, stderr } = await runCommand(
      process.execPath,
      [...nodeArgs, jestBin, '--ci', '--json', `--outputFile=${outputFile}`, `--cacheDirectory=${CACHE}`, ...args],
      dir,
      timeoutMs,
    );

    let parsed: { testResults: Array<{ message: string; assertionResults: AssertionResult[] }> };
    try {
      parsed = JSON.parse(readFileSync(outputFile, 'utf8'));
    } catch {
      throw new Error(`Jest wrote no result (exit ${code}):\n${stderr}`);
    }
    const tests = new Map<string, AssertionResult>();
    for (const file of parsed.testResults) for (const test of file.assertionResults) tests.set(test.fullName, test);
    const suiteFailures = parsed.testResults.filter((file) => file.message).map((file) => stripAnsi(file.message));
    return { exitCode: code, report: stripAnsi(stderr), tests, suiteFailures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
