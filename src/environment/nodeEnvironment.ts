/**
 * Finds the `jest-environment-node` of the Jest that runs the tests (29 or 30), to extend it.
 * Jest's own `testEnvironment: 'node'` comes from jest-config's dependencies, so the first way is
 * the same path: jest -> jest-cli -> jest-config -> jest-environment-node, from the project folder
 * (this works in npm, yarn and pnpm layouts). The second is plain resolution from this package.
 * An unsupported Jest (27, 28) gets one clear error instead of "Class extends value undefined".
 */
import { resolveThroughJest, unsupportedJest } from '../jestPackages';

type NodeEnvironmentModule = typeof import('jest-environment-node');

export function loadNodeEnvironment(projectDir = process.cwd()): NodeEnvironmentModule {
  let path: string;
  try {
    path = resolveThroughJest('jest-environment-node', projectDir);
  } catch (cause) {
    throw new Error(
      `jest-preset-async: cannot find jest-environment-node, neither through the project's jest (${String(cause)}) ` +
        'nor next to jest-preset-async. Install jest in the project, or add jest-environment-node of the same major version.',
    );
  }
  let version: string | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    version = (require(resolveThroughJest('jest-environment-node/package.json', projectDir)) as { version: string }).version;
  } catch {
    // A package without its package.json exported: judged by what it exports instead.
  }
  const unsupported = unsupportedJest(version, 'jest-environment-node');
  if (unsupported) throw unsupported;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path) as NodeEnvironmentModule;
}
