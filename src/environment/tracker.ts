/**
 * The resource tracker: one async_hooks hook that gives every async resource created by a test's
 * code an owner (the test, a describe block's beforeAll/afterAll, or the file's module scope),
 * followed through async ancestry, not by the clock.
 *
 * Hot path: `init` and `promiseResolve` run for every promise of every test. A promise created
 * while a promise reaction runs (after an `await`) shares the node of that reaction: no allocation,
 * no stack. Stacks are captured, unformatted, only in synchronous steps (a test or hook body before
 * its first await, a timer or I/O callback); a promise created later names the step it came from.
 */
import { AsyncResource, createHook, executionAsyncId, type AsyncHook } from 'node:async_hooks';
import { IGNORED_TYPES, type LeakKind } from './kinds';

/** An unformatted stack, read only if a leak is reported. */
export interface Site {
  stack?: string;
}

export interface Owner {
  kind: 'test' | 'describe' | 'file';
  name: string;
  handles: HandleRecord[];
  /** Pending promises by async id, held strongly until the owner is checked. */
  pending: Map<number, object>;
  assertions: AssertionRecord[];
  allowed: Set<LeakKind>;
  /** Fake timers still pending when the owner's code switched back to real timers. */
  fakeTimersAtRestore: number;
  /** The owner's code ran with fake timers installed (Jest's, or sinon's own). */
  usedFakeTime: boolean;
  closed: boolean;
}

export interface HandleRecord {
  id: number;
  type: string;
  /** The async id of the step that created it (a child process and its stdio pipes share one). */
  step: number;
  ref: WeakRef<object>;
  site: Site;
  /** The site of what started it (a server for the sockets it accepts), for when its own has no user frame. */
  via: Site | null;
  /** False when `site` is the step it came from rather than its own stack. */
  ownSite: boolean;
}

export interface AssertionRecord {
  label: string;
  site: Site;
  awaited: boolean;
  state: 'pending' | 'passed' | 'failed';
  /** The first line of the failure; the error itself is not kept (its stack would keep the test's objects alive). */
  failure?: string;
}

/** Where a resource came from: its owner, and the site promises created in its callbacks start from. */
interface Node {
  owner: Owner;
  /** The async id whose creation `site` describes. */
  id: number;
  site: Site | null;
  /** True for steps that run synchronous code: scopes, timers, I/O. False for promises. */
  sync: boolean;
}

const SCOPE_TYPE = 'jest-preset-async.scope';
/**
 * Frames captured per stack. Capture cost grows with it; timers and promises are made by the code
 * in their top frames, other handles often deep inside a client library.
 */
const SHALLOW = 10;
const DEEP = 24;

export const newOwner = (kind: Owner['kind'], name: string): Owner => ({
  kind,
  name,
  handles: [],
  pending: new Map(),
  assertions: [],
  allowed: new Set(),
  fakeTimersAtRestore: 0,
  usedFakeTime: false,
  closed: false,
});

export class Tracker {
  private readonly nodes = new Map<number, Node>();
  private readonly hook: AsyncHook;
  /** Set while the test file is being loaded: what it opens belongs to the file. */
  moduleOwner: Owner | null = null;

  constructor(trackPromises: boolean) {
    const nodes = this.nodes;
    const capture = (frames: number): Site => {
      const site: Site = {};
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = frames;
      Error.captureStackTrace(site, init);
      Error.stackTraceLimit = limit;
      return site;
    };
    const init = (id: number, type: string, triggerId: number, resource: object): void => {
      try {
        track(id, type, triggerId, resource);
      } catch {
        // An exception in an async hook ends the process; near the stack limit even capturing a
        // stack can throw. The resource then goes untracked.
      }
    };
    const track = (id: number, type: string, triggerId: number, resource: object): void => {
      const parent = nodes.get(executionAsyncId()) ?? nodes.get(triggerId);
      if (type === 'PROMISE') {
        if (parent === undefined || parent.owner.closed) return;
        if (parent.sync) nodes.set(id, { owner: parent.owner, id, site: capture(SHALLOW), sync: false });
        else nodes.set(id, parent);
        if (trackPromises) parent.owner.pending.set(id, resource);
        return;
      }
      const owner = parent === undefined ? this.moduleOwner : parent.owner.closed ? null : parent.owner;
      if (!owner || type === SCOPE_TYPE) return;
      // An immediate runs on the next turn and is rarely what leaks: one made after an await takes
      // the site of its step instead of a stack of its own.
      const site =
        type === 'Immediate' && parent && !parent.sync && parent.site
          ? parent.site
          : capture(type === 'Timeout' || type === 'Immediate' ? SHALLOW : DEEP);
      nodes.set(id, { owner, id, site, sync: true });
      if (!IGNORED_TYPES.has(type)) {
        owner.handles.push({ id, type, step: executionAsyncId(), ref: new WeakRef(resource), site, via: parent?.site ?? null, ownSite: site !== parent?.site });
      }
    };
    const callbacks: Parameters<typeof createHook>[0] = { init };
    if (trackPromises) {
      callbacks.promiseResolve = (id: number) => {
        nodes.get(id)?.owner.pending.delete(id);
      };
    }
    this.hook = createHook(callbacks);
  }

  enable(): void {
    this.hook.enable();
  }

  disable(): void {
    this.hook.disable();
  }

  /**
   * Wraps a test or hook function so that everything it starts belongs to `owner` (`afterCall` sees
   * what it returned). Keeps
   * `length` (Jest tells `done`-callback functions by it) and leaves generator functions alone.
   */
  wrap<F extends (...args: never[]) => unknown>(fn: F, owner: Owner, afterCall?: (result: unknown) => void): F {
    if (fn.constructor?.name === 'GeneratorFunction' || fn.constructor?.name === 'AsyncGeneratorFunction') return fn;
    const scope = new AsyncResource(SCOPE_TYPE);
    this.nodes.set(scope.asyncId(), { owner, id: scope.asyncId(), site: null, sync: true });
    const call = fn as unknown as (this: unknown, ...args: unknown[]) => unknown;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      const result = scope.runInAsyncScope(call, this, ...args);
      afterCall?.(result);
      return result;
    };
    Object.defineProperty(wrapped, 'length', { value: fn.length });
    return wrapped as unknown as F;
  }

  /** The owner of the code running now, if any (for allowLeaks() and assertions). */
  currentOwner(): Owner | undefined {
    const node = this.nodes.get(executionAsyncId());
    return node && !node.owner.closed ? node.owner : undefined;
  }

  /** The site a pending promise is reported with, and whether it is its own or its step's. */
  promiseSite(id: number): { site: Site | null; own: boolean } {
    const node = this.nodes.get(id);
    return { site: node?.site ?? null, own: node?.id === id };
  }

  /** Drops an owner's lineage: what it left running no longer counts for anyone. */
  forget(owner: Owner): void {
    owner.closed = true;
    owner.handles.length = 0;
    for (const [id, node] of this.nodes) if (node.owner === owner) this.nodes.delete(id);
  }
}

