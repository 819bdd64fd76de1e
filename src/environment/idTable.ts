/**
 * What the tracker keeps per async id, in pages of 4,096 ids. Async ids only grow, and a test's
 * resources are made in runs of neighbouring ids: reading or writing an entry is two array reads,
 * where a `Map` hashes and, at thousands of entries per test, rehashes (measured: a promise-heavy
 * test made 11,000 promises, and Map traffic was most of the tracker's cost). A page whose entries
 * are all deleted is dropped.
 *
 * Per id: the lineage node (shared by many ids), the pending promise held until its owner is judged
 * (or ENDED; by a WeakRef once the test's code watches garbage collection), and flags.
 */

const PAGE_BITS = 12;
const PAGE_SIZE = 1 << PAGE_BITS;
const SLOT_MASK = PAGE_SIZE - 1;
const SPARE_PAGES = 8;

/** Flags of an id. */
export const WAITED = 1;
/** A promise whose site is its own (made in a synchronous step), not the one of the step it came from. */
export const OWN_SITE = 2;
/**
 * A promise made from scratch (`new Promise`, an async function's, `Promise.resolve(thenable)`), not
 * by `then` or `await`. Code runs in its async context only in the job that resolves it with
 * another promise: see `link`.
 */
export const SCRATCH = 4;
/** How many resolutions `pendingWaited` follows (an async function returning one that returns one...). */
const MAX_LINKS = 8;

interface Page<N> {
  nodes: (N | undefined)[];
  held: (object | undefined)[];
  flags: Uint8Array;
  /** The promise this one resolves (0: none): it is waited on as far as that one is. */
  links: Float64Array;
  /** Ids of this page that have a node. */
  live: number;
}

export class IdTable<N> {
  private readonly pages: (Page<N> | undefined)[] = [];
  /** The page number of pages[0]: ids made before the table are never in it. */
  private base = -1;
  /** Dropped pages, reused rather than allocated again (a test of 10,000 promises fills three). */
  private readonly spare: Page<N>[] = [];

  /** The page of an id; undefined for an id made before the table's first one (no array index below 0). */
  private page(id: number): Page<N> | undefined {
    const index = (id >>> PAGE_BITS) - this.base;
    return index < 0 ? undefined : this.pages[index];
  }

  node(id: number): N | undefined {
    const page = this.page(id);
    return page === undefined ? undefined : page.nodes[id & SLOT_MASK];
  }

  setNode(id: number, node: N): void {
    this.place(id, node);
  }

  /** A promise's entry in one write: its node, the promise held while it is pending, its flags. */
  setPromise(id: number, node: N, promise: object | undefined, flags: number): void {
    const page = this.place(id, node);
    if (page === undefined) return;
    const slot = id & SLOT_MASK;
    page.held[slot] = promise;
    page.flags[slot] = flags;
  }

  /** Gives the id its node, making its page if it has none; returns the page. */
  private place(id: number, node: N): Page<N> | undefined {
    const number = id >>> PAGE_BITS;
    if (this.base < 0) this.base = number;
    const index = number - this.base;
    if (index < 0) return undefined;
    let page = this.pages[index];
    if (page === undefined) {
      page = this.spare.pop() ?? {
          nodes: new Array<N | undefined>(PAGE_SIZE),
          held: new Array<object | undefined>(PAGE_SIZE),
          flags: new Uint8Array(PAGE_SIZE),
          links: new Float64Array(PAGE_SIZE),
          live: 0,
        };
      // The newest page is kept while it empties (its ids are still being made); once a newer one starts, it can go.
      const newest = this.pages.length - 1;
      if (newest >= 0 && this.pages[newest]?.live === 0) this.drop(newest);
      while (this.pages.length < index) this.pages.push(undefined);
      this.pages[index] = page;
    }
    const slot = id & SLOT_MASK;
    if (page.nodes[slot] === undefined) page.live++;
    page.nodes[slot] = node;
    return page;
  }

  /** A held promise resolved: it is no longer held. Returns its node, or undefined if it held nothing. */
  settle(id: number): N | undefined {
    const page = this.page(id);
    if (page === undefined) return undefined;
    const slot = id & SLOT_MASK;
    if (page.held[slot] === undefined) return undefined;
    page.held[slot] = undefined;
    return page.nodes[slot];
  }

  /**
   * The node of a promise still pending that code waits on: itself, or (when its only waiter is the
   * resolution of another promise, as an async function returning it resolves its own) that one.
   */
  pendingWaited(id: number): N | undefined {
    const page = this.page(id);
    if (page === undefined) return undefined;
    const slot = id & SLOT_MASK;
    if (page.held[slot] === undefined) return undefined;
    let waited = ((page.flags[slot] as number) & WAITED) !== 0;
    for (let to = page.links[slot] as number, hops = 0; !waited && to !== 0 && hops < MAX_LINKS; hops++) {
      const next = this.page(to);
      if (next === undefined) break;
      const at = to & SLOT_MASK;
      waited = ((next.flags[at] as number) & WAITED) !== 0;
      to = next.links[at] as number;
    }
    return waited ? page.nodes[slot] : undefined;
  }

  /** The promise `id` resolves `to` (V8 subscribed `to`'s resolution to it): waited on as far as `to` is. */
  link(id: number, to: number): void {
    const page = this.page(id);
    if (page !== undefined) page.links[id & SLOT_MASK] = to;
  }

  /** Forgets the id: its node, what it held, its flags. */
  delete(id: number): void {
    const index = (id >>> PAGE_BITS) - this.base;
    const page = this.page(id);
    if (page === undefined) return;
    const slot = id & SLOT_MASK;
    if (page.nodes[slot] === undefined) return;
    page.nodes[slot] = undefined;
    page.held[slot] = undefined;
    page.flags[slot] = 0;
    page.links[slot] = 0;
    if (--page.live === 0 && index < this.pages.length - 1) this.drop(index);
  }

  private drop(index: number): void {
    const page = this.pages[index];
    if (page === undefined) return;
    this.pages[index] = undefined;
    // Its nodes and held promises are all cleared; a flag may be left on an id that had no node.
    page.flags.fill(0);
    page.links.fill(0);
    if (this.spare.length < SPARE_PAGES) this.spare.push(page);
  }

  /** The pending promise of the id (or ENDED), while it is pending; undefined once it resolved. */
  held(id: number): object | undefined {
    const page = this.page(id);
    return page === undefined ? undefined : page.held[id & SLOT_MASK];
  }

  /** Calls `visit` with the node of every id (a node shared by many ids, once per id). */
  forEachNode(visit: (node: N) => void): void {
    for (const page of this.pages) {
      if (page === undefined) continue;
      for (const node of page.nodes) if (node !== undefined) visit(node);
    }
  }

  /** Replaces every held promise with what `replace` makes of it. */
  replaceHeld(replace: (held: object) => object): void {
    for (const page of this.pages) {
      if (page === undefined) continue;
      const held = page.held;
      for (let slot = 0; slot < PAGE_SIZE; slot++) {
        const promise = held[slot];
        if (promise !== undefined) held[slot] = replace(promise);
      }
    }
  }

  /** Holds (or stops holding, with undefined) the pending promise of an id that has a node. */
  hold(id: number, promise: object | undefined): void {
    const page = this.page(id);
    const slot = id & SLOT_MASK;
    if (page !== undefined && page.nodes[slot] !== undefined) page.held[slot] = promise;
  }

  flags(id: number): number {
    const page = this.page(id);
    return page === undefined ? 0 : (page.flags[id & SLOT_MASK] as number);
  }

  flag(id: number, flag: number): void {
    const page = this.page(id);
    if (page === undefined) return;
    const slot = id & SLOT_MASK;
    page.flags[slot] = (page.flags[slot] as number) | flag;
  }
}
