/**
 * The preset's reporter: at the end of a run with leaks, one summary of the files and tests
 * affected, each with its first leaked thing, so a long run's leaks are not lost in its output.
 */
import type { AggregatedResult, Reporter, TestContext } from '@jest/reporters';
import { relative } from 'node:path';
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

export default class LeakSummaryReporter implements Pick<Reporter, 'onRunComplete' | 'onRunStart'> {
  constructor(private readonly globalConfig: { rootDir: string }) {}

  /** Called after globalSetup: the run-level recorder has seen what it needed. */
  onRunStart(): void {
    pauseRunLevelRecorder();
  }

  onRunComplete(_contexts: Set<TestContext>, results: AggregatedResult): void {
    const lines: string[] = [];
    let tests = 0;
    for (const file of results.testResults) {
      const fileLines: string[] = [];
      for (const test of file.testResults) {
        const item = test.failureMessages
          .flatMap((message) => [firstItem(message, `${MARK}the test left`), firstItem(message, `${MARK}the test timed out`)])
          .find(Boolean);
        if (item) {
          tests++;
          fileLines.push(`    ✕ ${test.fullName}: ${item}`);
        }
      }
      // beforeAll/afterAll and module scope fail the file ("Test suite failed to run").
      for (const marker of [`${MARK}beforeAll/afterAll`, `${MARK}the module scope`]) {
        const item = firstItem(file.failureMessage ?? '', marker);
        if (item) fileLines.push(`    ✕ (${marker.slice(MARK.length)}) ${item}`);
      }
      if (fileLines.length) lines.push(`  ${relative(this.globalConfig.rootDir, file.testFilePath)}`, ...fileLines);
    }
    if (!lines.length) return;
    const files = lines.filter((line) => !line.startsWith('    ')).length;
    process.stderr.write(
      `\n${MARK}${tests} test${tests === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} left things running or unchecked:\n${lines.join('\n')}\n\n`,
    );
  }
}
