/**
 * Errors this package throws for bad input should point at the user's line, not ours: Jest shows
 * the code frame of the first stack frame outside node_modules, and a linked or workspace copy
 * of the package is not inside node_modules.
 */
import { join, resolve, sep } from 'node:path';

// This file is dist/src/helpers/ownFrames.js; source maps may rename frames to the .ts sources.
const PACKAGE_ROOT = resolve(__dirname, '..', '..', '..');
/** The package's own code: its build, and the sources source maps point at. */
export const OWN_DIRS = ['dist', 'src', 'matchers'].map((dir) => join(PACKAGE_ROOT, dir) + sep);

/** Removes the stack frames of this package's own files; returns the same error. */
export function withoutOwnFrames<E extends Error>(error: E): E {
  const stack = error.stack;
  if (stack) {
    error.stack = stack
      .split('\n')
      .filter((line) => !(line.trimStart().startsWith('at ') && OWN_DIRS.some((dir) => line.includes(dir))))
      .join('\n');
  }
  return error;
}
