/**
 * The preset's reporter: at the end of a run with leaks, one summary of the files and tests
 * affected, each with its first leaked thing, so a long run's leaks are not lost in its output.
 */
import type { AggregatedResult, Reporter, TestContext } from '@jest/reporters';
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pauseRunLevelRecorder } from './runLevel';

const MARK = 'jest-preset-async: ';
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** The headline and first item of a report inside a failure message. */
function firstItem(message: string, marker = MARK): string | undefined {
  const text = stripAnsi(message);
  const start = text.indexOf(marker);
  if (start < 0) return undefined;
  const item = text
    .slice(start)
    .split('\n')
    .find((line) => line.trim().startsWith('● '));
  return item?.trim().slice(2);
}

/**
 * The environment names places relative to the test's project, as Jest does in a test's failure;
 * the summary lists every project's files together, so its places are relative to the run's rootDir
 * (two packages' `__tests__/a.test.ts` are told apart).
 */
function rebase(item: string, projectRoot: string, runRoot: string): string {
  if (projectRoot === runRoot) return item;
  return item.replace(/(?<=\bat )([^\s():]+)(?=:\d+:\d+)/g, (path) => (isAbsolute(path) ? path : relative(runRoot, join(projectRoot, path))));
}

/** The headlines of the reports on a test (a hook that runs per test reports on it), and on a file. */
const TEST_MARKERS = ['the test left', 'the test timed out', 'the beforeEach hook timed out', 'the afterEach hook timed out'];
const FILE_MARKERS = ['beforeAll/afterAll', 'the module scope', 'the beforeAll hook timed out', 'the afterAll hook timed out'];

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};
/** The preset's setup file: a project with it uses the preset (or registered the matchers on their own). */
const SETUP = real(join(__dirname, 'setup.js'));
/** Jest's own environments, which a project's `testEnvironment: 'node'` or `'jsdom'` resolves to. */
const JEST_ENVIRONMENT = /[\\/]node_modules[\\/](jest-environment-(?:node|jsdom))[\\/](?!.*[\\/]node_modules[\\/])/;

export default class LeakSummaryReporter implements Pick<Reporter, 'onRunComplete' | 'onRunStart'> {
  constructor(private readonly globalConfig: { rootDir: string }) {}

  /**
   * A project that uses the preset but kept its own `testEnvironment: 'node'` (a config that had
   * ts-jest's preset) runs on Jest's environment, without leak detection, silently: say so, once a
   * run. An environment of one's own (a subclass of the preset's) is the user's choice.
   */
  private warnOfReplacedEnvironments(contexts: Set<TestContext>): void {
    const [replaced, names] = this.usingThePreset(contexts, (config) => JEST_ENVIRONMENT.test(config.testEnvironment));
    if (!replaced.length) return;
    const named = JEST_ENVIRONMENT.exec(replaced[0]?.testEnvironment ?? '')?.[1];
    process.stderr.write(
      `\n${MARK}leak detection is off in ${names}: its testEnvironment (${named}) replaces the preset's.\n` +
        `  Remove testEnvironment: the preset's runs on jest-environment-node; for browser-like tests use 'jest-preset-async/environment-jsdom' (README, "Setup").\n\n`,
    );
  }

  /**
   * A project that uses the preset with another test runner (`testRunner: 'jest-jasmine2'`): the
   * environment judges tests through jest-circus's events, which that runner never sends: say so.
   */
  private warnOfOtherRunners(contexts: Set<TestContext>): void {
    const [other, names] = this.usingThePreset(contexts, (config) => !/jest-circus/.test(config.testRunner));
    if (!other.length) return;
    const runner = /(jest-jasmine2|[^\\/]+)(?:[\\/]build[\\/][^\\/]+)?$/.exec(other[0]?.testRunner ?? '')?.[1];
    process.stderr.write(
      `\n${MARK}leak detection is off in ${names}: its testRunner (${runner}) sends the environment no test events.\n` +
        `  Remove testRunner: Jest's default, jest-circus, is the one the environment judges tests through (README, "Setup").\n\n`,
    );
  }

  /** The projects that use the preset (its setup file) and match `test`, and their names relative to the run's rootDir. */
  private usingThePreset(contexts: Set<TestContext>, test: (config: TestContext['config']) => boolean): [TestContext['config'][], string] {
    const configs = [...contexts].map((context) => context.config).filter((config) => config.setupFilesAfterEnv.some((file) => real(file) === SETUP) && test(config));
    return [configs, configs.map((config) => relative(this.globalConfig.rootDir, config.rootDir) || '.').join(', ')];
  }

  /** Called after globalSetup: the run-level recorder has seen what it needed. */
  onRunStart(): void {
    pauseRunLevelRecorder();
  }

  onRunComplete(contexts: Set<TestContext>, results: AggregatedResult): void {
    this.warnOfReplacedEnvironments(contexts);
    this.warnOfOtherRunners(contexts);
    const runRoot = this.globalConfig.rootDir;
    // The project of a file: the deepest project rootDir that holds it.
    const roots = [...contexts].map((context) => context.config.rootDir).sort((a, b) => b.length - a.length);
    const projectOf = (file: string) => roots.find((root) => file.startsWith(root + sep)) ?? runRoot;
    const lines: string[] = [];
    let tests = 0;
    for (const file of results.testResults) {
      const fileLines: string[] = [];
      const projectRoot = projectOf(file.testFilePath);
      for (const test of file.testResults) {
        const item = test.failureMessages.flatMap((message) => TEST_MARKERS.map((marker) => firstItem(message, `${MARK}${marker}`))).find(Boolean);
        if (item) {
          tests++;
          fileLines.push(`    ✕ ${test.fullName}: ${rebase(item, projectRoot, runRoot)}`);
        }
      }
      // beforeAll/afterAll and module scope fail the file ("Test suite failed to run").
      for (const marker of FILE_MARKERS) {
        const item = firstItem(file.failureMessage ?? '', `${MARK}${marker}`);
        if (item) fileLines.push(`    ✕ (${marker}) ${rebase(item, projectRoot, runRoot)}`);
      }
      if (fileLines.length) lines.push(`  ${relative(this.globalConfig.rootDir, file.testFilePath)}`, ...fileLines);
    }
    if (!lines.length) return;
    const files = lines.filter((line) => !line.startsWith('    ')).length;
    const where = `${files} file${files === 1 ? '' : 's'}`;
    // Only hooks or module scopes leaked: no test to count.
    const who = tests ? `${tests} test${tests === 1 ? '' : 's'} in ${where}` : where;
    process.stderr.write(`\n${MARK}${who} left things running or unchecked:\n${lines.join('\n')}\n\n`);
  }
}
