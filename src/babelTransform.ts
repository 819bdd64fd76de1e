/**
 * The preset's JavaScript transform: the project's Jest's own babel-jest, with the project's Babel
 * config, as bare Jest runs JavaScript. Loaded on the first JavaScript file Jest transforms: Jest
 * loads every configured transformer when a worker starts, and babel-jest loads @babel/core
 * (hundreds of milliseconds), which a TypeScript-only run never needs. The babel-jest module is
 * found through jest -> jest-cli -> jest-config from the project's rootDir (the one Jest itself
 * would use, also under pnpm's strict layout).
 */
import type { SyncTransformer, TransformOptions, TransformedSource } from '@jest/transform';
import { resolveThroughJest } from './jestPackages';

type BabelJestModule = { default: { createTransformer(config?: unknown): SyncTransformer<unknown> } };

export function createTransformer(config?: unknown): SyncTransformer<unknown> {
  let real: SyncTransformer<unknown> | undefined;
  const babelJest = (options: TransformOptions<unknown>): SyncTransformer<unknown> => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    real ??= (require(resolveThroughJest('babel-jest', options.config.rootDir)) as BabelJestModule).default.createTransformer(config);
    return real;
  };
  return {
    // babel-jest instruments for coverage itself, as it does without the preset.
    canInstrument: true,
    process: (source: string, path: string, options: TransformOptions<unknown>): TransformedSource => babelJest(options).process(source, path, options),
    processAsync: (source: string, path: string, options: TransformOptions<unknown>) => {
      const transformer = babelJest(options);
      return transformer.processAsync ? transformer.processAsync(source, path, options) : Promise.resolve(transformer.process(source, path, options));
    },
    getCacheKey: (source: string, path: string, options: TransformOptions<unknown>) => babelJest(options).getCacheKey?.(source, path, options) ?? '',
    getCacheKeyAsync: async (source: string, path: string, options: TransformOptions<unknown>) => {
      const transformer = babelJest(options);
      return transformer.getCacheKeyAsync ? transformer.getCacheKeyAsync(source, path, options) : (transformer.getCacheKey?.(source, path, options) ?? '');
    },
  };
}

export default { createTransformer };
