/**
 * Finds the packages of the Jest that runs the tests, the way Jest itself finds them: from the
 * project folder through jest -> jest-cli -> jest-config (whose dependencies are babel-jest and
 * jest-environment-node). This works in npm, yarn and pnpm (strict) layouts, and gives the copy of
 * the same major version as the project's Jest. The second way is plain resolution from this package.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The major versions of Jest the package supports (its peer dependency). */
export const SUPPORTED_JEST = [29, 30];

const CHAIN = ['jest', 'jest-cli', 'jest-config'];

/** The path of `request` as the project's Jest (jest-config) resolves it, else as this package does. */
export function resolveThroughJest(request: string, projectDir = process.cwd()): string {
  for (const start of [join(projectDir, 'package.json'), __filename]) {
    try {
      let from = start;
      for (const name of CHAIN) from = createRequire(from).resolve(name);
      return createRequire(from).resolve(request);
    } catch {
      // Not from here: try the next start, then plain resolution.
    }
  }
  return require.resolve(request);
}

/** The version of the project's Jest, or undefined when none is found. */
export function jestVersion(projectDir = process.cwd()): string | undefined {
  for (const start of [join(projectDir, 'package.json'), __filename]) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require(createRequire(start).resolve('jest/package.json')) as { version: string }).version;
    } catch {
      // Not from here.
    }
  }
  return undefined;
}

/** The one error an unsupported Jest gets, or undefined for a supported one. */
export function unsupportedJest(version: string | undefined, what = 'Jest'): Error | undefined {
  const major = Number(version?.split('.')[0]);
  if (!version || SUPPORTED_JEST.includes(major)) return undefined;
  const error = new Error(
    `jest-preset-async supports Jest ${SUPPORTED_JEST.join(' and ')} (peer dependency jest ^29 || ^30); this project runs ${what} ${version}. ` +
      'Upgrade Jest (npm install --save-dev jest@30), or use jest-preset-async only with a supported Jest.',
  );
  // Jest prints a preset's error with its stack: the message is the whole story.
  error.stack = '';
  return error;
}
