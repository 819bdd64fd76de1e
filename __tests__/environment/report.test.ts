import { formatExecError } from 'jest-message-util';
import { buildReport, type Finding } from '../../src/environment/report';

const context = { rootDir: '/project', ownDirs: [] };
const finding = (stack: string): Finding => ({ kind: 'socket', what: 'socket', site: { stack }, ownSite: true });

describe('buildReport', () => {
  test("its stack is the first finding's user frames, so Jest's code frame shows that line", () => {
    const error = buildReport(() => 'jest-preset-async: the test left 1 thing running:', [finding('Error\n    at connect (/project/api.test.ts:3:9)\n    at node:net:1:1')], context);
    expect(error?.message).toContain('● socket, created at api.test.ts:3:9');
    expect(error?.stack).toBe(`${error?.message}\n    at connect (/project/api.test.ts:3:9)`);
  });

  test('with no frame of the user\'s it has no stack, and "Test suite failed to run" prints the report once', () => {
    const error = buildReport(() => 'jest-preset-async: the afterAll hook timed out while still waiting on:', [finding('Error\n    at Server.accept (node:net:2:2)')], context) as Error;
    expect(error.message).toContain('● socket (created where no stack frame of your code was on the stack)');
    expect(error.stack).toBe('');
    const printed = formatExecError(error, { rootDir: '/project', testMatch: [] }, { noStackTrace: false });
    expect(printed.split('● socket (created where').length - 1).toBe(1);
  });

  test('nothing to say: no report', () => {
    expect(buildReport(() => 'unused', [], context)).toBeNull();
  });
});
