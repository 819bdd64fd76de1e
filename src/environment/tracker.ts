/**
 * The resource tracker: one async_hooks hook that gives every async resource created by a test's
 * code an owner (the test, a describe block's beforeAll/afterAll, or the file's module scope),
 * followed through async ancestry, not by the clock.
 *
 * Hot path: `init` and `promiseResolve` run for every promise of every test. A promise created
 * while a promise reaction runs (after an `await`) shares the node of that reaction: no allocation,
 * no stack. Stacks are captured, unformatted, only in synchronous steps (a test or hook body before
 * its first await, a timer or I/O callback); a promise created later names the step it came from.
 * A stack costs microseconds: past its first 64 promises, a step that repeats (a loop) lets a promise
 * share the site of the one made a loop body before it (`promiseNode`).
 *
 * A pending promise is a leak only when code waits on it: `await p` and `p.then(...)` create a child
 * promise whose trigger is `p`, and `init` flags `p` as waited on (`WAITED`) when the child
 * is made by tracked code (not by Jest's own, not by the package's observers: `observe()`).
 *
 * An owner's lineage outlives its window: once judged, an owner is `ended`, and what it left alive
 * is still followed (a timer re-armed from its own callback stays one thing; an assertion made in a
 * late callback is still the test's) until the file ends and the owner is forgotten.
 */
import { AsyncResource, createHook, executionAsyncId, type AsyncHook } from 'node:async_hooks';
import { IdTable, OWN_SITE, SCRATCH, WAITED } from './idTable';
import { callbackOf, firstFrameBeyond, IGNORED_TYPES, isComputing, isCryptoJob, isNodeFrame, isRepeatingTimer, isUserResourceType, startedWithCallback, watchCryptoJob, type LeakKind } from './kinds';

/** An unformatted stack, read only if a leak is reported. */
export interface Site {
  stack?: string;
}

export interface Owner {
  /** A probe: a function a cleanup assertion runs inside a test (probe.ts); adopted by the test after. */
  kind: 'test' | 'describe' | 'file' | 'probe';
  name: string;
  handles: HandleRecord[];
  /**
   * The async ids the tracker keeps a node for on the owner's behalf (pending promises among them,
   * held strongly until the owner is judged): what `end` and `forget` let go.
   */
  ids: number[];
  /** Once ended: the length of `ids` at which it is next cleared of ids the tracker let go. */
  compactAt: number;
  assertions: AssertionRecord[];
  allowed: Set<LeakKind>;
  /** Fake timers still pending when the owner's code switched back to real timers. */
  fakeTimersAtRestore: number;
  /** The owner's code ran with fake timers installed (Jest's, or sinon's own). */
  usedFakeTime: boolean;
  /** A hook of the owner timed out and said what it was waiting on. */
  hangReported?: boolean;
  /** The owner's code queued a `process.nextTick` (its verdict lets the queue run first). */
  ticked?: boolean;
  /** Probes running inside the owner's code now (a cleanup assertion's function): a timeout names what they wait on too. */
  probes?: Owner[];
  /** Promise-form jobs of the thread pool its code started (crypto's): work that settles its promises by itself, also under fake time. */
  jobs?: WeakRef<object>[];
  /** A test's: its own function was called (not only its hooks: a beforeAll above it may have failed). */
  ran?: boolean;
  /** Judged: its window is over, what it left alive is still followed. */
  ended: boolean;
  /** Forgotten: nothing it does counts any more. */
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
  /** A timer that set the next one from its own callback: `ref` is the newest of the chain. */
  rearmed?: boolean;
  /** Reported: unref'd, and so is each timer it re-arms. */
  released?: boolean;
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
  /** The record of the timer whose callback this step is (re-arming follows it). */
  timer?: HandleRecord;
  /** The record of the immediate whose callback this step is: one it sets is the same loop. */
  immediate?: HandleRecord;
  /** An async context of the user's own (an `EventEmitterAsyncResource`): it runs for whoever emits. */
  context?: boolean;
  /** A call of a pinned library entry point (`fetch`): what it makes is named by the line of the call. */
  call?: string;
  /** A handle's: the site of the step that made it (`originOf` reads it, one level: the chain stays short). */
  from?: Site | null;
  /** A synchronous step: how many promises it made, and the recent ones' shapes (see `promiseSite`). */
  made?: number;
  recent?: Recent;
  /** A promise made in a synchronous step: that step, and its depth there (0: a new chain; n: the n-th `then` of one). */
  step?: Node;
  depth?: number;
}

/** The last RECENT promises of a synchronous step: their depths and nodes, and the period found in them. */
interface Recent {
  depths: number[];
  nodes: Node[];
  period: number;
}

const SCOPE_TYPE = 'jest-preset-async.scope';
/**
 * The site of what started a handle made in `parent`'s step: that step's, followed by the frames of
 * what started it in turn (a socket a server accepts: the server's handle is made in a tick of
 * `listen()`, with no frame of the user's, the tick's site has them).
 */
const originOf = (parent: Node | undefined): Site | null => {
  if (!parent?.site) return null;
  const { site, from } = parent;
  if (!from || from === site) return site;
  return {
    get stack() {
      return `${site.stack ?? ''}\n${(from.stack ?? '').split('\n').slice(1).join('\n')}`;
    },
  };
};
/** Whether a timer set after an await in another's callback continues it: the same callback, or the same delay. */
const sameTimer = (last: object | undefined, next: object): boolean =>
  last !== undefined && (callbackOf(last) === callbackOf(next) || (last as { _idleTimeout?: number })._idleTimeout === (next as { _idleTimeout?: number })._idleTimeout);
/** Frames of Node's timer machinery, below the code that called `setTimeout` (an anonymous one prints as `at node:timers/promises:L:C`). */
const TIMER_FRAME = /(?:\(|at )(?:node:internal\/async_hooks|node:internal\/timers|node:timers(?:\/promises)?):|at (?:new )?Timeout \(/;
/**
 * Whether Node's own code set the timer being made (the http Date header cache's reset, armed by a
 * response's `end()`), not code that re-arms itself. Read only when a timer is set from a timer's
 * callback: it formats a stack.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function setByNode(above: Function): boolean {
  const lines = (captureSite(SHALLOW, above).stack ?? '').split('\n').slice(1);
  const at = firstFrameBeyond(lines, (line) => TIMER_FRAME.test(line));
  return at >= 0 && isNodeFrame(lines[at] as string);
}
/** An interval stays the same timer: what its callback sets is a thing of its own. */
const isRepeating = (timer: HandleRecord): boolean => isRepeatingTimer(timer.ref.deref());
/** The resource of a record that no longer stands for anything alive (a pooled socket another test took). */
const GONE = new WeakRef<object>(Object.freeze({}));
/** Stands for a pending promise once its owner ended: the owner no longer keeps it alive. */
const ENDED = Object.freeze({});
/** The pending promise a table slot holds: itself, or its WeakRef's target (undefined once collected). */
const promiseIn = (held: object | undefined): object | undefined => (held instanceof WeakRef ? (held.deref() as object | undefined) : held);
/**
 * Frames captured per stack. Capture cost grows with it; timers and promises are made by the code
 * in their top frames, other handles often deep inside a client library.
 */
const SHALLOW = 10;
const DEEP = 24;
/**
 * Promises of one synchronous step that get a stack of their own, whatever their shape. Past them,
 * a step that repeats (a loop) shares sites: see `promiseSite` in the constructor.
 */
const EXACT_PER_STEP = 64;
/** The longest loop body, in promises, whose repetition is recognised; and how many are remembered. */
const MAX_PERIOD = 16;
const RECENT = 2 * MAX_PERIOD + 1;

/** The stack up to `frames` frames below `above`, unformatted (formatting is paid only if it is read). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function captureSite(frames: number, above: Function): Site {
  const site: Site = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = frames;
  try {
    Error.captureStackTrace(site, above);
  } finally {
    Error.stackTraceLimit = limit;
  }
  return site;
}

export const newOwner = (kind: Owner['kind'], name: string): Owner => ({
  kind,
  name,
  handles: [],
  ids: [],
  compactAt: 0,
  assertions: [],
  allowed: new Set(),
  fakeTimersAtRestore: 0,
  usedFakeTime: false,
  ended: false,
  closed: false,
});

export class Tracker {
  private readonly table = new IdTable<Node>();
  private readonly hook: AsyncHook;
  /** Set while the test file is being loaded: what it opens belongs to the file. */
  moduleOwner: Owner | null = null;
  /** The owner of the test running now (sequential tests only), for contexts that outlive their owner. */
  runningOwner: () => Owner | undefined = () => undefined;
  /** True while the package's own code attaches an observer: its child promise waits for nobody. */
  private observing = false;
  /** The promises test and hook functions returned: Jest waits on them, they are the test itself, never a finding. */
  private readonly returned = new WeakSet<object>();
  /**
   * Pending promises are held strongly while their owner runs (a WeakRef per promise costs), which
   * keeps what their callbacks refer to alive. Once the test's code forces garbage collection, they
   * are held by WeakRefs: see `holdWeakly`.
   */
  private weakly = false;

  constructor(trackPromises: boolean) {
    const table = this.table;
    // Once promises are held weakly, stacks are formatted at once: an unformatted one holds its frames' receivers.
    const capture = (frames: number): Site => (this.weakly ? { stack: captureSite(frames, init).stack ?? '' } : captureSite(frames, init));
    /** The id is kept on behalf of the node's owner. */
    const keptFor = (id: number, owner: Owner): void => {
      owner.ids.push(id);
      if (owner.ended && owner.ids.length > owner.compactAt) this.compact(owner);
    };
    const keep = (id: number, node: Node): void => {
      table.setNode(id, node);
      keptFor(id, node.owner);
    };
    /** The record stands for `resource` from now on, the next of its chain; once reported, each next one is unref'd too. */
    const rearm = (record: HandleRecord, step: Node, id: number, resource: object): void => {
      record.ref = new WeakRef(resource);
      record.id = id;
      record.rearmed = true;
      if (record.released) (resource as { unref?: () => void }).unref?.();
      keep(id, step);
    };
    /**
     * The node of a promise made in a synchronous step. A stack costs microseconds, a step of a loop
     * can make thousands of promises: the first EXACT_PER_STEP get their own; after them, when the
     * shapes of the step's recent promises repeat with a period (a loop body: `Promise.resolve(i)
     * .then(f).then(g)` is depths 0, 1, 2, 0, 1, 2, ...), a promise shares the node (the site) of the
     * one a period before it, made by the same line of the loop. Anything else still captures its own.
     */
    const promiseNode = (step: Node, id: number, triggerId: number): Node => {
      const trigger = triggerId === step.id ? undefined : table.node(triggerId);
      const depth = trigger === undefined ? 0 : trigger.step === step ? (trigger.depth ?? 0) + 1 : -1;
      const made = (step.made ?? 0) + 1;
      step.made = made;
      let node: Node | undefined;
      let recent = step.recent;
      if (made > EXACT_PER_STEP - RECENT) {
        recent ??= step.recent = { depths: new Array<number>(RECENT).fill(-2), nodes: new Array<Node>(RECENT), period: 0 };
        if (made > EXACT_PER_STEP) node = repeated(recent, made, depth);
      }
      node ??= { owner: step.owner, id, site: capture(SHALLOW), sync: false, step, depth };
      if (recent) {
        recent.depths[made % RECENT] = depth;
        recent.nodes[made % RECENT] = node;
      }
      return node;
    };
    /** The node of the promise a period before this one, if the step's recent depths repeat with that period. */
    const repeated = (recent: Recent, made: number, depth: number): Node | undefined => {
      const depthAt = (back: number) => recent.depths[(made - back) % RECENT];
      if (recent.period && depthAt(recent.period) === depth) return recent.nodes[(made - recent.period) % RECENT];
      recent.period = 0;
      for (let period = 1; period <= MAX_PERIOD; period++) {
        if (depthAt(period) !== depth) continue;
        let back = 1;
        while (back < period && depthAt(back) === depthAt(back + period)) back++;
        if (back === period) {
          recent.period = period;
          return recent.nodes[(made - period) % RECENT];
        }
      }
      return undefined;
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
      const stepId = executionAsyncId();
      let step = table.node(stepId);
      if (step?.context && (step.owner.ended || step.owner.closed)) {
        // A listener run in the async context of an emitter an earlier test made: what it starts
        // belongs to the test running now, which emitted.
        const running = this.runningOwner();
        if (running && running !== step.owner) step = { owner: running, id: stepId, site: step.site, sync: true };
      }
      const parent = step ?? table.node(triggerId);
      if (type === 'PROMISE') {
        if (parent === undefined || parent.owner.closed) return;
        const node = parent.sync ? promiseNode(parent, id, triggerId) : parent;
        table.setPromise(id, node, trackPromises ? (this.weakly ? new WeakRef(resource) : resource) : undefined, (parent.sync ? OWN_SITE : 0) | (triggerId === stepId ? SCRATCH : 0));
        keptFor(id, node.owner);
        // A child made by tracked code (`await trigger`, `trigger.then(...)`): someone waits on the trigger.
        // Made in a promise-from-scratch's own context, it is V8 resolving that promise with the trigger
        // (an async function returned it, a combinator took another realm's promise): the trigger is
        // waited on as far as that promise is.
        if (trackPromises && triggerId !== stepId && step !== undefined && !this.observing) {
          if ((table.flags(stepId) & SCRATCH) !== 0) table.link(triggerId, stepId);
          else table.flag(triggerId, WAITED);
        }
        return;
      }
      // The timer whose callback this is, also after an `await` in it (an async poller: then the
      // next timer must look like the last, same callback or same delay, not a library's follow-up).
      const timerStep = step?.timer ? step : step?.step?.timer ? step.step : undefined;
      const timer = timerStep?.timer;
      if (
        type === 'Timeout' &&
        timer !== undefined &&
        timerStep !== undefined &&
        (!timerStep.owner.closed || timer.released) &&
        !isRepeating(timer) &&
        (timerStep === step || sameTimer(timer.ref.deref(), resource)) &&
        !setByNode(init)
      ) {
        // Set from a one-shot tracked timer's own callback: the same live thing, re-armed.
        rearm(timer, timerStep, id, resource);
        return;
      }
      // Set from an immediate's own callback: a loop, one live thing that does not end by itself.
      const loop = type === 'Immediate' ? step?.immediate : undefined;
      if (loop !== undefined && step !== undefined && (!step.owner.closed || loop.released)) {
        rearm(loop, step, id, resource);
        return;
      }
      const owner = parent === undefined ? this.moduleOwner : parent.owner.closed ? null : parent.owner;
      if (!owner || type === SCOPE_TYPE) return;
      if (type === 'TickObject') owner.ticked = true;
      // An immediate runs on the next turn and is rarely what leaks: one made after an await takes
      // the site of its step instead of a stack of its own. A nextTick is never a leak itself: it
      // passes on the site of its step (a request queued in an http.Agent gets its socket in a
      // tick of the queue's async context, made where the request was).
      const site =
        parent?.site && ((type === 'Immediate' && !parent.sync) || type === 'TickObject')
          ? parent.site
          : capture(type === 'Timeout' || type === 'Immediate' ? SHALLOW : DEEP);
      const via = originOf(parent);
      const node: Node = { owner, id, site, sync: true, from: parent?.site ?? null };
      if (isUserResourceType(type)) node.context = true;
      keep(id, node);
      if (!IGNORED_TYPES.has(type)) {
        const record: HandleRecord = { id, type, step: stepId, ref: new WeakRef(resource), site, via, ownSite: site !== parent?.site };
        if (type === 'Timeout') node.timer = record;
        else if (type === 'TCPWRAP') sockets.set(resource, { record, owner });
        else if (type === 'Immediate') node.immediate = record;
        owner.handles.push(record);
      } else if (type === 'HTTPCLIENTREQUEST') {
        claimPooledSocket(resource, owner, site, via);
      } else if (isCryptoJob(type)) {
        // Judged only once it gets a callback (an asynchronous job): then its stack is read.
        watchCryptoJob(resource, () => {
          if (startedWithCallback(site.stack ?? '')) owner.handles.push({ id, type, step: stepId, ref: new WeakRef(resource), site, via, ownSite: site !== parent?.site });
          else keepJob(owner, resource);
        });
      }
    };
    /**
     * A keep-alive socket a request takes from an `http.Agent` pool belongs to the test that
     * made the request from now on (the pool's idle sockets are unref'd: they are nobody's leak).
     */
    const sockets = new WeakMap<object, { record: HandleRecord; owner: Owner }>();
    const claimPooledSocket = (resource: object, owner: Owner, site: Site, via: Site | null): void => {
      const handle = (resource as { req?: { socket?: { _handle?: object } } }).req?.socket?._handle;
      const entry = handle && sockets.get(handle);
      if (!entry || entry.owner === owner) return;
      let record = entry.record;
      if (entry.owner.ended) {
        // The earlier holder was judged, and may be watching what it left: the socket went back to
        // the pool since, so for it the socket ended then. The new holder gets a record of its own.
        record = { ...record, released: false };
        entry.record.ref = GONE;
      } else {
        const at = entry.owner.handles.indexOf(record);
        if (at >= 0) entry.owner.handles.splice(at, 1);
      }
      Object.assign(record, { site, via, ownSite: true, step: executionAsyncId() });
      entry.record = record;
      entry.owner = owner;
      owner.handles.push(record);
    };
    /** Remembers a promise-form job of the owner; the finished ones go once there are many (a file that hashes in a loop). */
    const keepJob = (owner: Owner, job: object): void => {
      let jobs = (owner.jobs ??= []);
      if (jobs.length >= 64) jobs = owner.jobs = jobs.filter((ref) => isComputing(ref.deref()));
      jobs.push(new WeakRef(job));
    };
    const callbacks: Parameters<typeof createHook>[0] = { init };
    if (trackPromises) {
      callbacks.promiseResolve = (id: number) => {
        // After its window an owner's settled promises are not needed: their reactions run as their children.
        if (table.settle(id)?.owner.ended) table.delete(id);
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
    const table = this.table;
    const returned = this.returned;
    const call = fn as unknown as (this: unknown, ...args: unknown[]) => unknown;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      // Made at call time, inside Jest's own async context (its AsyncLocalStorage names the running
      // test): Jest then still attributes an unhandled rejection of the test's code to the test.
      const scope = new AsyncResource(SCOPE_TYPE);
      table.setNode(scope.asyncId(), { owner, id: scope.asyncId(), site: null, sync: true });
      owner.ids.push(scope.asyncId());
      const result = scope.runInAsyncScope(call, this, ...args);
      // A thenable of the test file's own realm (not this realm's Promise).
      if (typeof result === 'object' && result !== null && typeof (result as PromiseLike<unknown>).then === 'function') returned.add(result);
      afterCall?.(result);
      return result;
    };
    Object.defineProperty(wrapped, 'length', { value: fn.length });
    return wrapped as unknown as F;
  }

  /**
   * Wraps a library entry point (global `fetch`) whose work starts on later ticks, deep in its own
   * code: what the call starts is named by the line that called it.
   */
  pinCalls<F extends (...args: never[]) => unknown>(fn: F): F {
    const table = this.table;
    const call = fn as unknown as (this: unknown, ...args: unknown[]) => unknown;
    const pinned = function (this: unknown, ...args: unknown[]) {
      const node = table.node(executionAsyncId());
      if (node === undefined || node.owner.closed) return call.apply(this, args);
      const site = captureSite(SHALLOW, pinned);
      const scope = new AsyncResource(SCOPE_TYPE);
      // Not a synchronous step: what the call makes shares this site instead of taking its own.
      table.setNode(scope.asyncId(), { owner: node.owner, id: scope.asyncId(), site, sync: false, call: fn.name });
      node.owner.ids.push(scope.asyncId());
      return scope.runInAsyncScope(call, this, ...args);
    };
    Object.defineProperties(pinned, { length: { value: fn.length }, name: { value: fn.name } });
    return pinned as unknown as F;
  }

  /** The owner of the code running now, if any (for allowLeaks() and assertions); also one that ended. */
  currentOwner(): Owner | undefined {
    const node = this.table.node(executionAsyncId());
    return node && !node.owner.closed ? node.owner : undefined;
  }

  /** `promise.then(onFulfilled, onRejected)` for the package's own observers: not a waiter. */
  observe<T>(promise: PromiseLike<T>, onFulfilled: (value: T) => unknown, onRejected: (reason: unknown) => unknown): PromiseLike<unknown> {
    return this.quietly(() => promise.then(onFulfilled, onRejected));
  }

  /** Runs `attach`, which attaches the package's own handlers: the promises it makes wait for nobody. */
  quietly<T>(attach: () => T): T {
    const outer = this.observing;
    this.observing = true;
    try {
      return attach();
    } finally {
      this.observing = outer;
    }
  }

  /** The owner of an async resource, if it is tracked. */
  ownerOf(id: number): Owner | undefined {
    return this.table.node(id)?.owner;
  }

  /** Whether a tracked promise is still pending (its owner may have ended: it is then held by id only). */
  isPending(id: number): boolean {
    return this.table.held(id) !== undefined;
  }

  /** A pending promise of an owner that has not ended, held until it is judged. */
  pendingPromise(id: number): object | undefined {
    const held = this.table.held(id);
    return held === ENDED ? undefined : promiseIn(held);
  }

  /**
   * From now on pending promises are held by WeakRefs, so that what only they keep can be collected
   * as without the tracker (a FinalizationRegistry the code tests fires). A promise collected while
   * pending was inert: nothing could settle it. Handles keep their stacks too: formatted at once.
   */
  holdWeakly(): void {
    if (this.weakly) return;
    this.weakly = true;
    // The ones held now are let go, not weakly held: a WeakRef made now would keep its promise
    // through the collection about to run (its target lives until the current job ends). They are
    // not judged then (by id only, as once their owner ended).
    this.table.replaceHeld((held) => (held instanceof WeakRef ? held : ENDED));
    // Every stack kept so far is formatted in place: an unformatted one holds its frames' receivers.
    this.table.forEachNode((node) => {
      void node.site?.stack;
      void node.from?.stack;
    });
  }

  /** Weak references to these pending promises (the ones not yet ended). */
  weakRefs(ids: number[]): Map<number, WeakRef<object>> {
    const refs = new Map<number, WeakRef<object>>();
    for (const id of ids) {
      const promise = this.pendingPromise(id);
      if (promise) refs.set(id, new WeakRef(promise));
    }
    return refs;
  }

  /**
   * Goes over the ids kept for the owner (in place: a test's list holds thousands): the ones `keep`
   * keeps stay, the others are let go. An id the tracker let go already, or whose node is now
   * another owner's (adopted), leaves the list.
   */
  private sweep(owner: Owner, keep: (id: number, node: Node) => boolean): void {
    const ids = owner.ids;
    let kept = 0;
    for (let at = 0; at < ids.length; at++) {
      const id = ids[at] as number;
      const node = this.table.node(id);
      if (node?.owner !== owner) continue;
      if (keep(id, node)) ids[kept++] = id;
      else this.table.delete(id);
    }
    ids.length = kept;
  }

  /** Clears an ended owner's ids of the ones the tracker let go (its settled promises). */
  private compact(owner: Owner): void {
    this.sweep(owner, () => true);
    owner.compactAt = 2 * owner.ids.length + 1024;
  }

  /**
   * Hands what `from` (a probe) started to `into` (the test that ran it): what is still alive is
   * from now on the test's, judged by the test's own verdict.
   */
  adopt(from: Owner, into: Owner): void {
    for (const id of from.ids) {
      const node = this.table.node(id);
      if (node?.owner === from) node.owner = into;
      if (node?.owner === into) into.ids.push(id);
    }
    from.ids = [];
    into.handles.push(...from.handles);
    into.assertions.push(...from.assertions);
    for (const kind of from.allowed) into.allowed.add(kind);
    into.usedFakeTime ||= from.usedFakeTime;
    into.fakeTimersAtRestore = Math.max(into.fakeTimersAtRestore, from.fakeTimersAtRestore);
    from.closed = true;
  }

  /**
   * Lets go of the owner's strong hold on these pending promises (a forced GC can then tell which
   * ones something can still settle); `hold` takes the survivors back.
   */
  weaken(ids: number[]): { refs: Map<number, WeakRef<object>>; hold(alive: Set<number>): void } {
    const refs = new Map<number, WeakRef<object>>();
    for (const id of ids) {
      const promise = this.pendingPromise(id);
      if (promise === undefined) continue;
      refs.set(id, new WeakRef(promise));
      this.table.hold(id, ENDED);
    }
    const kept = new Map(refs);
    return {
      refs,
      hold: (alive) => {
        for (const [id, ref] of kept) {
          const promise = ref.deref();
          if (!this.isPending(id)) continue;
          this.table.hold(id, alive.has(id) && promise ? (this.weakly ? new WeakRef(promise) : promise) : undefined);
        }
      },
    };
  }

  /** A promise-form job the owner's code started is still computing: its promises move without any timer. */
  computing(owner: Owner): boolean {
    return owner.jobs?.some((job) => isComputing(job.deref())) === true;
  }

  /** Pending promises of the owner that code waits on (not the one its test or hook function returned). */
  waitedPromises(owner: Owner): number[] {
    const ids: number[] = [];
    const table = this.table;
    for (const id of owner.ids) {
      if (table.pendingWaited(id)?.owner !== owner) continue;
      // Held by a WeakRef and collected: nothing could settle it.
      const promise = promiseIn(table.held(id));
      if (promise !== undefined && !this.returned.has(promise)) ids.push(id);
    }
    return ids;
  }

  /**
   * Ends the owner's window. Its lineage is kept only for what it left: the handles still in
   * `owner.handles` (the caller keeps the live ones) and its pending promises, held from now on by
   * id only, so that a re-armed timer or a late callback is still its own.
   */
  end(owner: Owner): void {
    owner.ended = true;
    const table = this.table;
    const kept = new Set(owner.handles.map((handle) => handle.id));
    this.sweep(owner, (id, node) => {
      if (table.held(id) === undefined) return kept.has(id) || node.context === true;
      table.hold(id, ENDED);
      return true;
    });
    owner.compactAt = 2 * owner.ids.length + 1024;
  }

  /** The site a pending promise is reported with, whether it is its own or its step's, and the pinned call that made it. */
  promiseSite(id: number): { site: Site | null; own: boolean; call?: string } {
    const node = this.table.node(id);
    const own = node !== undefined && (node.id === id || node.call !== undefined || (this.table.flags(id) & OWN_SITE) !== 0);
    return { site: node?.site ?? null, own, ...(node?.call ? { call: node.call } : {}) };
  }

  /**
   * Formats the stacks the owner's lineage and handles keep (once per shared site): an unformatted
   * stack holds the functions of its frames, and through their closures what a GC is asked about.
   */
  dropSites(owner: Owner): void {
    const formatted = new Map<Site, Site>();
    const format = (site: Site): Site => {
      let text = formatted.get(site);
      if (!text) formatted.set(site, (text = { stack: site.stack ?? '' }));
      return text;
    };
    const nodes = new Set<Node>();
    for (const id of owner.ids) {
      const node = this.table.node(id);
      if (node?.owner === owner) nodes.add(node);
    }
    for (const node of nodes) if (node.site) node.site = format(node.site);
    for (const handle of owner.handles) {
      handle.site = format(handle.site);
      if (handle.via) handle.via = format(handle.via);
    }
  }

  /** Drops an owner's lineage: what it left running no longer counts for anyone. */
  forget(owner: Owner): void {
    owner.closed = true;
    owner.handles.length = 0;
    // A reported timer that re-arms itself is still followed, so that each next timer is unref'd too.
    // An emitter's own async context is kept too: a later test may emit through it.
    this.sweep(owner, (id, node) => {
      if (!node.timer?.released && !node.context) return false;
      this.table.hold(id, undefined);
      return true;
    });
  }
}
