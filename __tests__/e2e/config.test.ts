import { failureOfTest, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

test('setupFilesAfterEnv: [jest-preset-async/setup] alone registers the matchers', async () => {
  const run = await runJest('setup-only', ['order']);
  expect(statuses(run)).toEqual({
    'matchers are registered by the setup file alone': 'passed',
    'and they fail as they should': 'failed',
  });
  expect(failureOfTest(run, 'and they fail as they should')).toContain(
    'Expected: a rejection with TypeError\nReceived: rejected with RangeError: too far',
  );
  expect(run.exitCode).toBe(1);
});

test('the preset defaults apply, a user key overrides them, and a project without tsconfig needs nothing', async () => {
  const run = await runJest('defaults');
  expect(statuses(run)).toEqual({
    'first test calls the shared mock': 'passed',
    'mock calls are cleared before the next test (clearMocks)': 'passed',
    'the user testTimeout overrides the preset': 'failed',
    'TypeScript-only syntax compiles without a tsconfig': 'passed',
  });
  expect(failureOfTest(run, 'the user testTimeout overrides the preset')).toContain('Exceeded timeout of 200 ms');
  expect(run.report).not.toMatch(/ts-jest\[/);
});

test("a project's own testRegex works with the preset (no testMatch of the preset's to clash with it), and only its files run", async () => {
  const run = await runJest('test-regex');
  expect(run.suiteFailures.join('\n')).not.toContain('cannot be used together');
  expect(statuses(run)).toEqual({
    'is found by the project testRegex and runs under the preset': 'passed',
    'still has leak detection': 'failed',
  });
  expect(failureOfTest(run, 'still has leak detection')).toContain('setTimeout timer (5000 ms), created at checks/queue.check.js:7:3');
  expect(run.exitCode).toBe(1);
});

test('preset: jest-preset-async/typecheck reports type errors; the default preset only transpiles', async () => {
  const checked = await runJest('typecheck');
  expect(checked.exitCode).toBe(1);
  expect(checked.suiteFailures.join('\n')).toContain("error TS2322: Type 'string' is not assignable to type 'number'.");

  const transpiled = await runJest('typecheck', ['--preset=jest-preset-async']);
  expect(statuses(transpiled)).toEqual({ 'a value of the wrong type': 'passed' });
  expect(transpiled.exitCode).toBe(0);
});

test("the .js/.cjs/.mjs mapping finds TypeScript sources and never a package file's sibling of another kind", async () => {
  const run = await runJest('module-mapping');
  expect(statuses(run)).toEqual({
    "a package's require of its own .cjs file finds that file, not the ESM .js beside it": 'passed',
    './sum.cjs finds sum.cts': 'passed',
  });
  expect(run.exitCode).toBe(0);
});

test("a project whose own testEnvironment replaced the preset's is named once at the end of the run; a subclass or a project without the preset is not", async () => {
  const run = await runJest('own-environment');
  expect(statuses(run)).toEqual({
    'leaves a timer, unseen without the preset environment': 'passed',
    'leaves a timer, seen by an environment built on the preset one': 'failed',
    'a project without the preset': 'passed',
  });
  expect(run.report).toContain("jest-preset-async: leak detection is off in node-env: its testEnvironment (jest-environment-node) replaces the preset's.");
  expect(run.report.split('leak detection is off').length - 1).toBe(1);
  const withPreset = await runJest('defaults');
  expect(withPreset.report).not.toContain('leak detection is off');
});
