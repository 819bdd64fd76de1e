/**
 * The cache key of the preset's TypeScript transform, computed without loading ts-jest. ts-jest's
 * own `getCacheKey` builds its whole configuration first, which loads the TypeScript compiler:
 * about 0.35 s in every worker of a run whose files are all in Jest's cache (measured: the warm
 * TypeScript bench was 1.20x @swc/jest in band, most of it that load).
 *
 * The key covers what ts-jest's output depends on: the file and its path, Jest's project
 * configuration (`configString`, which holds this transform's options), `instrument` and
 * `supportsStaticESM`, the versions of this package, ts-jest and the compiler, and the text of
 * the project's tsconfig.json as ts-jest finds it (walking up from rootDir) with every file it
 * `extends`. If that chain cannot be followed, the key is ts-jest's own (undefined here).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

interface KeyOptions {
  configString: string;
  config: { rootDir: string };
  instrument?: boolean;
  supportsStaticESM?: boolean;
}

const versions = new Map<string, string>();
/** ts-jest's entry, resolved on the first key. */
let tsJest: string | undefined;
/** This package's transform code: a change in it changes its output. */
const OWN_CODE = [join(__dirname, 'transform.js'), __filename].map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')).join('\0');
const chains = new Map<string, string | undefined>();

/** The version in the package.json of the package holding `file`, or '' if none is found. */
function packageVersion(file: string): string {
  let known = versions.get(file);
  if (known !== undefined) return known;
  known = '';
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (!name) continue;
    known = `${name}@${version ?? ''}`;
    break;
  }
  versions.set(file, known);
  return known;
}

/** JSON with comments and trailing commas, as tsconfig files are written; strings are kept intact. */
function parseJsonc(text: string): unknown {
  const stripped = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string: string | undefined) => string ?? '');
  return JSON.parse(stripped.replace(/,(\s*[}\]])/g, '$1'));
}

/** Where an `extends` entry points, as TypeScript resolves it; undefined if it cannot be found. */
function resolveExtends(spec: string, from: string): string | undefined {
  const dir = dirname(from);
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const path = resolve(dir, spec);
    if (existsSync(path) && !path.endsWith('/')) return path;
    return existsSync(`${path}.json`) ? `${path}.json` : undefined;
  }
  // A package's own entry point is code, not its tsconfig: only JSON files count.
  const candidates = spec.endsWith('.json') ? [spec] : [`${spec}.json`, `${spec}/tsconfig.json`];
  for (const candidate of candidates) {
    try {
      return require.resolve(candidate, { paths: [dir] });
    } catch {
      // The next form of the name.
    }
  }
  return undefined;
}

/** The text of the tsconfig.json ts-jest reads for `rootDir`, with every file it extends; undefined when unreadable. */
function tsconfigChain(rootDir: string): string | undefined {
  if (chains.has(rootDir)) return chains.get(rootDir);
  let text: string | undefined = '';
  let dir = resolve(rootDir);
  while (!existsSync(join(dir, 'tsconfig.json')) && dir !== dirname(dir)) dir = dirname(dir);
  const seen = new Set<string>();
  const pending = existsSync(join(dir, 'tsconfig.json')) ? [join(dir, 'tsconfig.json')] : [];
  try {
    for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      text += `${file}\n${source}\n`;
      const extended = (parseJsonc(source) as { extends?: unknown } | null)?.extends;
      for (const spec of typeof extended === 'string' ? [extended] : Array.isArray(extended) ? extended : []) {
        const path = typeof spec === 'string' ? resolveExtends(spec, file) : undefined;
        if (!path) throw new Error(`cannot resolve ${String(spec)}`);
        pending.push(path);
      }
    }
  } catch {
    text = undefined;
  }
  chains.set(rootDir, text);
  return text;
}

/** The key, or undefined when ts-jest has to compute its own. */
export function tsCacheKey(source: string, path: string, options: KeyOptions, transformerConfig: unknown, compiler: string | undefined): string | undefined {
  const tsconfig = tsconfigChain(options.config.rootDir);
  if (tsconfig === undefined) return undefined;
  return createHash('sha1')
    .update(packageVersion(__filename))
    .update(OWN_CODE)
    .update('\0')
    .update(packageVersion((tsJest ??= require.resolve('ts-jest'))))
    .update('\0')
    .update(`${compiler ?? 'typescript'}\0${packageVersion(compiler ?? require.resolve('typescript'))}`)
    .update('\0')
    .update(JSON.stringify(transformerConfig ?? null))
    .update('\0')
    .update(options.configString)
    .update('\0')
    .update(`instrument:${options.instrument === true}\0esm:${options.supportsStaticESM === true}\0`)
    .update(tsconfig)
    .update('\0')
    .update(path)
    .update('\0')
    .update(source)
    .digest('hex');
}
