import { IdTable, OWN_SITE, SCRATCH, WAITED } from '../../src/environment/idTable';

type Pages = { pages: unknown[] };
const livePages = (table: IdTable<string>) => (table as unknown as Pages).pages.filter(Boolean).length;

describe('the per-id table of the tracker', () => {
  test('keeps a node, the held promise and flags per id, and forgets all three', () => {
    const table = new IdTable<string>();
    const promise = Promise.resolve();
    table.setPromise(100, 'node', promise, OWN_SITE);
    table.flag(100, WAITED);
    expect([table.node(100), table.held(100), table.flags(100)]).toEqual(['node', promise, OWN_SITE | WAITED]);
    expect(table.pendingWaited(100)).toBe('node');
    expect(table.settle(100)).toBe('node');
    expect([table.held(100), table.pendingWaited(100), table.settle(100)]).toEqual([undefined, undefined, undefined]);
    table.delete(100);
    expect([table.node(100), table.flags(100)]).toEqual([undefined, 0]);
  });

  test('replaces every held promise, across pages, and nothing else', () => {
    const table = new IdTable<string>();
    const first = {};
    const second = {};
    table.setPromise(10, 'a', first, 0);
    table.setPromise(20_000, 'b', second, 0);
    table.setNode(30, 'c');
    table.replaceHeld((held) => ({ wrapped: held }));
    expect([table.held(10), table.held(20_000), table.held(30)]).toEqual([{ wrapped: first }, { wrapped: second }, undefined]);
    expect([table.node(10), table.node(20_000)]).toEqual(['a', 'b']);
  });

  test('a promise linked to the one it resolves is waited on as far as that one is, through a chain', () => {
    const table = new IdTable<string>();
    table.setPromise(10, 'outer', {}, SCRATCH);
    table.setPromise(11, 'middle', {}, SCRATCH);
    table.setPromise(12, 'inner', {}, 0);
    table.link(12, 11);
    table.link(11, 10);
    expect([table.pendingWaited(12), table.pendingWaited(11), table.pendingWaited(10)]).toEqual([undefined, undefined, undefined]);
    table.flag(10, WAITED);
    expect([table.pendingWaited(12), table.pendingWaited(11), table.pendingWaited(10)]).toEqual(['inner', 'middle', 'outer']);
    table.delete(11);
    expect(table.pendingWaited(12)).toBeUndefined();
    table.settle(12);
    expect(table.pendingWaited(12)).toBeUndefined();
  });

  test('ids made before its first entry are never in it', () => {
    const table = new IdTable<string>();
    table.setNode(50_000, 'a');
    table.setNode(10, 'b');
    expect([table.node(10), table.node(50_000)]).toEqual([undefined, 'a']);
  });

  test('holds nothing for an id without a node', () => {
    const table = new IdTable<string>();
    table.setNode(1, 'a');
    table.hold(2, {});
    expect(table.held(2)).toBeUndefined();
  });

  test('drops a page once its ids are forgotten, the newest one too once a newer page starts', () => {
    const table = new IdTable<string>();
    for (let id = 1; id <= 3 * 4096; id++) table.setNode(id, 'x');
    expect(livePages(table)).toBe(4);
    for (let id = 1; id <= 3 * 4096; id++) table.delete(id);
    // The page of the newest ids stays until ids of a newer page are made.
    expect(livePages(table)).toBe(1);
    table.setNode(5 * 4096, 'y');
    expect(livePages(table)).toBe(1);
    expect(table.node(5 * 4096)).toBe('y');
    expect(table.node(4096)).toBeUndefined();
  });

  test('a reused page starts with no flags, nodes or held promises', () => {
    const table = new IdTable<string>();
    table.setNode(1, 'a');
    table.flag(2, WAITED);
    table.delete(1);
    table.setNode(4096 * 2, 'b');
    table.setNode(4096 * 3 + 2, 'c');
    expect(table.flags(4096 * 3 + 2)).toBe(0);
    expect(table.node(4096 * 3 + 1)).toBeUndefined();
  });
});
