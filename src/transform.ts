/**
 * The preset's TypeScript transform: ts-jest, loaded on the first TypeScript file. Jest loads every
 * configured transformer when a worker starts, and loading ts-jest loads the TypeScript compiler
 * (hundreds of milliseconds); a run whose files are all JavaScript never needs it, and for
 * transpile-only output neither does a run whose files are all in Jest's cache: the cache key is
 * computed without it (tsCacheKey.ts).
 *
 * ts-jest transpiles with the compiler the preset names in `compiler` (the package's own TypeScript
 * 5.9, or the project's TypeScript 5/6 for the typecheck preset), whatever TypeScript the project
 * has: TypeScript 7 has no JavaScript compiler API. ts-jest also `require('typescript')`s in three of
 * its own files; those requires are answered with the same compiler, so that pnpm, yarn and npm
 * layouts (where `typescript` next to ts-jest may be the project's TypeScript 7) all behave alike.
 */
import type { SyncTransformer, TransformOptions, TransformedSource } from '@jest/transform';
import Module from 'node:module';
import { dirname, sep } from 'node:path';
import { preloadCompiler, saveCompilerCache } from './compilerCache';
import { tsCacheKey } from './tsCacheKey';

type TsJestModule = { default: { createTransformer(config?: unknown): SyncTransformer<unknown> } };
type Resolve = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;

const REDIRECT = Symbol.for('jest-preset-async.tsJestCompiler');

/** Answers ts-jest's own `require('typescript')` with `compiler` (once per process). */
function pointTsJestAt(compiler: string): void {
  const store = globalThis as Record<symbol, string | undefined>;
  if (store[REDIRECT] === compiler) return;
  const first = store[REDIRECT] === undefined;
  store[REDIRECT] = compiler;
  if (!first) return;
  const tsJestDir = dirname(require.resolve('ts-jest/package.json')) + sep;
  const modules = Module as unknown as { _resolveFilename: Resolve };
  const original = modules._resolveFilename;
  modules._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript' && parent?.filename?.startsWith(tsJestDir)) return store[REDIRECT] as string;
    return original.call(this, request, parent, ...rest);
  };
}

const MAP_PREFIX = 'sourceMappingURL=data:application/json;charset=utf-8;base64,';

/** Names the real file again in the inline source map ts-jest appended. */
function renameSource(result: TransformedSource, path: string): TransformedSource {
  const at = result.code.lastIndexOf(MAP_PREFIX);
  if (at < 0) return result;
  const map = JSON.parse(Buffer.from(result.code.slice(at + MAP_PREFIX.length), 'base64').toString('utf8')) as { file?: string; sources?: string[] };
  map.file = path;
  map.sources = [path];
  return { ...result, code: result.code.slice(0, at + MAP_PREFIX.length) + Buffer.from(JSON.stringify(map)).toString('base64') };
}

type TransformerConfig = { compiler?: string; tsconfig?: { isolatedModules?: boolean } };

export function createTransformer(config?: TransformerConfig): SyncTransformer<unknown> {
  let real: SyncTransformer<unknown> | undefined;
  const tsJest = (): SyncTransformer<unknown> => {
    if (!real) {
      if (config?.compiler) {
        preloadCompiler(config.compiler);
        pointTsJestAt(config.compiler);
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      real = (require('ts-jest') as TsJestModule).default.createTransformer(config);
    }
    return real;
  };
  // TypeScript emits a `.mts` file as ESM whatever `module` says; Jest runs it as CommonJS unless in
  // its ESM mode. Transpiled on its own, its text is compiled under a `.ts` name, then mapped back.
  const asTs = (path: string, options: TransformOptions<unknown>) =>
    config?.tsconfig?.isolatedModules === true && !options.supportsStaticESM && path.endsWith('.mts') ? path.slice(0, -4) + '.ts' : undefined;
  // Transpile-only output depends on the file and the configuration alone: its key needs no compiler.
  const ownKey = (source: string, path: string, options: TransformOptions<unknown>) =>
    config?.tsconfig?.isolatedModules === true ? tsCacheKey(source, path, options, config, config.compiler) : undefined;
  return {
    process: (source: string, path: string, options: TransformOptions<unknown>): TransformedSource => {
      const renamed = asTs(path, options);
      const result = renamed ? renameSource(tsJest().process(source, renamed, options), path) : tsJest().process(source, path, options);
      saveCompilerCache();
      return result;
    },
    processAsync: async (source: string, path: string, options: TransformOptions<unknown>) => {
      const transformer = tsJest();
      const renamed = asTs(path, options);
      const run = (file: string) => (transformer.processAsync ? transformer.processAsync(source, file, options) : Promise.resolve(transformer.process(source, file, options)));
      const result = renamed ? renameSource(await run(renamed), path) : await run(path);
      saveCompilerCache();
      return result;
    },
    getCacheKey: (source: string, path: string, options: TransformOptions<unknown>) => ownKey(source, path, options) ?? tsJest().getCacheKey?.(source, path, options) ?? '',
    getCacheKeyAsync: async (source: string, path: string, options: TransformOptions<unknown>) => {
      const own = ownKey(source, path, options);
      if (own !== undefined) return own;
      const transformer = tsJest();
      return transformer.getCacheKeyAsync ? transformer.getCacheKeyAsync(source, path, options) : (transformer.getCacheKey?.(source, path, options) ?? '');
    },
  };
}

export default { createTransformer };
