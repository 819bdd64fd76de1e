/**
 * jest-preset-async: the public API. No side effects: matchers are registered by the preset's
 * setup file (`jest-preset-async/setup`); importing anything from here loads their types.
 */
import * as api from './api';

export * from './api';
/**
 * The whole API as one object, so that `import api from 'jest-preset-async'` means the same in
 * native ESM (Node's default import of a CommonJS module is `module.exports`) and in ESM TypeScript
 * that Jest runs as CommonJS (which reads `exports.default`).
 * @example
 * import api from 'jest-preset-async';
 * const { promise, resolve } = api.deferred<number>();
 */
export default api;
