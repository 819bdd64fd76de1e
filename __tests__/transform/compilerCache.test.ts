import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The cache lives across processes: each case runs the built module in a fresh Node process.
const BUILT = resolve(__dirname, '../../dist/src/compilerCache.js');

describe('the compiler code cache', () => {
  let root: string;
  let compiler: string;
  let cacheDir: string;

  /** Loads the compiler in a new process; prints how, and what the module gives. */
  const load = (env: Record<string, string> = {}, directory = cacheDir): { load: string; value: string; same: boolean } => {
    const script = `
      const { preloadCompiler, saveCompilerCache } = require(${JSON.stringify(BUILT)});
      const load = preloadCompiler(${JSON.stringify(compiler)}, ${JSON.stringify(directory)});
      const first = require(${JSON.stringify(compiler)});
      saveCompilerCache();
      console.log(JSON.stringify({ load, value: first.answer(), same: first === require(${JSON.stringify(compiler)}) }));`;
    const { NODE_DISABLE_COMPILE_CACHE: _, ...inherited } = process.env;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...inherited, ...env }, encoding: 'utf8' })) as { load: string; value: string; same: boolean };
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'jpa-compile-cache-'));
    compiler = join(root, 'compiler.js');
    cacheDir = join(root, 'cache');
    // A stand-in for typescript.js: CommonJS, requires a built-in, exports an API.
    writeFileSync(compiler, "const { sep } = require('node:path');\nexports.answer = () => 'forty-two' + sep + __filename.length;\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('compiles the first time and writes the cache once told (after the first file); later processes load from it', () => {
    const expected = `forty-two/${compiler.length}`;
    expect(load()).toEqual({ load: 'compiled', value: expected, same: true });
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.cache$/)]);
    expect(load()).toEqual({ load: 'cached', value: expected, same: true });
  });

  test('a cache V8 rejects (another compiler text, a damaged file) compiles as usual and is written again', () => {
    load();
    const [file] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, file as string), 'not a code cache');
    expect(load().load).toBe('compiled');
    expect(load().load).toBe('cached');
  });

  // Changing a file's owner takes root (as on CI machines here).
  (process.getuid?.() === 0 ? test : test.skip)("a cache file another user owns is never read: a code cache is code", () => {
    load();
    const [file] = readdirSync(cacheDir);
    chownSync(join(cacheDir, file as string), 4242, 4242);
    expect(load().load).toBe('compiled');
  });

  test('a cache in a folder others can write to is never read', () => {
    load();
    chmodSync(cacheDir, 0o777);
    expect(load().load).toBe('compiled');
    chmodSync(cacheDir, 0o700);
    expect(load().load).toBe('cached');
  });

  test('nothing is written until the transform says its first file is done', () => {
    const script = `
      const { preloadCompiler } = require(${JSON.stringify(BUILT)});
      console.log(preloadCompiler(${JSON.stringify(compiler)}, ${JSON.stringify(cacheDir)}));`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()).toBe('compiled');
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/);
  });

  test('a cache folder that cannot be made costs nothing but the cache', () => {
    const blocked = join(root, 'a-file');
    writeFileSync(blocked, '');
    expect(load({}, join(blocked, 'cache'))).toEqual({ load: 'compiled', value: `forty-two/${compiler.length}`, same: true });
    expect(load({}, join(blocked, 'cache')).load).toBe('compiled');
  });

  test("NODE_DISABLE_COMPILE_CACHE (Node's own switch) leaves the compiler to require", () => {
    expect(load({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ load: 'required', value: `forty-two/${compiler.length}`, same: true });
    expect(() => readdirSync(cacheDir)).toThrow(/ENOENT/);
  });

  test('a compiler already loaded, or a path that is not a file, is left to require', () => {
    const script = `
      const { preloadCompiler } = require(${JSON.stringify(BUILT)});
      require(${JSON.stringify(compiler)});
      console.log(preloadCompiler(${JSON.stringify(compiler)}, ${JSON.stringify(cacheDir)}), preloadCompiler(${JSON.stringify(join(root, 'missing.js'))}, ${JSON.stringify(cacheDir)}));`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()).toBe('required required');
  });

  test('a compiler that throws while loading throws as require would, and is not left half-loaded', () => {
    writeFileSync(compiler, "throw new Error('broken compiler');\n");
    const script = `
      const { preloadCompiler } = require(${JSON.stringify(BUILT)});
      try { preloadCompiler(${JSON.stringify(compiler)}, ${JSON.stringify(cacheDir)}); } catch (error) { console.log(error.message); }
      try { require(${JSON.stringify(compiler)}); } catch (error) { console.log('again: ' + error.message); }`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim().split('\n')).toEqual(['broken compiler', 'again: broken compiler']);
  });
});
