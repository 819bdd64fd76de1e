/**
 * The preset's TypeScript transform: ts-jest, loaded on the first TypeScript file. Jest loads every
 * configured transformer when a worker starts, and loading ts-jest loads the TypeScript compiler
 * (hundreds of milliseconds); a run whose files are all JavaScript never needs it.
 */
import type { SyncTransformer, TransformOptions, TransformedSource } from '@jest/transform';

type TsJestModule = { default: { createTransformer(config?: unknown): SyncTransformer<unknown> } };

export function createTransformer(config?: unknown): SyncTransformer<unknown> {
  let real: SyncTransformer<unknown> | undefined;
  const tsJest = (): SyncTransformer<unknown> => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    real ??= (require('ts-jest') as TsJestModule).default.createTransformer(config);
    return real;
  };
  return {
    process: (source: string, path: string, options: TransformOptions<unknown>): TransformedSource => tsJest().process(source, path, options),
    processAsync: (source: string, path: string, options: TransformOptions<unknown>) => {
      const transformer = tsJest();
      return transformer.processAsync ? transformer.processAsync(source, path, options) : Promise.resolve(transformer.process(source, path, options));
    },
    getCacheKey: (source: string, path: string, options: TransformOptions<unknown>) => tsJest().getCacheKey?.(source, path, options) ?? '',
    getCacheKeyAsync: async (source: string, path: string, options: TransformOptions<unknown>) => {
      const transformer = tsJest();
      return transformer.getCacheKeyAsync ? transformer.getCacheKeyAsync(source, path, options) : (transformer.getCacheKey?.(source, path, options) ?? '');
    },
  };
}

export default { createTransformer };
