/**
 * The cleanup assertions' view of the tracker (DESIGN section 5). `toLeaveNothingRunning` and
 * `toAbortCleanly` run the user's function as a probe: an owner of its own inside the running test,
 * so that what it starts is told apart from what the test started before. They ask what the probe
 * left alive, by the leak verdict's rules, and then hand it to the test (`close`): what the test
 * releases afterwards is not reported again; what it does not is the test's leak.
 *
 * For `toAbortCleanly` a second hook, on only while such a probe runs, counts the probe's steps
 * (each callback or promise reaction of its code that ran to its end: the points where it gave the
 * event loop back) and notes where each `await` of its code was made, so that the abort can be
 * delivered after step k and the report can say where the function was suspended.
 */
import { createHook, executionAsyncId } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { buildReport, location, userFrames, type Finding, type ReportContext } from './report';
import { isRepeatingTimer } from './kinds';
import { captureSite, newOwner, type HandleRecord, type Owner, type Site, type Tracker } from './tracker';

/** The matchers reach the host through this global. */
export const PROBE = Symbol.for('jest-preset-async.probe');

/** Delivering an abort after a given step of the probe's code. */
export interface Stepper {
  /** Abort after this many steps (0: right after the function returned). */
  at: number;
  abort(): void;
}

export interface ProbeRun {
  /** What the function returned, or the exception it threw. */
  outcome: { returned: unknown } | { threw: unknown };
  /** Steps of the probe's code that ran so far (an interval's beats are not steps). */
  steps(): number;
  /** No step ran for a while and no short timer is pending: it waits for something from outside. */
  idle(): boolean;
  /** "while suspended at a.ts:9:5 (inside b.ts:3:9)": where the probe's code waits now (its newest await, and the one below it). */
  suspendedAt(): string | undefined;
  /** Where it waited when the stepper aborted it (undefined until then). */
  abortedAt(): string | undefined;
  /** Whether the stepper's abort was delivered. */
  aborted(): boolean;
  /**
   * After the grace period: what the probe left alive (handles; pending promises something waits on
   * and a forced GC cannot collect), as the leak report's lines, or null.
   */
  leftovers(graceful?: boolean): Promise<{ count: number; report: string } | null>;
  /** Hands what is left to the test. */
  close(): void;
}

export interface ProbeHost {
  run(fn: (...args: unknown[]) => unknown, args: unknown[], stepper?: Stepper): ProbeRun;
}

/** What the probe needs of the environment: its verdict's own rules. */
export interface ProbeDeps {
  tracker: Tracker;
  report: ReportContext;
  grace(busy: () => boolean): Promise<void>;
  liveRecords(owner: Owner): HandleRecord[];
  handleFindings(records: HandleRecord[]): Finding[];
  promiseFindings(ids: number[]): Finding[];
  promisesJudged(owner: Owner): boolean;
  reachable(refs: Map<number, WeakRef<object>>): Promise<Set<number>>;
}

const AWAIT_FRAMES = 8;
/** No step for this long, and no short timer pending: the operation waits for something from outside (the abort). */
const IDLE_MS = 50;
/** A pending one-shot timer up to this long is a step to come (a sleep, a backoff). */
const SHORT_TIMER_MS = 1000;

const shortTimer = (timer: object | undefined): boolean => ((timer as { _idleTimeout?: number } | undefined)?._idleTimeout ?? Infinity) <= SHORT_TIMER_MS;

export function makeProbeHost(deps: ProbeDeps): ProbeHost {
  const { tracker } = deps;
  return {
    run(fn, args, stepper) {
      const parent = tracker.currentOwner();
      if (!parent || parent.ended) throw new Error('works inside a test or hook that runs under the jest-preset-async environment');
      const owner = newOwner('probe', parent.name);
      (parent.probes ??= []).push(owner);
      let steps = 0;
      let lastStepAt = performance.now();
      /** The probe's timers by id, to tell an interval's beat from a step. */
      const timers = new Map<number, WeakRef<object>>();
      let abortedAt: string | undefined;
      let aborted = false;
      /** Each `await` (and `then`) of the probe's code that has not resumed yet: where, and the promise it waits on. */
      const awaits = new Map<number, { on: number; site: Site }>();
      const suspendedAt = (): string | undefined => {
        const places: string[] = [];
        let resuming = false;
        for (const { on, site } of [...awaits.values()].reverse()) {
          const place = location(userFrames(site, deps.report.ownDirs)[0], deps.report.rootDir);
          if (!place || places.includes(place)) continue;
          // What it awaits has settled: its resumption is queued, it goes on before it sees the abort.
          // What it awaits may be another owner's (a deferred the test made); an untracked one counts as pending.
          if (!places.length) resuming = tracker.ownerOf(on) !== undefined && !tracker.isPending(on);
          places.push(place);
          if (places.length === 2) break;
        }
        if (!places.length) return undefined;
        // The newest await is the outermost of a chain: an async function's own awaits are made
        // during the call, before the caller awaits what it returned.
        return (resuming ? `as it resumed from ${places[0]}` : `while suspended at ${places[0]}`) + (places[1] ? ` (inside ${places[1]})` : '');
      };
      const deliver = () => {
        if (aborted || !stepper) return;
        aborted = true;
        // Called from an async hook, where an exception would end the process.
        try {
          abortedAt = suspendedAt();
        } catch {
          // A stack that cannot be formatted: the place goes unnamed, the abort is still sent.
        }
        try {
          stepper.abort();
        } catch {
          // The abort's own listeners report theirs through the event target.
        }
      };
      const hook = stepper
        ? createHook({
            // An exception in an async hook ends the process: each callback keeps its own.
            init: function init(id, type, triggerId, resource) {
              try {
                if (type === 'Timeout' && tracker.ownerOf(id) === owner) timers.set(id, new WeakRef(resource));
                if (type !== 'PROMISE' || triggerId === executionAsyncId() || tracker.ownerOf(id) !== owner) return;
                awaits.set(id, { on: triggerId, site: captureSite(AWAIT_FRAMES, init) });
              } catch {
                // Near the stack limit even a capture can throw: that await goes unnamed.
              }
            },
            before(id) {
              awaits.delete(id);
            },
            after(id) {
              if (tracker.ownerOf(id) !== owner) return;
              // An interval's beat is background work, not a step of the operation (it has no end).
              if (isRepeatingTimer(timers.get(id)?.deref())) return;
              lastStepAt = performance.now();
              steps++;
              if (steps === stepper.at) deliver();
            },
          }).enable()
        : undefined;

      let outcome: ProbeRun['outcome'];
      try {
        outcome = { returned: tracker.wrap(fn, owner)(...args) };
      } catch (error) {
        outcome = { threw: error };
      }
      if (stepper?.at === 0) deliver();

      return {
        outcome,
        steps: () => steps,
        idle: () =>
          performance.now() - lastStepAt >= IDLE_MS &&
          !deps.liveRecords(owner).some((record) => record.type === 'Immediate' || (record.type === 'Timeout' && !isRepeatingTimer(record.ref.deref()) && shortTimer(record.ref.deref()))),
        suspendedAt,
        abortedAt: () => abortedAt,
        aborted: () => aborted,
        async leftovers(graceful = true) {
          // The awaits' unformatted stacks hold their frames' closures: not during the GC below.
          awaits.clear();
          const promisesOn = deps.promisesJudged(owner);
          if (graceful) await deps.grace(() => deps.liveRecords(owner).length > 0 || (promisesOn && tracker.waitedPromises(owner).length > 0));
          const findings = deps.handleFindings(deps.liveRecords(owner));
          const waited = promisesOn ? tracker.waitedPromises(owner) : [];
          if (waited.length) {
            const promises = deps.promiseFindings(waited);
            tracker.dropSites(owner);
            const held = tracker.weaken(waited);
            const alive = await deps.reachable(held.refs);
            held.hold(alive);
            findings.push(...promises.filter((_, i) => alive.has(waited[i] as number)));
          }
          const report = buildReport(() => '', findings, deps.report, '');
          return report ? { count: findings.length, report: report.message.replace(/^\n+/, '').trimEnd() } : null;
        },
        close() {
          const at = parent.probes?.indexOf(owner) ?? -1;
          if (at >= 0) parent.probes?.splice(at, 1);
          hook?.disable();
          awaits.clear();
          timers.clear();
          // The test may have ended meanwhile (it timed out): then what is left counts for nobody.
          if (parent.closed) tracker.forget(owner);
          else if (!owner.closed) tracker.adopt(owner, parent);
        },
      };
    },
  };
}
