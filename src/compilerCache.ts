/**
 * TypeScript's compiler, loaded through a V8 code cache. The compiler is about 9 MB of JavaScript
 * that Node 20 parses and compiles in every Jest worker that transpiles a file (about 0.2 s), and
 * whose functions are compiled again, lazily, on the first files (another 0.1-0.2 s). V8's code
 * cache holds that bytecode: with it the compiler loads in a third of the time.
 *
 * The cache is a file in the OS temp folder (where Node 22's own module compile cache lives), in a
 * folder of the user's own, one per compiler (its path, size, time and version) and Node version.
 * A code cache is code: only a file this user owns, in a folder only this user can write to, is
 * read. It is written after the first file a process transpiled (`saveCompilerCache`: it then holds
 * the functions transpiling needs, made under the flags the process started with, before a test
 * could change them), atomically (write, then rename), so that parallel workers never read half a
 * file. V8 checks it against the source and its own version and flags, and rejects one that does
 * not fit: then the compiler compiles as usual and the cache is written again. Any error reading or
 * writing it falls back to a plain `require`. `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch for
 * its cache) turns it off.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** The folder of the cache files: the OS temp folder's, one per user, unless a test names another. */
const defaultDirectory = () => join(tmpdir(), `jest-preset-async-compile-cache-${process.getuid?.() ?? 'user'}`);

/** Group or others may write to it. */
const SHARED_WRITE = 0o022;

/**
 * The file's bytes if this user owns it and the folder it is in, and nobody else can write to that
 * folder (POSIX; elsewhere the file's bytes). The file is checked through the one descriptor read.
 */
function readOwn(file: string): Buffer | undefined {
  const uid = process.getuid?.();
  let fd: number | undefined;
  try {
    if (uid !== undefined) {
      const folder = statSync(dirname(file));
      if (folder.uid !== uid || (folder.mode & SHARED_WRITE) !== 0) return undefined;
    }
    fd = openSync(file, 'r');
    if (uid !== undefined && fstatSync(fd).uid !== uid) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The version in the package.json of the package the compiler file is in (npm and yarn zips normalise file times). */
function packageVersion(file: string): string {
  for (let dir = dirname(file), up = 0; up < 3; dir = dirname(dir), up++) {
    try {
      return String((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version);
    } catch {
      // Not the package's folder yet.
    }
  }
  return '';
}

/** The cache file of this compiler on this Node: the compiler's path, size, time and version, Node's version. */
function cachePath(file: string, directory: string): string {
  const { size, mtimeMs } = statSync(file);
  const key = createHash('sha1')
    .update(`${file}\0${size}\0${mtimeMs}\0${packageVersion(file)}\0${process.version}\0${process.arch}`)
    .digest('hex')
    .slice(0, 16);
  return join(directory, `${key}.cache`);
}

/** The cache this process still has to write (it compiled the compiler without one). */
let unsaved: (() => void) | undefined;

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
  const cachedData = readOwn(cacheFile);
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
  unsaved = () => writeCache(script, cacheFile);
  return 'compiled';
}

/** Writes the cache the compiler was loaded without, once (the transform calls it after its first file). */
export function saveCompilerCache(): void {
  const save = unsaved;
  unsaved = undefined;
  save?.();
}

function writeCache(script: Script, cacheFile: string): void {
  const partial = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, cacheFile);
  } catch {
    // A read-only or full temp folder: the next run compiles the compiler again, nothing else.
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written, or it cannot be removed: it is only a temp file.
    }
  }
}
