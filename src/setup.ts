/**
 * The file `setupFilesAfterEnv` loads (`jest-preset-async/setup`): registers every matcher of the
 * package with Jest's `expect`. `@jest/globals` is answered by Jest's module registry, so this also
 * works with `injectGlobals: false`, and the global `expect` and the imported one share the matchers.
 */
import { expect } from '@jest/globals';
import { matchers } from '../matchers';

expect.extend(matchers);
