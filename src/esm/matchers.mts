/**
 * `jest-preset-async/matchers` for ESM importers (the `import` condition of package.json):
 * Node's default import of a CommonJS module is its whole `module.exports`, so
 * `import matchers from 'jest-preset-async/matchers'; expect.extend(matchers)` would also register
 * `matchers` and `default`. Here the default export is the matchers object, as in CommonJS.
 */
import cjs from '../../matchers/index.js';

export * from '../../matchers/index.js';
export default cjs.matchers;
