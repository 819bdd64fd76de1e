/**
 * TypeScript's compiler, loaded through a V8 code cache. The compiler is about 9 MB of JavaScript
 * that Node 20 parses and compiles in every Jest worker that transpiles a file (about 0.2 s), and
 * whose functions are compiled again, lazily, on the first files (another 0.1-0.2 s). V8's code
 * cache holds that bytecode: with it the compiler loads in a third of the time.
 *
 * The cache is a file in the OS temp folder (where Node 22's own module compile cache lives), one
 * per compiler file and Node version, written when a process that loaded the compiler without it
 * exits (then it holds every function the files of that run needed), atomically (write, then
 * rename), so that parallel workers never read half a file. V8 checks the cache against the source
 * and its own version and flags, and rejects one that does not fit: then the compiler compiles as
 * usual and the cache is written again. Any error reading or writing it falls back to a plain
 * `require`. `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch for its cache) turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

type ModuleInternals = typeof Module & {
  _cache: Record<string, Module>;
  _nodeModulePaths(from: string): string[];
  wrap(source: string): string;
};

export type CompilerLoad = 'cached' | 'compiled' | 'required';

/** The folder of the cache files: the OS temp folder's, unless a test names another. */
const defaultDirectory = () => join(tmpdir(), 'jest-preset-async-compile-cache');

/**
 * The cache file of this compiler file on this Node: the file's path, size and time, Node's version
 * and flags (a cache made under other V8 flags is rejected: one file per set, none rewritten in turn).
 */
function cachePath(file: string, directory: string): string {
  const { size, mtimeMs } = statSync(file);
  const node = `${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`;
  const key = createHash('sha1').update(`${file}\0${size}\0${mtimeMs}\0${node}`).digest('hex').slice(0, 16);
  return join(directory, `${key}.cache`);
}

/**
 * Puts the compiler at `compilerPath` into Node's module cache, compiled with the code cache when
 * there is one, so that every later `require` of that file returns it. Says how it was loaded.
 */
export function preloadCompiler(compilerPath: string, directory = defaultDirectory()): CompilerLoad {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return 'required';
  const modules = Module as ModuleInternals;
  let file: string;
  let cacheFile: string;
  let source: string;
  try {
    file = realpathSync(compilerPath);
    if (modules._cache[file]) return 'required';
    cacheFile = cachePath(file, directory);
    source = readFileSync(file, 'utf8');
  } catch {
    return 'required';
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(modules.wrap(source), { filename: file, cachedData });
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  const module = new Module(file);
  module.filename = file;
  module.paths = modules._nodeModulePaths(dirname(file));
  modules._cache[file] = module;
  try {
    compiled.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    delete modules._cache[file];
    throw error;
  }
  module.loaded = true;
  if (cachedData && !script.cachedDataRejected) return 'cached';
  process.once('exit', () => writeCache(script, cacheFile));
  return 'compiled';
}

function writeCache(script: Script, cacheFile: string): void {
  const partial = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    // A read-only or full temp folder: the next run compiles the compiler again, nothing else.
    if (existsSync(partial)) rmSync(partial);
  }
}
