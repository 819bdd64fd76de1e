import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransformer } from '../../src/transform';
import { tsCacheKey } from '../../src/tsCacheKey';

const CONFIG = { compiler: require.resolve('typescript'), tsconfig: { isolatedModules: true } };
const options = (rootDir: string, extra: Record<string, unknown> = {}) => ({ configString: '{"rootDir":"x"}', config: { rootDir }, ...extra });

describe('the TypeScript transform cache key', () => {
  let root: string;
  let project = 0;
  /** A fresh project folder with these files (each call a new one: keys are cached per rootDir). */
  const makeProject = (files: Record<string, string>): string => {
    const dir = join(root, `p${++project}`);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'jpa-key-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('is the same for the same input, and changes with the source, the path, the options and the configuration', () => {
    const dir = makeProject({ 'tsconfig.json': '{ "compilerOptions": { "strict": true } }' });
    const key = tsCacheKey('let a = 1;', '/p/a.ts', options(dir), CONFIG, CONFIG.compiler);
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(tsCacheKey('let a = 1;', '/p/a.ts', options(dir), CONFIG, CONFIG.compiler)).toBe(key);
    const others = [
      tsCacheKey('let a = 2;', '/p/a.ts', options(dir), CONFIG, CONFIG.compiler),
      tsCacheKey('let a = 1;', '/p/b.ts', options(dir), CONFIG, CONFIG.compiler),
      tsCacheKey('let a = 1;', '/p/a.ts', { ...options(dir), configString: '{"rootDir":"y"}' }, CONFIG, CONFIG.compiler),
      tsCacheKey('let a = 1;', '/p/a.ts', options(dir, { instrument: true }), CONFIG, CONFIG.compiler),
      tsCacheKey('let a = 1;', '/p/a.ts', options(dir, { supportsStaticESM: true }), CONFIG, CONFIG.compiler),
      tsCacheKey('let a = 1;', '/p/a.ts', options(dir), { ...CONFIG, tsconfig: { isolatedModules: true, target: 'es5' } }, CONFIG.compiler),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });

  test("follows the tsconfig.json above rootDir and every file it extends, from a path or a package", () => {
    const files = {
      'tsconfig.json': '{\n  // comments and trailing commas, as tsconfig files have them\n  "extends": ["./base", "shared-config/tsconfig.json"],\n  "compilerOptions": { "strict": true, },\n}',
      'base.json': '{ "compilerOptions": { "target": "es2022" } }',
      'node_modules/shared-config/package.json': '{ "name": "shared-config", "version": "1.0.0" }',
      'node_modules/shared-config/tsconfig.json': '{ "compilerOptions": { "module": "commonjs" } }',
      'packages/app/package.json': '{ "name": "app" }',
    };
    const a = makeProject(files);
    const b = makeProject({ ...files, 'base.json': '{ "compilerOptions": { "target": "es5" } }' });
    const c = makeProject({ ...files, 'node_modules/shared-config/tsconfig.json': '{ "compilerOptions": { "module": "esnext" } }' });
    const key = (dir: string) => tsCacheKey('x', '/p/a.ts', options(join(dir, 'packages', 'app')), CONFIG, CONFIG.compiler);
    expect(key(a)).toMatch(/^[0-9a-f]{40}$/);
    expect(key(b)).not.toBe(key(a));
    expect(key(c)).not.toBe(key(a));
    expect(key(c)).not.toBe(key(b));
  });

  test("follows a package named without its file to the package's tsconfig.json, not its entry point", () => {
    const files = {
      'tsconfig.json': '{ "extends": "base-config" }',
      'node_modules/base-config/package.json': '{ "name": "base-config", "version": "1.0.0", "main": "index.js" }',
      'node_modules/base-config/index.js': 'module.exports = {};',
      'node_modules/base-config/tsconfig.json': '{ "compilerOptions": { "target": "es2020" } }',
    };
    const a = makeProject(files);
    const b = makeProject({ ...files, 'node_modules/base-config/tsconfig.json': '{ "compilerOptions": { "target": "es5" } }' });
    const key = (dir: string) => tsCacheKey('x', '/p/a.ts', options(dir), CONFIG, CONFIG.compiler);
    expect(key(a)).toMatch(/^[0-9a-f]{40}$/);
    expect(key(b)).not.toBe(key(a));
  });

  test('is left to ts-jest when an extended file cannot be found or the tsconfig cannot be read', () => {
    const missing = makeProject({ 'tsconfig.json': '{ "extends": "no-such-config/tsconfig.json" }' });
    const broken = makeProject({ 'tsconfig.json': '{ "compilerOptions": ' });
    expect(tsCacheKey('x', '/p/a.ts', options(missing), CONFIG, CONFIG.compiler)).toBeUndefined();
    expect(tsCacheKey('x', '/p/a.ts', options(broken), CONFIG, CONFIG.compiler)).toBeUndefined();
  });

  test('the transform uses it for transpile-only output', () => {
    const dir = makeProject({ 'tsconfig.json': '{}' });
    const transformOptions = { ...options(dir), cacheFS: new Map(), config: { rootDir: dir, cwd: dir }, transformerConfig: {} } as never;
    const isolated = createTransformer(CONFIG);
    expect(isolated.getCacheKey?.('let a = 1;', join(dir, 'a.ts'), transformOptions)).toBe(tsCacheKey('let a = 1;', join(dir, 'a.ts'), options(dir), CONFIG, CONFIG.compiler));
  });
});
