/**
 * Finds the project's own `jest-environment-jsdom`, to extend it. It is not a dependency of Jest
 * (since Jest 28) nor of this package: the project installs it, so it is resolved from the project
 * (its rootDir, then the folder Jest runs in), which works in npm, yarn and pnpm (strict) layouts.
 * Not installed: one error that says what to install. Jest 27/28's copy: the unsupported-Jest error.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jestVersion, SUPPORTED_JEST, unsupportedJest } from '../jestPackages';
import type { EnvironmentClass } from './index';

const PACKAGE = 'jest-environment-jsdom';

/** The error of a project without jest-environment-jsdom: what to install, no stack of this package. */
export function missingJsdom(projectDir: string): Error {
  const major = Number(jestVersion(projectDir)?.split('.')[0]);
  const version = SUPPORTED_JEST.includes(major) ? major : SUPPORTED_JEST[SUPPORTED_JEST.length - 1];
  const error = new Error(`jest-preset-async/environment-jsdom needs ${PACKAGE}: npm install --save-dev ${PACKAGE}@${version}`);
  error.stack = error.message;
  return error;
}

/** The project's jest-environment-jsdom: its path (one class per copy) and its environment class. */
export function loadJsdomEnvironment(rootDir: string, cwd = process.cwd()): { path: string; TestEnvironment: EnvironmentClass } {
  for (const dir of new Set([rootDir, cwd])) {
    const require = createRequire(join(dir, 'package.json'));
    let path: string;
    try {
      path = require.resolve(PACKAGE);
    } catch {
      continue; // Not installed here: try the next folder.
    }
    let version: string | undefined;
    try {
      version = (require(`${PACKAGE}/package.json`) as { version: string }).version;
    } catch {
      // A package without its package.json exported: judged by what it exports instead.
    }
    const unsupported = unsupportedJest(version, PACKAGE);
    if (unsupported) throw unsupported;
    const loaded = require(path) as { TestEnvironment?: EnvironmentClass; default?: EnvironmentClass };
    const TestEnvironment = loaded.TestEnvironment ?? loaded.default;
    if (typeof TestEnvironment !== 'function') throw missingJsdom(rootDir);
    return { path, TestEnvironment };
  }
  throw missingJsdom(rootDir);
}
