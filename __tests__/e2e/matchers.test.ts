import { failureOfTest, type JestRun, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

describe('a project with preset: jest-preset-async', () => {
  let run: JestRun;
  beforeAll(async () => {
    run = await runJest('matchers');
  });

  test('runs the matchers in TypeScript tests, for the global expect and for @jest/globals', () => {
    expect(statuses(run)).toEqual({
      'every matcher passes through the preset': 'passed',
      'matchers work with the expect of @jest/globals': 'passed',
      'toResolveWithin on a promise that never settles': 'failed',
      'toRejectWith on a promise that resolved': 'failed',
      'toHaveBeenCalledInOrder on calls in the other order': 'failed',
      'toBePending on a settled promise': 'failed',
      'toYield on different values': 'failed',
      'bad input is a matcher error': 'failed',
      'a passing test after the failures still runs': 'passed',
    });
    expect(run.exitCode).toBe(1);
  });

  test.each([
    ['toResolveWithin on a promise that never settles', 'Expected: to resolve within 10 ms\nReceived: still pending after', 2],
    ['toRejectWith on a promise that resolved', 'Expected: a rejection with TypeError\nReceived: resolved with "fine"', 6],
    ['toHaveBeenCalledInOrder on calls in the other order', 'Received: entry 2 (write, 1st call) came before entry 1 (lock, 1st call)', 14],
    ['toBePending on a settled promise', 'Expected: to be pending\nReceived: resolved with 7', 18],
    ['toYield on different values', 'First difference at index 1.', 22],
    ['bad input is a matcher error', 'Matcher error: received value must be a promise or a function returning one', 26],
  ])('"%s" prints the message and points at its line', (name, text, line) => {
    const message = failureOfTest(run, name);
    expect(message).toContain(text);
    expect(message).toMatch(new RegExp(`failing\\.test\\.ts:${line}:\\d+`));
    expect(run.report).toContain(`> ${line} |`);
  });

  test('ts-jest prints no warning for a usual tsconfig', () => {
    expect(run.report).not.toMatch(/ts-jest\[/);
  });
});
