import { formatExecError, formatResultsErrors } from 'jest-message-util';
import { buildReport, type Finding } from '../../src/environment/report';

const context = { rootDir: '/project', ownDirs: [] };
const finding = (stack: string): Finding => ({ kind: 'socket', what: 'socket', site: { stack }, ownSite: true });

describe('buildReport', () => {
  test("its stack is the first finding's user frames, so Jest's code frame shows that line", () => {
    const error = buildReport(() => 'jest-preset-async: the test left 1 thing running:', [finding('Error\n    at connect (/project/api.test.ts:3:9)\n    at node:net:1:1')], context);
    expect(error?.message).toContain('● socket, created at api.test.ts:3:9');
    expect(error?.stack).toBe(`${error?.message}\n    at connect (/project/api.test.ts:3:9)`);
  });

  test("with no frame of the user's its stack is the message and a frame of Node's: Jest prints the report once, without a frame", () => {
    const error = buildReport(() => 'jest-preset-async: the afterAll hook timed out while still waiting on:', [finding('Error\n    at Server.accept (node:net:2:2)')], context) as Error;
    expect(error.message).toContain('● socket (created where no stack frame of your code was on the stack)');
    // Jest 29 prints the stack when there is one, the message otherwise: the stack must hold the message.
    expect(error.stack).toBe(`${error.message}\n    at node:internal/jest-preset-async:1:1`);
    const config = { rootDir: '/project', testMatch: [] };
    const suite = formatExecError(error, config, { noStackTrace: false });
    const test = formatResultsErrors([{ ancestorTitles: [], failureDetails: [error], failureMessages: [error.stack as string], fullName: 't', title: 't' }] as never, config, { noStackTrace: false }) ?? '';
    for (const printed of [suite, test]) {
      expect(printed.split('● socket (created where').length - 1).toBe(1);
      expect(printed).not.toContain('jest-preset-async:1:1');
    }
  });

  test('nothing to say: no report', () => {
    expect(buildReport(() => 'unused', [], context)).toBeNull();
  });
});
