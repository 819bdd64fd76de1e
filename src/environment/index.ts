/**
 * The preset's test environment (`jest-preset-async/environment`): Jest's Node environment plus
 * per-test leak detection. A test fails when, after it and its beforeEach/afterEach hooks end and a
 * short grace period passes, something its code started is still alive: a timer, an open handle,
 * a pending promise that can still settle, or an assertion that was never awaited. A timed-out test
 * is told what it was still waiting on.
 *
 * It extends the `jest-environment-node` of the project's own Jest (29 or 30): see nodeEnvironment.ts.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { relative } from 'node:path';
import * as timers from 'node:timers';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { FAKE_TIMERS_PROBE } from '../helpers/fakeTimers';
import { OWN_DIRS } from '../helpers/ownFrames';
import { isThenable } from '../helpers/thenable';
import { pauseRunLevelRecorder } from '../runLevel';
import { GUARD, installExpectHook, makeGuard } from './expectGuard';
import { describeResource, isAlive, kindOf, LEAK_KINDS, type LeakKind } from './kinds';
import { loadNodeEnvironment } from './nodeEnvironment';
import { applyOptions, DEFAULTS, OPTIONS_KEY, parsePragma, type DetectorOptions, type Mode } from './options';
import { buildReport, madeByLibrary, type Finding, type ReportContext } from './report';
import { recordSpyNames } from './spyNames';
import { newOwner, Tracker, type Owner, type Site } from './tracker';

const { TestEnvironment } = loadNodeEnvironment();

/** `allowLeaks()` reaches the environment through this global function. */
export const ALLOW = Symbol.for('jest-preset-async.allowLeaks');

/** Library timers up to this long end by themselves: see libraryShortTimer(). */
const LIBRARY_TIMER_MS = 1000;

const tick = () => new Promise<void>((done) => timers.setImmediate(done));
const sleep = (ms: number) => new Promise<void>((done) => timers.setTimeout(done, ms));

let collectGarbage: (() => void) | undefined;
function forceGC(): void {
  if (!collectGarbage) {
    v8.setFlagsFromString('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
    v8.setFlagsFromString('--no-expose-gc');
  }
  collectGarbage();
}

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

function weaken(pending: Map<number, object>): Map<number, WeakRef<object>> {
  const refs = new Map<number, WeakRef<object>>();
  for (const [id, promise] of pending) refs.set(id, new WeakRef(promise));
  pending.clear();
  return refs;
}

function dropCollected(refs: Map<number, WeakRef<object>>): void {
  for (const [id, ref] of refs) if (ref.deref() === undefined) refs.delete(id);
}

function strengthen(refs: Map<number, WeakRef<object>>, pending: Map<number, object>): void {
  for (const [id, ref] of refs) {
    const promise = ref.deref();
    if (promise !== undefined) pending.set(id, promise);
  }
}

type FakeTimers = { _fakingTime?: boolean; getTimerCount(): number; clearAllTimers(): void } | null;

const testName = (test: Circus.TestEntry): string => {
  const names: string[] = [];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return [...names, test.name].join(' › ');
};

const timedOut = (test: Circus.TestEntry): boolean =>
  test.errors.some((entry) => /Exceeded timeout of \d+ ms/.test(String(Array.isArray(entry) ? entry[0] : entry)));

export default class AsyncEnvironment extends TestEnvironment {
  private readonly options: DetectorOptions;
  private readonly tracker: Tracker;
  private readonly report: ReportContext;
  private readonly testOwners = new Map<Circus.TestEntry, Owner>();
  private readonly describeOwners = new Map<Circus.DescribeBlock, Owner>();
  private readonly fileOwner: Owner;
  private readonly originals = new Map<object, unknown>();
  private sequentialTest: Circus.TestEntry | null = null;
  private tornDown = false;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    // In Jest's own process (-i), tests are starting: the run-level recorder has seen globalSetup.
    pauseRunLevelRecorder();
    const project = config.projectConfig;
    const fromConfig = (project.testEnvironmentOptions as Record<string, unknown>)[OPTIONS_KEY];
    const base = applyOptions(DEFAULTS, fromConfig, `testEnvironmentOptions["${OPTIONS_KEY}"]`);
    this.options = applyOptions(base, parsePragma(context.docblockPragmas?.[OPTIONS_KEY]), `the @${OPTIONS_KEY} pragma of ${relative(project.rootDir, context.testPath ?? '')}`);
    this.report = { rootDir: project.rootDir, ownDirs: OWN_DIRS };
    this.fileOwner = newOwner('file', context.testPath ?? 'test file');
    this.tracker = new Tracker(this.options.promises !== 'off' || this.options.hangs !== 'off');
    this.tracker.moduleOwner = this.fileOwner;

    const global = this.global as unknown as Record<symbol, unknown>;
    if (this.moduleMocker) recordSpyNames(this.moduleMocker, this.global);
    const faking = (timers: unknown) => (timers as FakeTimers)?._fakingTime === true;
    global[FAKE_TIMERS_PROBE] = () => (faking(this.fakeTimersModern) ? 'modern' : faking(this.fakeTimers) ? 'legacy' : null);
    global[ALLOW] = (kinds: LeakKind[]) => {
      const owner = this.tracker.currentOwner();
      if (!owner) throw new Error('allowLeaks() works inside a test or hook that runs under the jest-preset-async environment');
      for (const kind of kinds) owner.allowed.add(kind);
    };
    if (this.options.fakeTimers !== 'off') this.countFakeTimersAtRestore();
    if (this.options.unawaitedAssertions !== 'off' && installExpectHook(project.rootDir)) {
      (this as unknown as Record<symbol, unknown>)[GUARD] = makeGuard(() => this.tracker.currentOwner());
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
      this.tracker.disable();
    }
    await super.teardown();
  }

  handleTestEvent = async (event: Circus.AsyncEvent | Circus.SyncEvent, state: Circus.State): Promise<void> => {
    switch (event.name) {
      case 'run_start':
        this.tracker.moduleOwner = null;
        break;
      case 'test_started': {
        this.testOwners.set(event.test, newOwner('test', testName(event.test)));
        if (!event.test.concurrent) this.sequentialTest = event.test;
        break;
      }
      case 'hook_start': {
        const { hook } = event;
        const owner =
          hook.type === 'beforeAll' || hook.type === 'afterAll'
            ? this.describeOwner(hook.parent)
            : this.sequentialTest && this.testOwners.get(this.sequentialTest);
        if (owner) this.wrapFn(hook, owner);
        break;
      }
      case 'hook_success':
      case 'hook_failure':
        this.unwrapFn(event.hook);
        break;
      case 'test_fn_start': {
        const owner = this.testOwners.get(event.test);
        if (owner) this.wrapFn(event.test, owner);
        break;
      }
      case 'test_fn_success':
      case 'test_fn_failure':
        this.unwrapFn(event.test);
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
        this.reportOutside(state, await this.collect(owner, false), `beforeAll/afterAll of ${name}`);
        this.tracker.forget(owner);
        break;
      }
      case 'run_finish':
        this.reportOutside(state, await this.collect(this.fileOwner, false), 'the module scope of the test file (code run while it was loaded)');
        this.tracker.forget(this.fileOwner);
        break;
      default:
        break;
    }
  };

  private describeOwner(block: Circus.DescribeBlock): Owner {
    let owner = this.describeOwners.get(block);
    if (!owner) this.describeOwners.set(block, (owner = newOwner('describe', block.name)));
    return owner;
  }

  private wrapFn(holder: { fn?: unknown }, owner: Owner): void {
    const original = (this.originals.get(holder) ?? holder.fn) as ((...args: never[]) => unknown) | undefined;
    if (typeof original !== 'function') return;
    this.originals.set(holder, original);
    holder.fn = this.tracker.wrap(original, owner, this.noticeFakeTime(owner));
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
      if (isThenable(result)) result.then(check, check);
    };
  }

  private unwrapFn(holder: { fn?: unknown }): void {
    if (!this.originals.has(holder)) return;
    holder.fn = this.originals.get(holder);
    this.originals.delete(holder);
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

  /** Handles still alive now, as findings. */
  private liveHandles(owner: Owner): Finding[] {
    const live = owner.handles.filter((handle) => isAlive(handle.type, handle.ref.deref()) && !this.libraryShortTimer(handle));
    // A child process's stdio pipes are part of it: one line for the process.
    const processSteps = new Set(live.filter((handle) => handle.type === 'PROCESSWRAP').map((handle) => handle.step));
    return live
      .filter((handle) => !(handle.type === 'PIPEWRAP' && processSteps.has(handle.step)))
      .map((handle) => {
        const resource = handle.ref.deref();
        const kind = kindOf(handle.type, resource);
        const release = () => (resource as { unref?: () => void } | undefined)?.unref?.();
        return { kind, what: describeResource(kind, handle.type, resource), site: handle.site, via: handle.via, ownSite: handle.ownSite, release };
      });
  }

  /**
   * A one-shot timer of at most a second that a library's code started (its setTimeout call is in
   * node_modules) ends by itself, and the test cannot change it: not reported. mockttp, for one,
   * leaves a 100 ms timer per TLS socket.
   */
  private libraryShortTimer(handle: Owner['handles'][number]): boolean {
    if (handle.type !== 'Timeout') return false;
    const timer = handle.ref.deref() as { _repeat?: number | null; _idleTimeout?: number } | undefined;
    return !timer?._repeat && (timer?._idleTimeout ?? Infinity) <= LIBRARY_TIMER_MS && madeByLibrary(handle.site, OWN_DIRS);
  }

  private pendingPromises(owner: Owner): Finding[] & { ids: number[] } {
    const ids = [...owner.pending.keys()];
    const findings = ids.map((id) => {
      const { site, own } = this.tracker.promiseSite(id);
      return { kind: 'promise' as const, what: 'pending promise', site, ownSite: own };
    });
    return Object.assign(findings, { ids });
  }

  /**
   * What the owner left behind, after the grace period: fast when nothing is alive; otherwise a few
   * event-loop turns, then polling up to graceMs, then a forced GC to drop promises nothing can reach.
   */
  private async collect(owner: Owner, withPromises: boolean): Promise<Finding[]> {
    const promisesOn = withPromises && this.options.promises !== 'off';
    const busy = () => this.liveHandles(owner).length > 0 || (promisesOn && owner.pending.size > 0);
    if (busy()) {
      const deadline = Date.now() + this.options.graceMs;
      for (let turn = 0; turn < 3 && busy(); turn++) await tick();
      while (busy() && Date.now() < deadline) await sleep(2);
    }
    const findings = settleSites(this.liveHandles(owner));
    if (promisesOn && owner.pending.size && !this.fakeTimeStillRuns() && !owner.usedFakeTime) {
      const candidates = settleSites(this.pendingPromises(owner));
      // An unformatted stack holds the functions of its frames, and through them their closures:
      // it could keep alive the very promises the GC is asked about. Only formatted text stays.
      this.tracker.forget(owner);
      const refs = weaken(owner.pending);
      // Up to three rounds: something on its way out (a finished job, a register of a finished
      // async function) can hold a promise through a collection; a leak survives them all.
      for (let round = 0; round < 3 && refs.size; round++) {
        await tick();
        await (round < 2 ? tick() : sleep(5));
        forceGC();
        dropCollected(refs);
      }
      strengthen(refs, owner.pending);
      findings.push(...candidates.filter((_, i) => owner.pending.has(candidates.ids[i] as number)));
      owner.pending.clear();
    }
    return findings.filter((finding) => !this.ignored(finding, owner));
  }

  /**
   * Fake timers hold their callbacks, and so the promises waiting on them. While fake time is
   * installed a later test may still advance it: those promises are not judged. Once it is
   * uninstalled its timers can never fire: they are dropped, so the GC can tell what is left.
   */
  private fakeTimeStillRuns(): boolean {
    const modern = this.fakeTimersModern as unknown as { _fakingTime?: boolean; _clock?: { reset?: () => void } } | null;
    const legacy = this.fakeTimers as unknown as FakeTimers;
    if (modern?._fakingTime || legacy?._fakingTime) return true;
    modern?._clock?.reset?.();
    legacy?.clearAllTimers();
    // Legacy fake timers are mocks: their recorded calls hold the callbacks too.
    for (const api of Object.values((legacy as { _fakeTimerAPIs?: Record<string, unknown> } | null)?._fakeTimerAPIs ?? {})) {
      (api as { mockClear?: () => void } | null)?.mockClear?.();
    }
    return false;
  }

  private unawaited(owner: Owner): Finding[] {
    return owner.assertions
      .filter((record) => !record.awaited)
      .map((record) => ({
        kind: 'assertion' as const,
        what: `${record.label} was not awaited`,
        site: record.site,
        ownSite: true,
        note:
          record.state === 'failed'
            ? `— and it failed: ${record.failure ?? ''}`
            : record.state === 'passed'
              ? '— it passed, but nothing waited for it to check'
              : '— it had not finished when the test ended',
      }))
      .filter((finding) => !this.ignored(finding, owner));
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

  private async checkTest(test: Circus.TestEntry, owner: Owner): Promise<void> {
    try {
      if (timedOut(test) && this.options.hangs !== 'off') {
        const waiting = [...this.liveHandles(owner), ...(owner.pending.size ? this.pendingPromises(owner) : [])];
        const error = buildReport(() => 'jest-preset-async: the test timed out while still waiting on:', waiting, this.report);
        this.deliver(test, error, this.options.hangs);
        return;
      }
      // Formatted, and the records dropped, before collect() asks the GC what is still reachable:
      // an assertion's stack holds its expectation, and so the promise it was given.
      const unawaited = settleSites(this.unawaited(owner));
      owner.assertions.length = 0;
      const findings = [...unawaited, ...(await this.collect(owner, true))];
      this.judge(findings, 'the test', ' or unchecked', (error) => test.errors.push(error), test.name);
      this.deliver(test, this.fakeTimerFindings(owner), this.options.fakeTimers);
    } finally {
      this.tracker.forget(owner);
    }
  }

  private deliver(test: Circus.TestEntry, error: Error | null, mode: Mode): void {
    if (!error || mode === 'off') return;
    if (mode === 'fail') test.errors.push(error);
    else this.warn(`${test.name}\n${error.message}`);
  }

  private warn(message: string): void {
    (this.global as unknown as { console: Console }).console.warn(message);
  }

  /**
   * One report per mode: `fail` findings through `fail`, `warn` findings printed. Then what was
   * reported is unref'd: it keeps working, but no longer keeps Jest from exiting at the end.
   */
  private judge(findings: Finding[], who: string, unchecked: string, fail: (error: Error) => void, label?: string): void {
    for (const mode of ['fail', 'warn'] as const) {
      const prefix = mode === 'fail' ? 'jest-preset-async' : 'jest-preset-async (warning)';
      const headline = (n: number) => `${prefix}: ${who} left ${n} thing${n === 1 ? '' : 's'} running${unchecked}:`;
      const error = buildReport(headline, findings.filter((finding) => this.modeOf(finding.kind) === mode), this.report);
      if (error && mode === 'fail') fail(error);
      else if (error) this.warn(label ? `${label}\n${error.message}` : error.message);
    }
    for (const finding of findings) if (this.modeOf(finding.kind) !== 'off') finding.release?.();
  }

  private reportOutside(state: Circus.State, findings: Finding[], where: string): void {
    this.judge(findings, where, '', (error) => state.unhandledErrors.push(error));
  }
}

export { AsyncEnvironment as TestEnvironment };
export { LEAK_KINDS, type LeakKind };
