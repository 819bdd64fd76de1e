import { badArgument } from './validate';

type Hook = (fn: () => Promise<void>) => void;

/** Jest's hooks for this file: `@jest/globals` is answered by Jest's registry (it works with `injectGlobals: false`). */
function jestHooks(): { beforeEach: Hook; afterEach: Hook } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@jest/globals') as { beforeEach: Hook; afterEach: Hook };
}

// Jest's Node environment defines these symbols where the runtime lacks them.
const asyncDispose: symbol = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');
const syncDispose: symbol = Symbol.dispose ?? Symbol.for('nodejs.dispose');

/** `await using` without the syntax: the value's `Symbol.asyncDispose`, else its `Symbol.dispose`. */
async function dispose(value: unknown): Promise<void> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
  const disposable = value as Record<symbol, unknown>;
  const method = disposable[asyncDispose] ?? disposable[syncDispose];
  if (typeof method === 'function') await (method as () => unknown).call(value);
}

/**
 * A per-test async fixture — pytest's `@pytest.fixture` with `yield`. Called in a `describe` body
 * (or at file level), it runs `setup` before each test of that scope and `teardown` after it, even
 * when the test fails. Without `teardown`, a value with `Symbol.asyncDispose` (or `Symbol.dispose`)
 * is disposed, as `await using` would. Returns an accessor for the current test's value.
 * @example
 * const server = fixture(() => startServer({ port: 0 }), (s) => s.close());
 * test('answers', async () => {
 *   await expect(fetch(server().url)).resolves.toMatchObject({ ok: true });
 * });
 */
export function fixture<T>(setup: () => T | PromiseLike<T>, teardown?: (value: Awaited<T>) => unknown): () => Awaited<T> {
  if (typeof setup !== 'function') throw badArgument('fixture', 'setup', 'a function', setup);
  if (teardown !== undefined && typeof teardown !== 'function') throw badArgument('fixture', 'teardown', 'a function', teardown);
  const name = setup.name || 'fixture';
  let current: { value: Awaited<T> } | undefined;
  const { beforeEach, afterEach } = jestHooks();

  beforeEach(async () => {
    current = { value: await setup() };
  });
  afterEach(async () => {
    if (!current) return; // setup failed: there is nothing to tear down
    const { value } = current;
    current = undefined;
    await (teardown ? teardown(value) : dispose(value));
  });

  return () => {
    if (!current) {
      throw new Error(
        `fixture ${name}: there is no value here. It exists inside the tests of the describe block that called fixture(), ` +
          'from its setup (beforeEach) to its teardown (afterEach); call the accessor inside a test, not in a describe body or beforeAll.',
      );
    }
    return current.value;
  };
}
