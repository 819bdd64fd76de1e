import { LEAK_KINDS, type LeakKind } from '../environment/kinds';
import { badArgument } from './validate';

const ALLOW = Symbol.for('jest-preset-async.allowLeaks');

/**
 * Lets the current test (or hook) leave the named kinds of things behind without failing, for this
 * test only: for a resource that outlives the test on purpose (a shared pool, a cache timer).
 * Outside the preset's environment it does nothing.
 * @example
 * test('warms the shared pool', async () => {
 *   allowLeaks('socket'); // the pool is closed in globalTeardown
 *   await pool.warm();
 * });
 */
export function allowLeaks(...kinds: LeakKind[]): void {
  for (const kind of kinds) {
    if (!LEAK_KINDS.includes(kind)) throw badArgument('allowLeaks', 'each kind', `one of ${LEAK_KINDS.map((k) => `'${k}'`).join(', ')}`, kind);
  }
  if (kinds.length === 0) throw badArgument('allowLeaks', 'kinds', 'at least one kind', kinds);
  const allow = (globalThis as Record<symbol, unknown>)[ALLOW];
  if (typeof allow === 'function') (allow as (kinds: LeakKind[]) => void)(kinds);
}
