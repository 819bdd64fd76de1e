/**
 * Finds the `jest-environment-node` of the Jest that runs the tests (29 or 30), to extend it.
 * Jest's own `testEnvironment: 'node'` comes from jest-config's dependencies, so the first way is
 * the same path: jest -> jest-cli -> jest-config -> jest-environment-node, from the project folder
 * (this works in npm, yarn and pnpm layouts). The second is plain resolution from this package.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

type NodeEnvironmentModule = typeof import('jest-environment-node');

const CHAIN = ['jest', 'jest-cli', 'jest-config', 'jest-environment-node'];

function throughProjectJest(projectDir: string): NodeEnvironmentModule {
  let from = join(projectDir, 'package.json');
  for (const name of CHAIN) from = createRequire(from).resolve(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(from) as NodeEnvironmentModule;
}

export function loadNodeEnvironment(projectDir = process.cwd()): NodeEnvironmentModule {
  try {
    return throughProjectJest(projectDir);
  } catch (first) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('jest-environment-node') as NodeEnvironmentModule;
    } catch {
      throw new Error(
        `jest-preset-async: cannot find jest-environment-node, neither through the project's jest (${String(first)}) ` +
          'nor next to jest-preset-async. Install jest in the project, or add jest-environment-node of the same major version.',
      );
    }
  }
}
