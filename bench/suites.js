/**
 * The generated suites of `npm run bench`: each one a folder under .bench/ with its own package.json,
 * tests/ and (for TypeScript) src/ and tsconfig.json. Every test passes; the runner checks the count.
 */
'use strict';
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const HEAVY_TEST = (f, t) => `test('heavy ${f}.${t}', async () => {
  let sum = 0;
  for (let i = 0; i < 150; i++) sum += await Promise.resolve(i);
  for (let i = 0; i < 50; i++) await new Promise((done) => setImmediate(done));
  await new Promise((done) => setTimeout(done, 0));
  expect(sum).toBe(11175);
});`;

const TRIVIAL_TEST = (f, t) => `test('trivial ${f}.${t}', () => {
  expect(${f} + ${t}).toBe(${f + t});
});`;

// Client/stream-shaped code: many short promise chains, and async functions awaiting async functions.
const PROMISE_PRELUDE = `const connect = async (id) => ({ id, open: true });
const readChunk = async (conn, n) => { await null; return conn.id + n; };
const parse = async (chunk) => (await Promise.resolve(chunk)) * 2;
async function request(id) {
  const conn = await connect(id);
  let total = 0;
  for (let n = 0; n < 4; n++) total += await parse(await readChunk(conn, n));
  return total;
}`;
const PROMISE_TEST = (chains) => (f, t) => `test('promises ${f}.${t}', async () => {
  const chains = [];
  for (let i = 0; i < ${chains}; i++) chains.push(Promise.resolve(i).then((x) => x + 1).then((x) => x * 2));
  const values = await Promise.all(chains);
  let sum = 0;
  for (let r = 0; r < 100; r++) sum += await request(r);
  expect(values[${chains - 1}]).toBe(${chains * 2});
  expect(sum).toBe(${Array.from({ length: 100 }, (_, r) => [0, 1, 2, 3].reduce((s, n) => s + (r + n) * 2, 0)).reduce((a, b) => a + b, 0)});
});`;

/** A TypeScript library module: interfaces, generics, enums, a class, type guards. */
const TS_LIB = (m) => `export enum Level${m} { Low = 1, Mid = 5, High = 10 }
export const enum Flag${m} { None = 0, A = 1 << 0, B = 1 << 1 }

export interface Item${m}<T> {
  readonly id: number;
  value: T;
  level: Level${m};
  tags?: string[];
}

export type Result${m}<T, E = Error> = { ok: true; value: T } | { ok: false; error: E };

export function ok${m}<T>(value: T): Result${m}<T, never> {
  return { ok: true, value };
}

export class Store${m}<K extends string | number, V> {
  private readonly items = new Map<K, V>();
  constructor(private readonly name: string) {}
  set(key: K, value: V): this {
    this.items.set(key, value);
    return this;
  }
  get(key: K): V | undefined {
    return this.items.get(key);
  }
  map<U>(fn: (value: V, key: K) => U): U[] {
    return [...this.items].map(([k, v]) => fn(v, k));
  }
  get size(): number {
    return this.items.size;
  }
  toString(): string {
    return \`\${this.name}(\${this.size})\`;
  }
}

export function isItem${m}<T>(value: unknown): value is Item${m}<T> {
  return typeof value === 'object' && value !== null && 'id' in value && 'value' in value;
}

export async function load${m}<T>(values: readonly T[]): Promise<Array<Item${m}<T>>> {
  return values.map((value, id) => ({ id, value, level: id % 2 ? Level${m}.High : Level${m}.Low }));
}
`;

const TS_FILE = (m, tests) => {
  const header = `import { Level${m}, Flag${m}, Item${m}, Result${m}, ok${m}, Store${m}, isItem${m}, load${m} } from '../src/lib${m}';

interface Point { x: number; y: number }
type Keyed<T> = { [K in keyof T as \`get\${Capitalize<string & K>}\`]: () => T[K] };
enum Color { Red = 'red', Green = 'green' }

function keyed<T extends object>(value: T): Keyed<T> {
  const out: Record<string, () => unknown> = {};
  for (const key of Object.keys(value) as Array<keyof T & string>) {
    out[\`get\${key[0].toUpperCase()}\${key.slice(1)}\`] = () => value[key];
  }
  return out as Keyed<T>;
}

abstract class Shape {
  abstract area(): number;
  describe(this: Shape): string { return \`\${this.constructor.name}:\${this.area().toFixed(1)}\`; }
}
class Rect extends Shape {
  constructor(public w: number, public h: number) { super(); }
  area(): number { return this.w * this.h; }
}
`;
  const body = Array.from({ length: tests }, (_, t) => {
    switch (t % 5) {
      case 0:
        return `test('store ${m}.${t}', () => {
  const store = new Store${m}<string, Item${m}<number>>('s${t}');
  store.set('a', { id: ${t}, value: ${t * 2}, level: Level${m}.Mid });
  expect(store.get('a')?.value).toBe(${t * 2});
  expect(store.map((item) => item.level)).toEqual([Level${m}.Mid]);
});`;
      case 1:
        return `test('result ${m}.${t}', () => {
  const result: Result${m}<number> = ok${m}(${t});
  if (!result.ok) throw result.error;
  expect(result.value + 1).toBe(${t + 1});
  expect(Flag${m}.A | Flag${m}.B).toBe(3);
});`;
      case 2:
        return `test('async load ${m}.${t}', async () => {
  const items = await load${m}<string>(['a', 'b', 'c']);
  expect(items.filter((item) => isItem${m}<string>(item))).toHaveLength(3);
  expect(items[1].level).toBe(Level${m}.High);
});`;
      case 3:
        return `test('keyed ${m}.${t}', () => {
  const point: Point = { x: ${t}, y: 2 };
  const k = keyed(point);
  expect(k.getX() + k.getY()).toBe(${t + 2});
  expect(Color.Green).toBe('green');
});`;
      default:
        return `test('shape ${m}.${t}', () => {
  const shapes: Shape[] = [new Rect(${t}, 2), new Rect(1, 1)];
  expect(shapes.map((s) => s.area())).toEqual([${t * 2}, 1]);
  expect(shapes[1].describe()).toBe('Rect:1.0');
});`;
    }
  }).join('\n\n');
  return `${header}\n${body}\n`;
};

const SUITES = {
  heavy: { kind: 'js', files: 25, tests: 20, quick: { files: 8, tests: 10 }, body: HEAVY_TEST },
  trivial: { kind: 'js', files: 25, tests: 20, quick: { files: 8, tests: 10 }, body: TRIVIAL_TEST },
  'promise-heavy': { kind: 'js', files: 25, tests: 8, quick: { files: 8, tests: 4 }, prelude: PROMISE_PRELUDE, body: PROMISE_TEST(2000) },
  typescript: { kind: 'ts', files: 30, tests: 30, quick: { files: 8, tests: 10 } },
};

const SUITE_INFO = {
  heavy: 'async tests, each awaiting ~150 promises, 50 immediates and a timer',
  trivial: 'synchronous tests',
  'promise-heavy': 'async tests, each making 2,000 `Promise.resolve().then().then()` chains and 100 client-like async call chains',
  typescript: 'TypeScript tests (interfaces, generics, enums, classes) importing a .ts module each',
};

/** Writes the suite into `dir` (emptied first); returns the number of tests. */
function generate(name, dir, quick) {
  const suite = SUITES[name];
  const { files, tests } = quick ? suite.quick : suite;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bench-${name}`, private: true }));
  if (suite.kind === 'ts') {
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'es2022', module: 'commonjs', strict: true, esModuleInterop: true, types: ['jest'] } }, null, 2),
    );
    for (let f = 0; f < files; f++) {
      const id = String(f).padStart(2, '0');
      writeFileSync(join(dir, 'src', `lib${id}.ts`), TS_LIB(id));
      writeFileSync(join(dir, 'tests', `t${id}.test.ts`), TS_FILE(id, tests));
    }
  } else {
    for (let f = 0; f < files; f++) {
      const source = Array.from({ length: tests }, (_, t) => suite.body(f, t)).join('\n\n');
      const prelude = suite.prelude ? `${suite.prelude}\n\n` : '';
      writeFileSync(join(dir, 'tests', `t${String(f).padStart(2, '0')}.test.js`), `${prelude}${source}\n`);
    }
  }
  return files * tests;
}

/** One file of `tests` async tests, each awaiting `promises` promises one after another (growth mode). */
function generateGrowth(dir, tests, promises) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-growth', private: true }));
  writeFileSync(
    join(dir, 'tests', 'growth.test.js'),
    `for (let t = 0; t < ${tests}; t++) {
  test('growth ' + t, async () => {
    let sum = 0;
    for (let i = 0; i < ${promises}; i++) sum += await Promise.resolve(1);
    expect(sum).toBe(${promises});
  });
}
`,
  );
}

module.exports = { SUITES, SUITE_INFO, PROMISE_PRELUDE, generate, generateGrowth };
