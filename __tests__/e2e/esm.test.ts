import { failureOfTest, RUN_TIMEOUT_MS, runJest, statuses } from '../helpers/runJest';

jest.setTimeout(RUN_TIMEOUT_MS);

test("Jest's native ESM mode (--experimental-vm-modules) with preset: jest-preset-async/esm, leak detection included", async () => {
  const run = await runJest('esm-native', [], { nodeArgs: ['--experimental-vm-modules', '--no-warnings'] });
  expect(statuses(run)).toEqual({
    'an ESM TypeScript test in native ESM mode': 'passed',
    'the default imports of an .mjs test': 'passed',
    'leaks an interval in ESM mode': 'failed',
    'an unawaited assertion in ESM mode': 'failed',
  });
  expect(failureOfTest(run, 'leaks an interval in ESM mode')).toContain('setInterval timer (every 1000 ms), created at test/leak.test.ts:4:3');
  expect(failureOfTest(run, 'an unawaited assertion in ESM mode')).toContain('expect(…).resolves.toBe(…) was not awaited, created at test/unawaited.test.mts:2:39');
  expect(run.exitCode).toBe(1);
});
