/**
 * The preset's test environment (`jest-preset-async/environment`): Jest's Node environment plus
 * per-test leak detection. A test fails when, after it and its beforeEach/afterEach hooks end and a
 * short grace period passes, something its code started is still alive: a timer, an open handle,
 * a pending promise that can still settle, or an assertion that was never awaited. A timed-out test
 * is told what it was still waiting on.
 *
 * It extends the `jest-environment-node` of the project's own Jest (29 or 30): see nodeEnvironment.ts.
 * `withLeakDetection()` makes the same environment over another base: jsdom.ts (`/environment-jsdom`).
 */
import type { EnvironmentContext, JestEnvironment, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { relative } from 'node:path';
import { types } from 'node:util';
import * as vm from 'node:vm';
import { FAKE_TIMERS_PROBE } from '../helpers/fakeTimers';
import { QUIETLY } from '../helpers/observe';
import { nextMacrotask as tick, realClearImmediate, realClearTimeout, realSetTimeout } from '../helpers/realTimers';
import { OWN_DIRS, withoutOwnFrames } from '../helpers/ownFrames';
import { isThenable } from '../helpers/thenable';
import { noteLeaksReported, pauseRunLevelRecorder } from '../runLevel';
import { GUARD, guardCombinators, installExpectHook, makeGuard } from './expectGuard';
import { describeResource, isAlive, isRepeatingTimer, kindOf, LEAK_KINDS, onFire, typeHint, type LeakKind } from './kinds';
import { makeProbeHost, PROBE } from './probe';
import { loadNodeEnvironment } from './nodeEnvironment';
import { applyOptions, DEFAULTS, OPTIONS_KEY, parsePragma, rejectMisplaced, type DetectorOptions, type Mode } from './options';
import { buildReport, isHandleFinding, madeByLibrary, madeByUser, type Finding, type ReportContext } from './report';
import { recordSpyNames } from './spyNames';
import { newOwner, Tracker, type HandleRecord, type Owner, type Site } from './tracker';

/** `allowLeaks()` reaches the environment through this global function. */
export const ALLOW = Symbol.for('jest-preset-async.allowLeaks');

/** Library timers up to this long end by themselves: see endsByItself(). */
const LIBRARY_TIMER_MS = 1000;
/** How long a promise a test left under fake time has, once the file is over, to show that real work moves it. */
const PROGRESS_MS = 100;
/** How long such a promise's verdict waits for a job of the thread pool its test started (a hash) to finish computing. */
const JOB_MS = 5000;

/** Lets the callbacks already in the nextTick queue run. */
const nextTicks = () => new Promise<void>((done) => process.nextTick(done));
const sleep = (ms: number) => new Promise<void>((done) => realSetTimeout(done, ms));
/** While `busy()`: a few event-loop turns, then pauses of `pauseMs` until `ms` have passed. */
async function waitWhile(busy: () => boolean, ms: number, pauseMs: number): Promise<void> {
  if (!busy()) return;
  const deadline = Date.now() + ms;
  for (let turn = 0; turn < 3 && busy(); turn++) await tick();
  while (busy() && Date.now() < deadline) await sleep(pauseMs);
}

let collectGarbage: (() => void) | undefined;
function forceGC(): void {
  if (!collectGarbage) {
    setFlags('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
    setFlags('--no-expose-gc');
  }
  collectGarbage();
}

/**
 * `v8.setFlagsFromString`, and what the running file's environment does when a test's code exposes
 * `gc` with it (see watchCollection): the module is the process's, shared by every file of a worker.
 */
// The module object itself (an `import *` is a copy of it): the one every realm's `require('v8')` gets.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const v8Module = require('node:v8') as { setFlagsFromString(flags: string): void };
const setFlags = v8Module.setFlagsFromString.bind(v8Module);
let onExposeGc: (() => void) | undefined;
const EXPOSE_GC = /(?:^|\s)--expose[-_]gc(?:\s|$)/;
v8Module.setFlagsFromString = function setFlagsFromString(flags: string): void {
  if (typeof flags === 'string' && EXPOSE_GC.test(flags)) onExposeGc?.();
  setFlags(flags);
};

/** Formats each finding's stack now (once per shared site), so that it no longer holds any frame. */
function settleSites<T extends Finding[]>(findings: T): T {
  const formatted = new Map<object, { stack?: string }>();
  const format = (site: Site | null | undefined) => {
    if (!site) return site;
    let text = formatted.get(site);
    if (!text) formatted.set(site, (text = { stack: site.stack ?? '' }));
    return text;
  };
  for (const finding of findings) {
    finding.site = format(finding.site) ?? null;
    if (finding.via) finding.via = format(finding.via);
  }
  return findings;
}

/** Jest 30 keeps a rejection nobody handled, by the test it came from, until that test or its describe block ends. */
type RejectionsByPromise = Map<Promise<unknown>, unknown>;

/**
 * A promise a test rejected without a handler, that Node reported after the test's describe block
 * ended (in a file of synchronous tests Node reports it only once the microtasks run out: here,
 * during the file verdict's grace period): Jest 30 files it under the test and never reports it.
 * It joins its test's failure, as Jest does for one it sees in time. Never a failure swallowed.
 * (One Node reports after the file, when the verdict did not wait, ends the process, as without
 * the preset: an event-loop turn for every file to prevent that cost 2 ms a file.)
 */
function claimLateRejections(state: Circus.State): void {
  const pending = (state as { unhandledRejectionErrorByPromiseTarget?: WeakMap<Promise<unknown>, unknown> }).unhandledRejectionErrorByPromiseTarget;
  for (const test of testsOf(state.rootDescribeBlock)) {
    const late = (test as { unhandledRejectionErrorByPromise?: RejectionsByPromise }).unhandledRejectionErrorByPromise;
    if (!late?.size) continue;
    for (const [promise, error] of late) {
      test.errors.push([error, test.asyncError]);
      pending?.delete(promise);
    }
    late.clear();
  }
}

/** The tests of a describe block, its nested blocks' included, in order. */
function* testsOf(block: Circus.DescribeBlock): Generator<Circus.TestEntry> {
  for (const child of block.children) {
    if (child.type === 'describeBlock') yield* testsOf(child);
    else yield child;
  }
}

/** Notes whether a suspect timer fires from now on. */
function watchFiring(record: HandleRecord): { id: number; fired: boolean } {
  const state = { id: record.id, fired: false };
  onFire(record.ref.deref(), () => (state.fired = true));
  return state;
}

/**
 * A timer the test left that was cleared before it fired again (a pool's idle timer the next acquire
 * clears): it ran nothing after the test, so it cost nothing. One that fired and then cleared
 * itself (a poll that stops once ready) did run; a re-armed chain has a new timer by then.
 */
function clearedUnfired(record: HandleRecord, watch: Watched): boolean {
  const then = watch.timersAtVerdict.get(record);
  const timer = record.ref.deref() as { _idleTimeout?: number } | undefined;
  return then !== undefined && then.id === record.id && !then.fired && timer?._idleTimeout === -1;
}

/** What a test left alive after its grace period, watched until the file's verdict (judgeWatched). */
interface Watched {
  test: Circus.TestEntry;
  owner: Owner;
  /** The handles alive after the grace period. */
  early: Set<HandleRecord>;
  /** Of those, a library's short one-shot timers: suspects only once they re-arm. */
  library: Set<HandleRecord>;
  /** Pending promises that code waits on, held weakly, by id. */
  promises: Map<number, WeakRef<object>>;
  /** Their findings, sites formatted: once a promise of an ended owner settles, the tracker forgets it. */
  promiseSites: Map<number, Finding>;
  /** Its timers as they were then (the timer's id), and whether they fired since: a timer cleared since without firing ran nothing. */
  timersAtVerdict: Map<HandleRecord, { id: number; fired: boolean }>;
  /** Handles and promise ids alive when an afterAll hook started. */
  atAfterAll: Set<HandleRecord | number>;
  /** Already reported (scope 'test' reports at the end of the test). */
  reported: Set<HandleRecord | number>;
  /** Where fake time stood when the test ended, if its promises may wait on fake timers (fakeTimeAt). */
  fakeTime: unknown[] | null;
}

type FakeTimers = { _fakingTime?: boolean; getTimerCount(): number; clearAllTimers(): void } | null;

const testName = (test: Circus.TestEntry): string => {
  const names: string[] = [];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return [...names, test.name].join(' › ');
};

/** The wrapper that gives a test its owner is the package's frame, not the user's: Jest prints the stack later. */
const hideOwnFrames = (error: unknown): void => {
  try {
    if (types.isNativeError(error) || (typeof error === 'object' && error !== null && typeof (error as Error).stack === 'string')) withoutOwnFrames(error as Error);
  } catch {
    // A frozen error, or one whose stack cannot be written: it keeps its frames.
  }
};

/** Jest's own timeout error (a string it rejects with: "thrown: …" once wrapped), not an error that quotes one. */
const TIMEOUT_MESSAGE = /^(?:thrown: ")?Exceeded timeout of \d+ ms for a (?:test|hook)\b/;
const isJestTimeout = (error: unknown): boolean => {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return TIMEOUT_MESSAGE.test(typeof message === 'string' ? message : String(error));
};
const timedOut = (test: Circus.TestEntry): boolean => test.errors.some((entry) => isJestTimeout(Array.isArray(entry) ? entry[0] : entry));

/** A Jest environment class to extend: jest-environment-node's or jest-environment-jsdom's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EnvironmentClass = new (config: JestEnvironmentConfig, context: EnvironmentContext) => JestEnvironment<any>;

/** The leak-detecting environment over a base: a Jest environment with a test-event handler. */
export type AsyncEnvironmentClass = new (config: JestEnvironmentConfig, context: EnvironmentContext) => JestEnvironment & {
  handleTestEvent: Circus.EventHandler;
};

/** What differs between the bases the detector runs on (jsdom.ts). */
export interface Host {
  /** Frames of the base's own API that stand for the user's call (jsdom's `window.setTimeout`), not a library's code. */
  apiFrames?: readonly string[];
  /** The kind and words of a handle the base's API makes look like another (jsdom's setInterval is a chain of setTimeouts). */
  describe?: (handle: HandleRecord, resource: object | undefined) => { kind: LeakKind; what: string; hint?: string } | undefined;
}

/** The leak-detecting environment as a subclass of `Base` (Node's or jsdom's). */
export function withLeakDetection(Base: EnvironmentClass, host: Host = {}): AsyncEnvironmentClass {
  class AsyncEnvironment extends Base {
    private readonly options: DetectorOptions;
    private readonly tracker: Tracker;
    private readonly report: ReportContext;
    private readonly testOwners = new Map<Circus.TestEntry, Owner>();
    private readonly describeOwners = new Map<Circus.DescribeBlock, Owner>();
    private readonly fileOwner: Owner;
    private readonly originals = new Map<object, unknown>();
    /** The wrapper each holder got, to tell whether Jest replaced it since. */
    private readonly wrappers = new Map<object, unknown>();
    private sequentialTest: Circus.TestEntry | null = null;
    /** Concurrent tests wrapped when the file started (Jest 29 calls their functions then). */
    private readonly preWrapped = new Set<Circus.TestEntry>();
    private watched: Watched[] = [];
    /** Reported timers and immediates: a chain of them that re-arms itself is stopped at teardown. */
    private readonly releasedChains: HandleRecord[] = [];
    private tornDown = false;

    constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
      super(config, context);
      // In Jest's own process (-i), tests are starting: the run-level recorder has seen globalSetup.
      pauseRunLevelRecorder();
      const project = config.projectConfig;
      rejectMisplaced(project.testEnvironmentOptions as Record<string, unknown>);
      const fromConfig = (project.testEnvironmentOptions as Record<string, unknown>)[OPTIONS_KEY];
      const base = applyOptions(DEFAULTS, fromConfig, `testEnvironmentOptions["${OPTIONS_KEY}"]`);
      this.options = applyOptions(base, parsePragma(context.docblockPragmas?.[OPTIONS_KEY]), `the @${OPTIONS_KEY} pragma of ${relative(project.rootDir, context.testPath ?? '')}`);
      this.report = { rootDir: project.rootDir, ownDirs: host.apiFrames ? [...OWN_DIRS, ...host.apiFrames] : OWN_DIRS };
      this.fileOwner = newOwner('file', context.testPath ?? 'test file');
      this.tracker = new Tracker(this.options.promises !== 'off' || this.options.hangs !== 'off');
      this.tracker.moduleOwner = this.fileOwner;
      this.tracker.runningOwner = () => (this.sequentialTest ? this.testOwners.get(this.sequentialTest) : undefined);

      const global = this.global as unknown as Record<symbol, unknown>;
      if (this.moduleMocker) recordSpyNames(this.moduleMocker, this.global);
      const faking = (timers: unknown) => (timers as FakeTimers)?._fakingTime === true;
      global[QUIETLY] = <T>(attach: () => T): T => this.tracker.quietly(attach);
      global[FAKE_TIMERS_PROBE] = () => (faking(this.fakeTimersModern) ? 'modern' : faking(this.fakeTimers) ? 'legacy' : null);
      global[ALLOW] = (kinds: LeakKind[]) => {
        const owner = this.tracker.currentOwner();
        if (!owner) throw new Error('allowLeaks() works inside a test or hook that runs under the jest-preset-async environment');
        for (const kind of kinds) owner.allowed.add(kind);
      };
      global[PROBE] = makeProbeHost({
        tracker: this.tracker,
        report: this.report,
        grace: (busy) => this.grace(busy),
        liveRecords: (owner) => this.liveRecords(owner),
        handleFindings: (records) => this.handleFindings(records),
        promiseFindings: (ids) => this.promiseFindings(ids),
        promisesJudged: (owner) => this.promisesJudged(owner),
        reachable: (refs) => this.reachable(refs),
      });
      // undici opens fetch's socket on a later tick, deep in its own code: name the line of the call.
      const fetch = (this.global as unknown as { fetch?: unknown }).fetch;
      if (typeof fetch === 'function') (this.global as unknown as { fetch: unknown }).fetch = this.tracker.pinCalls(fetch as (...args: never[]) => unknown);
      if (this.options.fakeTimers !== 'off') this.countFakeTimersAtRestore();
      this.watchCollection();
      const guardsAssertions = this.options.unawaitedAssertions !== 'off' && installExpectHook(project.rootDir);
      if (guardsAssertions || this.options.promises !== 'off') {
        guardCombinators((this.global as unknown as { Promise: Record<string, unknown> }).Promise, (attach) => this.tracker.quietly(attach));
      }
      if (guardsAssertions) {
        (this as unknown as Record<symbol, unknown>)[GUARD] = makeGuard(
          () => this.tracker.currentOwner(),
          (promise, onFulfilled, onRejected) => this.tracker.observe(promise, onFulfilled, onRejected),
        );
      }
    }

    /**
     * A test that forces garbage collection (`gc()` of `node --expose-gc`, or the one it exposes with
     * `v8.setFlagsFromString('--expose-gc')`) watches it, most often to see that something is
     * collected: from then on the tracker holds pending promises weakly, so that what only they
     * refer to is collected as without it.
     */
    private watchCollection(): void {
      const global = this.global as unknown as Record<string, unknown>;
      const weakly = () => this.tracker.holdWeakly();
      onExposeGc = weakly;
      const gc = global.gc;
      if (typeof gc === 'function') {
        global.gc = new Proxy(gc, {
          apply(target, self, args) {
            weakly();
            return Reflect.apply(target, self, args) as unknown;
          },
        });
      }
    }

    /** `afterEach(() => jest.useRealTimers())` throws the fake clock away before the check: count first. */
    private countFakeTimersAtRestore(): void {
      for (const timers of [this.fakeTimersModern, this.fakeTimers] as unknown as Array<(FakeTimers & { useRealTimers(): void }) | null>) {
        if (!timers) continue;
        const useRealTimers = timers.useRealTimers.bind(timers);
        timers.useRealTimers = () => {
          const owner = this.tracker.currentOwner();
          if (owner && timers._fakingTime) owner.fakeTimersAtRestore = Math.max(owner.fakeTimersAtRestore, timers.getTimerCount());
          useRealTimers();
        };
      }
    }

    override async setup(): Promise<void> {
      await super.setup();
      this.tracker.enable();
    }

    override async teardown(): Promise<void> {
      if (!this.tornDown) {
        this.tornDown = true;
        onExposeGc = undefined;
        // A file that threw while it loaded has no run_finish: what its module scope started
        // (a logger's flush interval) is not judged, but it must not keep Jest from exiting.
        if (!this.fileOwner.closed) for (const finding of this.handleFindings(this.liveRecords(this.fileOwner, true))) finding.release?.();
        // Past this point nothing follows a re-armed chain any more; it would keep Jest from exiting.
        for (const record of this.releasedChains) {
          if (!record.rearmed) continue;
          if (record.type === 'Immediate') realClearImmediate(record.ref.deref() as NodeJS.Immediate);
          else realClearTimeout(record.ref.deref() as NodeJS.Timeout);
        }
        this.tracker.disable();
      }
      await super.teardown();
    }

    override handleTestEvent = async (event: Circus.AsyncEvent | Circus.SyncEvent, state: Circus.State): Promise<void> => {
      try {
        await this.onEvent(event, state);
      } catch (error) {
        // A fault of the detector fails the file with what went wrong; it never stops Jest's run.
        const fault = new Error(`jest-preset-async: the leak detector failed at "${event.name}" (please report it): ${String((error as Error)?.stack ?? error)}`);
        fault.stack = fault.message;
        state.unhandledErrors.push(fault);
      }
    };

    private async onEvent(event: Circus.AsyncEvent | Circus.SyncEvent, state: Circus.State): Promise<void> {
      switch (event.name) {
        case 'run_start':
          this.tracker.moduleOwner = null;
          break;
        case 'run_describe_start':
          if (!event.describeBlock.parent) this.wrapConcurrentTests(event.describeBlock);
          break;
        case 'test_started': {
          if (!this.testOwners.has(event.test)) this.testOwners.set(event.test, newOwner('test', testName(event.test)));
          if (!event.test.concurrent) this.sequentialTest = event.test;
          break;
        }
        case 'hook_start': {
          const { hook } = event;
          if (hook.type === 'afterAll') await this.noteAliveAtAfterAll();
          const owner = this.hookOwner(hook);
          if (owner) this.wrapFn(hook, owner);
          break;
        }
        case 'hook_success':
          this.unwrapFn(event.hook);
          break;
        case 'hook_failure':
          this.unwrapFn(event.hook);
          hideOwnFrames(event.error);
          this.explainHookTimeout(event.hook, event.error, event.test, state);
          break;
        case 'test_retry':
          // Jest drops the failed attempt's errors, its leak report with them (scope 'test'): what
          // the attempt left is judged again at the end of the file, as with scope 'file'.
          for (const watch of this.watched) {
            if (watch.test !== event.test) continue;
            watch.reported.clear();
            // Reported, it was unref'd: as it was again, so that the file's verdict sees it alive.
            for (const record of watch.owner.handles) {
              if (!record.released) continue;
              record.released = false;
              (record.ref.deref() as { ref?: () => void } | undefined)?.ref?.();
            }
          }
          break;
        case 'test_fn_start': {
          const owner = this.testOwners.get(event.test);
          // A concurrent test's first call was wrapped when the file started; a retry is wrapped here.
          if (owner && !this.preWrapped.delete(event.test)) this.wrapFn(event.test, owner, true);
          break;
        }
        case 'test_fn_success':
          this.unwrapFn(event.test);
          break;
        case 'test_fn_failure':
          this.unwrapFn(event.test);
          hideOwnFrames(event.error);
          break;
        case 'test_done': {
          const owner = this.testOwners.get(event.test);
          if (!owner) break;
          this.testOwners.delete(event.test);
          if (this.sequentialTest === event.test) this.sequentialTest = null;
          await this.checkTest(event.test, owner);
          break;
        }
        case 'run_describe_finish': {
          const owner = this.describeOwners.get(event.describeBlock);
          if (!owner) break;
          this.describeOwners.delete(event.describeBlock);
          const name = event.describeBlock.name === 'ROOT_DESCRIBE_BLOCK' ? 'the top level of the file' : `describe "${event.describeBlock.name}"`;
          this.reportOutside(state, await this.collect(owner), `beforeAll/afterAll of ${name}`);
          this.tracker.forget(owner);
          break;
        }
        case 'run_finish':
          await this.judgeWatched();
          this.reportOutside(state, await this.collect(this.fileOwner), 'the module scope of the test file (code run while it was loaded)');
          this.tracker.forget(this.fileOwner);
          claimLateRejections(state);
          break;
        default:
          break;
      }
    }

    /**
     * Jest 29 starts every concurrent test of the file when the file's root block starts, before
     * their test_started events: each gets its owner, and its wrapped function, now.
     */
    private wrapConcurrentTests(block: Circus.DescribeBlock): void {
      for (const test of testsOf(block)) {
        if (!test.concurrent || test.mode === 'skip' || test.mode === 'todo') continue;
        const owner = newOwner('test', testName(test));
        this.testOwners.set(test, owner);
        this.wrapFn(test, owner, true);
        this.preWrapped.add(test);
      }
    }

    private hookOwner(hook: Circus.Hook): Owner | null | undefined {
      if (hook.type === 'beforeAll' || hook.type === 'afterAll') return this.describeOwner(hook.parent);
      return this.sequentialTest && this.testOwners.get(this.sequentialTest);
    }

    private describeOwner(block: Circus.DescribeBlock): Owner {
      let owner = this.describeOwners.get(block);
      if (!owner) this.describeOwners.set(block, (owner = newOwner('describe', block.name)));
      return owner;
    }

    private wrapFn(holder: { fn?: unknown }, owner: Owner, isTest = false): void {
      const original = (this.originals.get(holder) ?? holder.fn) as ((...args: never[]) => unknown) | undefined;
      if (typeof original !== 'function') return;
      this.originals.set(holder, original);
      const notice = this.noticeFakeTime(owner);
      const afterCall = (result: unknown): void => {
        if (isTest) owner.ran = true;
        notice(result);
      };
      const wrapped = this.tracker.wrap(original, owner, afterCall);
      this.wrappers.set(holder, wrapped);
      holder.fn = wrapped;
    }

    /**
     * Notes whether the function ran with fake timers installed, when it returns and when its
     * promise settles. Any fake clock (Jest's, or sinon's own) holds the callbacks of its timers, and
     * so the promises waiting on them: in a test that used one, pending promises are not judged.
     */
    private noticeFakeTime(owner: Owner): (result: unknown) => void {
      const global = this.global as unknown as { setTimeout?: { clock?: unknown; _isMockFunction?: boolean } };
      const check = () => {
        const timeout = global.setTimeout;
        if (timeout && (typeof timeout.clock === 'object' || timeout._isMockFunction === true)) owner.usedFakeTime = true;
      };
      return (result) => {
        check();
        if (isThenable(result)) this.tracker.observe(result, check, check);
      };
    }

    /** Puts the original back, unless Jest replaced our wrapper meanwhile (Jest 29 does so for concurrent tests). */
    private unwrapFn(holder: { fn?: unknown }): void {
      if (!this.originals.has(holder)) return;
      if (holder.fn === this.wrappers.get(holder)) holder.fn = this.originals.get(holder);
      this.originals.delete(holder);
      this.wrappers.delete(holder);
    }

    private modeOf(kind: LeakKind): Mode {
      if (kind === 'promise') return this.options.promises;
      if (kind === 'assertion') return this.options.unawaitedAssertions;
      return this.options.handles;
    }

    private ignored(finding: Finding, owner: Owner): boolean {
      if (owner.allowed.has(finding.kind)) return true;
      return this.options.ignore.some(
        (rule) => (!rule.kind || rule.kind === finding.kind) && (!rule.stack || rule.stack.test(finding.site?.stack ?? '')),
      );
    }

    /** The handle records of the owner still alive now; a library's short timer only once it re-armed. */
    private liveRecords(owner: Owner, withLibraryTimers = false): HandleRecord[] {
      return owner.handles.filter((handle) => isAlive(handle.type, handle.ref.deref()) && (withLibraryTimers || !this.endsByItself(handle)));
    }

    /** Handle records as findings; a child process's stdio pipes are part of it: one line for the process. */
    private handleFindings(records: HandleRecord[], note?: string): Finding[] {
      const processSteps = new Set(records.filter((handle) => handle.type === 'PROCESSWRAP').map((handle) => handle.step));
      const pipesOf = (step: number) => records.filter((handle) => handle.type === 'PIPEWRAP' && handle.step === step);
      return records
        .filter((handle) => !(handle.type === 'PIPEWRAP' && processSteps.has(handle.step)))
        .map((handle) => {
          const resource = handle.ref.deref();
          const named = host.describe?.(handle, resource);
          const kind = named?.kind ?? kindOf(handle.type, resource);
          const parts = handle.type === 'PROCESSWRAP' ? [handle, ...pipesOf(handle.step)] : [handle];
          const release = () => {
            if (handle.type === 'Timeout' || handle.type === 'Immediate') this.releasedChains.push(handle);
            for (const part of parts) {
              part.released = true;
              (part.ref.deref() as { unref?: () => void } | undefined)?.unref?.();
            }
          };
          const what = named?.what ?? describeResource(kind, handle.type, resource) + (handle.rearmed ? ', re-armed from its own callback' : '');
          const hint = named?.hint ?? typeHint(handle.type);
          return { kind, what, site: handle.site, via: handle.via, ownSite: handle.ownSite, release, ...(note ? { note } : {}), ...(hint ? { hint } : {}) };
        });
    }

    /** Handles still alive now, as findings. */
    private liveHandles(owner: Owner): Finding[] {
      return this.handleFindings(this.liveRecords(owner));
    }

    /**
     * What Node's or a library's code set, that ends by itself and the test cannot change: not
     * reported. A one-shot timer of at most a second whose setTimeout call is in node_modules, unless
     * it re-arms itself (a scheduler or poller setting the next timer from the last one); mockttp,
     * for one, leaves a 100 ms timer per TLS socket. An immediate no frame of the user's code set,
     * unless set from an immediate's callback (a loop): it runs on the loop's next turn (Node's
     * resource timing sets one as each fetch ends once its buffer of 250 entries is full).
     */
    private endsByItself(handle: HandleRecord): boolean {
      if (handle.type === 'Immediate') return !handle.rearmed && !madeByUser(handle.site, this.report.ownDirs);
      if (handle.type !== 'Timeout' || handle.rearmed) return false;
      const timer = handle.ref.deref() as { _idleTimeout?: number } | undefined;
      return !isRepeatingTimer(timer) && (timer?._idleTimeout ?? Infinity) <= LIBRARY_TIMER_MS && madeByLibrary(handle.site, this.report.ownDirs);
    }

    private promiseFindings(ids: number[], note?: string, known?: Map<number, Finding>): Finding[] {
      return ids.map((id) => {
        const seen = known?.get(id);
        if (seen) return { ...seen, ...(note ? { note } : {}) };
        const { site, own, call } = this.tracker.promiseSite(id);
        return { kind: 'promise' as const, what: call ? `pending promise of ${call}()` : 'pending promise', site, ownSite: own, ...(note ? { note } : {}) };
      });
    }

    /** Notes the findings of these watched promises, with their sites formatted (no frame is held). */
    private notePromiseSites(watch: Watched, ids: number[]): void {
      const fresh = ids.filter((id) => !watch.promiseSites.has(id));
      const findings = settleSites(this.promiseFindings(fresh));
      fresh.forEach((id, at) => watch.promiseSites.set(id, findings[at] as Finding));
    }

    /** Whether pending promises of this owner can be judged: not while a fake clock may still hold their callbacks. */
    private promisesJudged(owner: Owner): boolean {
      return this.options.promises !== 'off' && this.fakeTimeAt(owner) === null;
    }

    /**
     * Where fake time stands, if the owner's promises may wait on fake timers (it used them, or
     * they are installed). Null otherwise.
     */
    private fakeTimeAt(owner: Owner): unknown[] | null {
      // Uninstalled, its timers are dropped first: the mark then stays as later tests find it.
      const installed = this.fakeTimeStillRuns();
      return owner.usedFakeTime || installed ? this.fakeTimeMark() : null;
    }

    /** Whether fake time is still at this mark: no fake timer can have fired since. */
    private fakeTimeStill(mark: unknown[]): boolean {
      const now = this.fakeTimeMark();
      return mark.every((value, at) => value === now[at]);
    }

    /** The clock and its time: a fake timer can have fired only once this moved. */
    private fakeTimeMark(): unknown[] {
      const modern = this.fakeTimersModern as unknown as { _clock?: { now?: number } } | null;
      const legacy = this.fakeTimers as unknown as { _now?: number } | null;
      return [modern?._clock, modern?._clock?.now, legacy?._now];
    }

    /**
     * Waits, when anything is still alive, a few event-loop turns and then up to graceMs, so that
     * closes, exits and pool returns already under way complete.
     */
    private grace(busy: () => boolean): Promise<void> {
      return waitWhile(busy, this.options.graceMs, 2);
    }

    /**
     * Of these pending promises, the ones a forced GC cannot collect (something can still settle
     * them). Their sites are formatted and their lineage dropped first: an unformatted stack holds
     * the functions of its frames, and through them the very promises asked about.
     */
    private async reachable(refs: Map<number, WeakRef<object>>): Promise<Set<number>> {
      // Up to three rounds: something on its way out (a finished job, a register of a finished
      // async function) can hold a promise through a collection; a leak survives them all.
      for (let round = 0; round < 3 && refs.size; round++) {
        await tick();
        await (round < 2 ? tick() : sleep(5));
        forceGC();
        for (const [id, ref] of refs) if (ref.deref() === undefined) refs.delete(id);
      }
      return new Set(refs.keys());
    }

    /** What a beforeAll/afterAll or the module scope left behind: handles alive after the grace period. */
    private async collect(owner: Owner): Promise<Finding[]> {
      await this.grace(() => this.liveRecords(owner).length > 0);
      return settleSites(this.liveHandles(owner)).filter((finding) => !this.ignored(finding, owner));
    }

    /**
     * Fake timers hold their callbacks, and so the promises waiting on them. While fake time is
     * installed a later test may still advance it: those promises are not judged. Once it is
     * uninstalled its timers can never fire: they are dropped, so the GC can tell what is left.
     */
    private fakeTimeStillRuns(): boolean {
      const faking = [this.fakeTimersModern, this.fakeTimers].some((timers) => (timers as unknown as FakeTimers)?._fakingTime);
      if (!faking) this.dropFakeTimers();
      return faking;
    }

    /** Drops every fake timer, installed or not, and what the legacy mocks recorded (their calls hold the callbacks too). */
    private dropFakeTimers(): void {
      const modern = this.fakeTimersModern as unknown as { _clock?: { reset?: () => void } } | null;
      const legacy = this.fakeTimers as unknown as FakeTimers;
      modern?._clock?.reset?.();
      legacy?.clearAllTimers();
      for (const api of Object.values((legacy as { _fakeTimerAPIs?: Record<string, unknown> } | null)?._fakeTimerAPIs ?? {})) {
        (api as { mockClear?: () => void } | null)?.mockClear?.();
      }
    }

    /**
     * Assertions nobody waited for: never awaited or returned, or still running when the test ended
     * (handed to a `Promise.all` nobody awaited). One made after the test ended is unawaited by then.
     */
    private unawaited(owner: Owner, late = false): Finding[] {
      const findings = owner.assertions
        .filter((record) => late || !record.awaited || record.state === 'pending')
        .map((record) => ({
          kind: 'assertion' as const,
          what: `${record.label} was not awaited`,
          site: record.site,
          ownSite: true,
          note:
            (late ? '— made after the test ended, in a callback the test did not wait for ' : '') +
            (record.state === 'failed'
              ? `— and it failed: ${record.failure ?? ''}`
              : record.state === 'passed'
                ? '— it passed, but nothing waited for it to check'
                : '— it had not finished when the test ended'),
        }))
        .filter((finding) => !this.ignored(finding, owner));
      owner.assertions.length = 0;
      return settleSites(findings);
    }

    private fakeTimerFindings(owner: Owner): Error | null {
      if (this.options.fakeTimers === 'off') return null;
      let count = owner.fakeTimersAtRestore;
      for (const timers of [this.fakeTimersModern, this.fakeTimers] as unknown as FakeTimers[]) {
        if (timers?._fakingTime) {
          count = Math.max(count, timers.getTimerCount());
          timers.clearAllTimers();
        }
      }
      if (!count) return null;
      const error = new Error(
        `jest-preset-async: the test left ${count} pending fake timer${count === 1 ? '' : 's'} (jest.getTimerCount()).\n` +
          'Run them (jest.runOnlyPendingTimers()) or clear them (jest.clearAllTimers()) before the test ends.',
      );
      error.stack = error.message;
      return error;
    }

    /**
     * `expect.assertions()` and `expect.hasAssertions()` keep an Error in expect's state after the
     * test; its unformatted stack holds the test's closures. Formatting it lets them go.
     */
    private releaseExpectState(): void {
      const matchers = (this.global as unknown as Record<symbol, { state?: Record<string, unknown> } | undefined>)[Symbol.for('$$jest-matchers-object')];
      for (const key of ['expectedAssertionsNumberError', 'isExpectingAssertionsError']) {
        const error = matchers?.state?.[key] as { stack?: unknown } | undefined;
        if (error && typeof error === 'object') void error.stack;
      }
    }

    /**
     * The test's verdict. After its grace period, what it left alive is suspect. Unawaited
     * assertions fail it now. With `scope: 'test'` every suspect does too; with `scope: 'file'` the
     * suspects are watched until the file ends (judgeWatched).
     */
    private async checkTest(test: Circus.TestEntry, owner: Owner): Promise<void> {
      this.releaseExpectState();
      // Jest added expect.assertions() errors at test_done: their stacks pass through the test's wrapper too.
      for (const entry of test.errors) for (const error of Array.isArray(entry) ? entry : [entry]) hideOwnFrames(error);
      if (owner.hangReported) {
        this.tracker.forget(owner);
        return;
      }
      // Its function never ran (a beforeAll above it timed out, and Jest gave it that error): the hook's explanation is the file's.
      if (timedOut(test) && this.options.hangs !== 'off' && owner.ran === true) {
        const waiting = this.waitingOn(owner);
        this.judge(waiting, 'the test', '', (error) => test.errors.push(error), test.name, () => 'jest-preset-async: the test timed out while still waiting on:', this.options.hangs);
        if (!waiting.some(isHandleFinding)) this.deliver(test, this.openAround(test), this.options.hangs);
        this.tracker.forget(owner);
        return;
      }
      // A synchronous test's nextTicks run only once Jest's promise chain has no more microtasks, after
      // this: what they start (a request on a socket reused from a pool) would go unseen.
      if (owner.ticked) await nextTicks();
      const promisesOn = this.options.promises !== 'off';
      // Its promises may wait on fake timers, which only the test's code advances: no grace for them.
      const fakeTime = promisesOn ? this.fakeTimeAt(owner) : null;
      // An assertion nobody awaited that is still running gets the grace period too: its failure is the test's.
      const running = () => owner.assertions.some((record) => !record.awaited && record.state === 'pending');
      await this.grace(() => running() || this.liveRecords(owner).length > 0 || (promisesOn && !fakeTime && this.tracker.waitedPromises(owner).length > 0));
      // One that failed rejected a promise nobody handles: Node reports it once the microtasks ran
      // out, which in a file of synchronous tests may be after Jest stopped listening (the worker
      // then dies of it). A turn of the event loop lets Jest see it, and put it on this test.
      if (owner.assertions.some((record) => !record.awaited && record.state === 'failed')) await tick();
      const findings = this.unawaited(owner);
      const records = this.liveRecords(owner, true);
      const waited = promisesOn ? this.tracker.waitedPromises(owner) : [];
      const library = new Set(records.filter((record) => this.endsByItself(record)));
      const suspects = records.filter((record) => !library.has(record));
      const watch: Watched = { test, owner, early: new Set(records), library, atAfterAll: new Set(), promises: new Map(), promiseSites: new Map(), reported: new Set(), timersAtVerdict: new Map(), fakeTime };
      if (this.options.scope === 'file') for (const record of records) if (record.type === 'Timeout') watch.timersAtVerdict.set(record, watchFiring(record));
      // Not a local of this async function: its suspended frame would keep the promises alive.
      for (const [id, ref] of this.tracker.weakRefs(waited)) watch.promises.set(id, ref);
      if (this.options.scope === 'file') this.notePromiseSites(watch, waited);
      owner.handles = records;
      if (this.options.scope === 'test') {
        findings.push(...this.handleFindings(suspects));
        suspects.forEach((record) => watch.reported.add(record));
        if (waited.length) {
          const promises = settleSites(this.promiseFindings(waited));
          this.tracker.end(owner);
          this.tracker.dropSites(owner);
          if (fakeTime) await this.awaitJobs([owner]);
          const alive = await this.reachable(new Map(watch.promises));
          // One that settled meanwhile was still waited on after the grace period: it ran the test's code later.
          const settled = new Set(waited.filter((id) => !this.tracker.isPending(id)));
          // Under fake time, only work that moves by itself (nothing advances the clock meanwhile) is judged.
          if (!fakeTime || settled.size) findings.push(...promises.filter((_, i) => alive.has(waited[i] as number) || settled.has(waited[i] as number)));
          waited.forEach((id) => watch.reported.add(id));
        }
      }
      this.tracker.end(owner);
      this.judge(settleSites(findings).filter((finding) => !this.ignored(finding, owner)), 'the test', ' or unchecked', (error) => test.errors.push(error), test.name);
      this.deliver(test, this.fakeTimerFindings(owner), this.options.fakeTimers);
      // Only what is alive or waited on can still run the test's code (a callback, a re-armed timer).
      if (records.length || waited.length) this.watched.push(watch);
      else this.tracker.forget(owner);
    }

    /** An afterAll hook starts: what the tests left is still alive now, so the file may be closing it on purpose. */
    private async noteAliveAtAfterAll(): Promise<void> {
      // A handle closed by a later test (`server.close(callback)`: the callback comes first) is
      // alive until the loop's close phase: two turns let it end, so that it is not taken for one
      // the file closes on purpose.
      if (this.watched.some((watch) => this.liveRecords(watch.owner, true).length)) {
        await tick();
        await tick();
      }
      for (const watch of this.watched) {
        for (const record of this.liveRecords(watch.owner, true)) watch.atAfterAll.add(record);
        const waited = this.tracker.waitedPromises(watch.owner);
        for (const id of waited) {
          const promise = this.tracker.pendingPromise(id);
          if (!watch.promises.has(id) && promise) watch.promises.set(id, new WeakRef(promise));
          watch.atAfterAll.add(id);
        }
        this.notePromiseSites(watch, waited);
      }
    }

    /**
     * The file's verdict on what each test left (README "Leak detection"): a suspect is that test's
     * leak if it ended before the afterAll hooks started (the test did not wait for it), or if it is
     * still alive now that they all ran. Alive when they started and gone now: the file closed it.
     * Late assertions (made after their test ended) and re-armed library timers fail their test in
     * either scope. The errors join their tests' results, which Jest builds after this.
     */
    private async judgeWatched(): Promise<void> {
      const watched = this.watched.splice(0);
      if (!watched.length) return;
      const busy = () => watched.some((watch) => this.liveRecords(watch.owner).length > 0);
      await this.grace(busy);
      await this.awaitLibraryTimers(watched);
      const strict = this.options.scope === 'test';
      const verdicts = watched.map((watch) => {
        const { owner } = watch;
        const late = this.unawaited(owner, true);
        const live = new Set(this.liveRecords(owner));
        // Alive now: a leak in either scope (what the test left, or what its callbacks started later).
        // Gone: a leak when it was there after the test and gone before any afterAll hook started.
        const handles = owner.handles.filter((record) => {
          if (watch.reported.has(record)) return false;
          if (live.has(record)) return true;
          return !strict && watch.early.has(record) && !watch.atAfterAll.has(record) && (!watch.library.has(record) || record.rearmed === true) && !clearedUnfired(record, watch);
        });
        const judged = strict ? [] : [...watch.promises.keys()].filter((id) => !watch.reported.has(id));
        // Under fake time, one that settled counts only if no fake timer can have settled it.
        const settled = watch.fakeTime && !this.fakeTimeStill(watch.fakeTime) ? [] : judged.filter((id) => !this.tracker.isPending(id) && !watch.atAfterAll.has(id));
        const stillPending = judged.filter((id) => this.tracker.isPending(id));
        const findings = [
          ...late,
          ...settleSites(this.handleFindings(handles.filter((record) => !live.has(record)), '— it ended after the test, while the file went on (the test did not wait for it, or a later test stopped it)')),
          ...settleSites(this.handleFindings(handles.filter((record) => live.has(record)), "— still running after the file's afterAll hooks")),
          ...settleSites(this.promiseFindings(settled, '— it settled after the test, while the file went on (the test did not wait for it)', watch.promiseSites)),
        ];
        const pendingFindings = settleSites(this.promiseFindings(stillPending, "— still pending after the file's afterAll hooks", watch.promiseSites));
        return { watch, findings, pendingFindings, stillPending, moving: !watch.fakeTime || settled.length > 0 };
      });
      await this.awaitProgress(verdicts);
      // Pending after the afterAll hooks, settled since: real work moved it (under fake time, a job the verdict waited for).
      const settledSince = new Set(verdicts.flatMap(({ stillPending }) => stillPending.filter((id) => !this.tracker.isPending(id))));
      // One collection for the whole file, only when a promise is still pending.
      const refs = new Map<number, WeakRef<object>>();
      for (const { watch, stillPending } of verdicts) for (const id of stillPending) refs.set(id, watch.promises.get(id) as WeakRef<object>);
      for (const { watch } of verdicts) this.tracker.forget(watch.owner);
      const alive = refs.size ? await this.reachable(refs) : new Set<number>();
      for (const { watch, findings, pendingFindings, stillPending, moving } of verdicts) {
        if (moving) findings.push(...pendingFindings.filter((_, i) => alive.has(stillPending[i] as number) || settledSince.has(stillPending[i] as number)));
        const test = watch.test;
        this.judge(findings.filter((finding) => !this.ignored(finding, watch.owner)), 'the test', ' or unchecked', (error) => test.errors.push(error), test.name);
      }
    }

    /**
     * A promise a test left under fake time, still pending now, is a leak only if what it waits on
     * moves by itself: the file is over, so no fake timer can fire any more (they are dropped); if
     * one of the test's promises settles within a short window, or once a job the test started in
     * promise form finishes, real work (a socket, a compression job, a hash) is still running the
     * test's code.
     */
    private async awaitProgress(verdicts: { watch: Watched; stillPending: number[]; moving: boolean }[]): Promise<void> {
      const still = verdicts.filter((verdict) => !verdict.moving && verdict.stillPending.length);
      if (!still.length) return;
      this.dropFakeTimers();
      const standing = () => {
        for (const verdict of still) verdict.moving ||= verdict.stillPending.some((id) => !this.tracker.isPending(id));
        return still.some((verdict) => !verdict.moving);
      };
      await waitWhile(standing, PROGRESS_MS, 5);
      await this.awaitJobs(still.filter((verdict) => !verdict.moving).map((verdict) => verdict.watch.owner));
      // Settled by the job: real work moved it. A job still computing after JOB_MS moved nothing of the test's yet.
      standing();
    }

    /**
     * A job of the thread pool (a hash) that the owners' code started in promise form moves their
     * promises without any timer, once it finishes: wait for it (at most JOB_MS), not a window.
     */
    private async awaitJobs(owners: Owner[]): Promise<void> {
      await waitWhile(() => owners.some((owner) => this.tracker.computing(owner)), JOB_MS, 5);
    }

    /**
     * A library's short timer still alive at the end of the file either ends by itself or re-arms
     * itself: wait (at most a second) to know which.
     */
    private async awaitLibraryTimers(watched: Watched[]): Promise<void> {
      const waiting = () => watched.some((watch) => watch.owner.handles.some((record) => this.endsByItself(record) && isAlive(record.type, record.ref.deref())));
      const deadline = Date.now() + LIBRARY_TIMER_MS + 50;
      while (waiting() && Date.now() < deadline) await sleep(10);
    }

    /** What a test or hook that timed out is still waiting on: its own things, and those of a probe it is running. */
    private waitingOn(owner: Owner): Finding[] {
      return [owner, ...(owner.probes ?? [])].flatMap((one) => [...this.liveHandles(one), ...this.promiseFindings(this.tracker.waitedPromises(one))]);
    }

    /**
     * A test that timed out on promises alone most likely waits for something to come through a
     * connection its file opened (a client from beforeAll): what its hooks and module scope hold
     * open, named as such. Not leaks of the test, and not released.
     */
    private openAround(test: Circus.TestEntry): Error | null {
      const owners: Owner[] = [this.fileOwner];
      for (let block: Circus.DescribeBlock | undefined = test.parent; block; block = block.parent) {
        const owner = this.describeOwners.get(block);
        if (owner) owners.push(owner);
      }
      // Named, not advised on: nothing here is the test's to release.
      const findings = owners.flatMap((one) => this.liveHandles(one)).map(({ release: _released, ...finding }) => ({ ...finding, hint: '' }));
      return buildReport(
        () => 'jest-preset-async: what the test waits for may come through what its beforeAll hooks or module scope hold open:',
        settleSites(findings),
        this.report,
        'These belong to the hooks or the module scope, not to the test.',
      );
    }

    /** A hook that timed out also says what it was still waiting on. */
    private explainHookTimeout(hook: Circus.Hook, error: unknown, test: Circus.TestEntry | undefined, state: Circus.State): void {
      if (this.options.hangs === 'off' || !isJestTimeout(error)) return;
      const owner = hook.type === 'beforeAll' || hook.type === 'afterAll' ? this.describeOwners.get(hook.parent) : test && this.testOwners.get(test);
      if (!owner) return;
      const waiting = this.waitingOn(owner);
      owner.hangReported = true;
      const where = test && (hook.type === 'beforeEach' || hook.type === 'afterEach') ? (e: Error) => test.errors.push(e) : (e: Error) => state.unhandledErrors.push(e);
      this.judge(waiting, `the ${hook.type} hook`, '', where, test?.name, () => `jest-preset-async: the ${hook.type} hook timed out while still waiting on:`, this.options.hangs);
    }

    private deliver(test: Circus.TestEntry, error: Error | null, mode: Mode): void {
      if (!error || mode === 'off') return;
      if (mode === 'fail') test.errors.push(error);
      else this.warn(`${test.name}\n${error.message}`);
    }

    /** Prints through the test's console, without a code frame of this file (Jest shows the caller's). */
    private warn(message: string): void {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        (this.global as unknown as { console: Console }).console.warn(message);
      } finally {
        Error.stackTraceLimit = limit;
      }
    }

    /**
     * One report per mode: `fail` findings through `fail`, `warn` findings printed. Then what was
     * reported is unref'd: it keeps working, but no longer keeps Jest from exiting at the end.
     */
    private judge(
      findings: Finding[],
      who: string,
      unchecked: string,
      fail: (error: Error) => void,
      label?: string,
      headline?: (n: number) => string,
      only?: Mode,
    ): void {
      const modeOf = (finding: Finding) => only ?? this.modeOf(finding.kind);
      for (const mode of ['fail', 'warn'] as const) {
        const prefix = mode === 'fail' ? 'jest-preset-async' : 'jest-preset-async (warning)';
        const lineOne = headline ?? ((n: number) => `${prefix}: ${who} left ${n} thing${n === 1 ? '' : 's'} running${unchecked}:`);
        const error = buildReport(lineOne, findings.filter((finding) => modeOf(finding) === mode), this.report);
        if (error && mode === 'fail') fail(error);
        else if (error) this.warn(label ? `${label}\n${error.message}` : error.message);
      }
      for (const finding of findings) {
        if (modeOf(finding) === 'off') continue;
        finding.release?.();
        noteLeaksReported();
      }
    }

    private reportOutside(state: Circus.State, findings: Finding[], where: string): void {
      this.judge(findings, where, '', (error) => state.unhandledErrors.push(error));
    }
  }
  return AsyncEnvironment;
}

/** The preset's environment: jest-environment-node's, with leak detection. */
const AsyncEnvironment = withLeakDetection(loadNodeEnvironment().TestEnvironment);
export default AsyncEnvironment;

export { AsyncEnvironment as TestEnvironment };
export { LEAK_KINDS, type LeakKind };
