import type { AggregatedResult, TestContext } from '@jest/reporters';
import { join } from 'node:path';
import LeakSummaryReporter from '../../src/reporter';

const ROOT = '/project';
const SETUP = join(__dirname, '..', '..', 'src', 'setup.js');
const CIRCUS = '/project/node_modules/jest-circus/runner.js';
const ENVIRONMENT = '/project/node_modules/jest-preset-async/dist/src/environment/index.js';

const context = (config: Partial<TestContext['config']>): TestContext =>
  ({ config: { rootDir: ROOT, setupFilesAfterEnv: [SETUP], testEnvironment: ENVIRONMENT, testRunner: CIRCUS, ...config } }) as unknown as TestContext;
const results = (testResults: unknown[] = []): AggregatedResult => ({ testResults }) as unknown as AggregatedResult;

/** What the reporter writes to stderr at the end of a run. */
function printed(contexts: TestContext[], aggregated = results()): string {
  const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    new LeakSummaryReporter({ rootDir: ROOT }).onRunComplete(new Set(contexts), aggregated);
    return write.mock.calls.map(([text]) => String(text)).join('');
  } finally {
    write.mockRestore();
  }
}

describe('the end-of-run notes', () => {
  test('a project on another test runner is told that leak detection is off, and why', () => {
    const text = printed([context({ testRunner: '/project/node_modules/jest-jasmine2/build/index.js' })]);
    expect(text).toContain('jest-preset-async: leak detection is off in .: its testRunner (jest-jasmine2) sends the environment no test events.');
    expect(text).toContain("Remove testRunner: Jest's default, jest-circus");
  });

  test('nothing is said for jest-circus, or for a project without the preset', () => {
    expect(printed([context({})])).toBe('');
    expect(printed([context({ setupFilesAfterEnv: [], testRunner: '/project/node_modules/jest-jasmine2/build/index.js' })])).toBe('');
  });

  test('a run whose only leaks are in hooks counts files, not "0 tests"', () => {
    const file = {
      testFilePath: '/project/a.test.ts',
      testResults: [],
      failureMessage: 'jest-preset-async: beforeAll/afterAll of the top level of the file left 1 thing running:\n\n  ● setTimeout timer (100 ms), created at a.test.ts:3:3\n',
    };
    const text = printed([context({})], results([file]));
    expect(text).toContain('jest-preset-async: 1 file left things running or unchecked:');
    expect(text).not.toContain('0 tests');
    expect(text).toContain('    ✕ (beforeAll/afterAll) setTimeout timer (100 ms), created at a.test.ts:3:3');
  });
});
