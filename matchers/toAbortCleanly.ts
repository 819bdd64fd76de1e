import type { MatcherContext, MatcherFunction } from 'expect';
import { advanceFakeTime, fakeTimersKind } from '../src/helpers/fakeTimers';
import { nextMacrotask, realClearTimeout, realNow, realSetTimeout, realSleep } from '../src/helpers/realTimers';
import { quietly } from '../src/helpers/observe';
import { outcomeOf, settleWithin, watch, type Outcome } from '../src/helpers/settle';
import { isThenable } from '../src/helpers/thenable';
import { didYouMean, MAX_TIMER_MS } from '../src/helpers/validate';
import { ensureFunction, probeHost, type ProbeHost } from './probe';
import { fail, formatMs, hintOptions, printReason, type HintOptions } from './utils';

const MATCHER_NAME = 'toAbortCleanly';

interface Options {
  after: number;
  within: number;
  everyStep: boolean;
  maxRuns: number;
}

/**
 * The unaborted run that counts the steps ends at the latest after this long, or this many steps
 * per run allowed: an operation that is never idle (a poller with a short timer always pending).
 */
const DISCOVERY_MS = 5000;
const MAX_STEPS_PER_RUN = 10;

/** How often the unaborted run is checked for being idle. */
const IDLE_POLL_MS = 10;

/** Failed runs listed after the first one's report. */
const MAX_OTHERS = 5;

const DEFAULTS: Options = { after: 0, within: 1000, everyStep: false, maxRuns: 100 };

/** What went wrong in one run, or null when it stopped cleanly. */
interface RunResult {
  /** "aborted after 0 ms while suspended at agent.ts:12:5" */
  which: string;
  problem: string | null;
  /** How it settled, for the `.not` message. */
  settled: string;
}

function parseOptions(ctx: MatcherContext, options: HintOptions, expectedArg: string, value: unknown): Options {
  if (value === undefined) return DEFAULTS;
  const bad = (problem: string, label: string, shown: unknown): never =>
    fail(ctx, MATCHER_NAME, expectedArg, options, problem, label, shown, ctx.utils.printExpected);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(`${ctx.utils.EXPECTED_COLOR('options')} must be an object { after?, within?, everyStep?, maxRuns? }`, 'Options', value);
  const given = value as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(key in DEFAULTS)) bad(`unknown option ${ctx.utils.EXPECTED_COLOR(key)}${didYouMean(key, Object.keys(DEFAULTS))}: the options are after, within, everyStep and maxRuns`, 'Options', value);
  }
  const ms = (key: 'after' | 'within'): number => {
    const ms = given[key] ?? DEFAULTS[key];
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_TIMER_MS) {
      bad(`${ctx.utils.EXPECTED_COLOR(key)} must be a finite number of milliseconds from 0 to ${MAX_TIMER_MS}`, key, ms);
    }
    return ms as number;
  };
  const everyStep = given.everyStep ?? false;
  if (typeof everyStep !== 'boolean') bad(`${ctx.utils.EXPECTED_COLOR('everyStep')} must be true or false`, 'everyStep', everyStep);
  const maxRuns = given.maxRuns ?? DEFAULTS.maxRuns;
  if (typeof maxRuns !== 'number' || !Number.isInteger(maxRuns) || maxRuns < 1) bad(`${ctx.utils.EXPECTED_COLOR('maxRuns')} must be a whole number of at least 1`, 'maxRuns', maxRuns);
  return { after: ms('after'), within: ms('within'), everyStep: everyStep as boolean, maxRuns: maxRuns as number };
}

/** The points to abort at, 0 … steps−1, at most `max` of them, spread evenly (first and last included). */
export function pickSteps(steps: number, max: number): number[] {
  const all = Math.max(steps, 1);
  if (all <= max) return Array.from({ length: all }, (_, i) => i);
  if (max === 1) return [0];
  return [...new Set(Array.from({ length: max }, (_, i) => Math.round((i * (all - 1)) / (max - 1))))];
}

/** Waits until one of the promises settles or `ms` real milliseconds pass; leaves no timer or pending promise behind. */
async function raceFor(ms: number, ...promises: Array<PromiseLike<unknown>>): Promise<void> {
  let release!: () => void;
  const bound = new Promise<void>((resolve) => (release = resolve));
  const timer = realSetTimeout(release, ms);
  try {
    await quietly(() => Promise.race([...promises, bound]));
  } finally {
    realClearTimeout(timer);
    release();
  }
}

const isAbortReason = (reason: unknown, signal: AbortSignal): boolean =>
  reason === signal.reason || (typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'AbortError');

/**
 * One run: calls `fn(signal)` as a probe, aborts (after `after` ms, or after step `step`), and
 * judges: it settles within `within` ms, with a value or an abort error, leaving nothing running.
 */
async function runOnce(ctx: MatcherContext, host: ProbeHost, fn: (...args: unknown[]) => unknown, options: Options, step?: { at: number; of: number }): Promise<RunResult> {
  const controller = new AbortController();
  let abortDone!: () => void;
  const aborting = new Promise<void>((resolve) => (abortDone = resolve));
  const run = host.run(fn, [controller.signal], {
    at: step ? step.at : -1,
    abort: () => {
      controller.abort();
      abortDone();
    },
  });
  const { utils } = ctx;
  try {
    if ('threw' in run.outcome) return { which: 'called', problem: `it threw before it was aborted: ${printReason(utils, run.outcome.threw)}`, settled: 'threw' };
    const returned = run.outcome.returned;
    const promise = isThenable(returned) ? returned : Promise.resolve(returned);
    let settledEarly: Outcome | undefined;
    const watching = watch(outcomeOf(promise, () => 0, 0), (outcome) => (settledEarly = outcome));

    let where: string | undefined;
    if (step) {
      // A run that neither reaches its step nor settles (it went another way) is aborted where it is.
      await raceFor(options.within, aborting, watching);
      where = run.aborted() ? run.abortedAt() : run.suspendedAt();
      if (!run.aborted()) controller.abort();
    } else {
      const fake = fakeTimersKind();
      if (fake) await advanceFakeTime(fake, options.after);
      else if (options.after === 0) await nextMacrotask();
      else await realSleep(options.after);
      where = run.suspendedAt();
      if (!settledEarly) controller.abort();
    }
    const which =
      (step ? `step ${step.at + 1} of ${step.of}, aborted` : `aborted after ${formatMs(options.after)}`) +
      (!step && settledEarly ? ' (it had settled before the abort)' : where ? ` ${where}` : '');

    const outcome = await settleWithin(() => promise, options.within);
    if (outcome.status === 'pending') {
      const left = await run.leftovers(false);
      return {
        which,
        problem: `still pending ${formatMs(options.within)} after the abort` + (left ? `, waiting on:\n\n${left.report}` : ''),
        settled: 'pending',
      };
    }
    if (outcome.status === 'rejected' && !isAbortReason(outcome.reason, controller.signal)) {
      return { which, problem: `rejected with another error than the abort: ${printReason(utils, outcome.reason)}`, settled: 'rejected' };
    }
    const settled = outcome.status === 'fulfilled' ? 'fulfilled' : `rejected with ${printReason(utils, outcome.reason)}`;
    const left = await run.leftovers();
    if (left) return { which, problem: `it ${settled}, but left ${left.count} thing${left.count === 1 ? '' : 's'} running:\n\n${left.report}`, settled };
    return { which, problem: null, settled };
  } finally {
    run.close();
  }
}

/**
 * Runs `fn` once, unaborted, to its end or until it is idle (waiting for the abort: a perpetual
 * operation), and counts the steps at which it gave the event loop back. An idle run is aborted then.
 */
async function countSteps(host: ProbeHost, fn: (...args: unknown[]) => unknown, within: number, maxSteps: number): Promise<number> {
  const controller = new AbortController();
  const run = host.run(fn, [controller.signal], { at: -1, abort: () => undefined });
  try {
    if ('threw' in run.outcome || !isThenable(run.outcome.returned)) return 0;
    let settled = false;
    const watching = watch(outcomeOf(run.outcome.returned, () => 0, 0), () => (settled = true));
    // A poller that is never idle (it always has a short timer pending) is followed for a while only.
    const until = realNow() + DISCOVERY_MS;
    while (!settled && !run.idle() && run.steps() < maxSteps && realNow() < until) await raceFor(IDLE_POLL_MS, watching);
    const steps = run.steps();
    if (!settled) {
      controller.abort();
      await settleWithin(() => watching, within);
    }
    return steps;
  } finally {
    run.close();
  }
}

/**
 * Calls `fn(signal)`, aborts the signal, and passes when the promise settles within `within` ms
 * (fulfilled, or rejected with the signal's reason or an AbortError) and nothing `fn` started is
 * still alive. `everyStep`: a fresh run aborted at each point where `fn` gives the event loop back.
 */
export const toAbortCleanly: MatcherFunction<[options?: unknown]> = async function (received, rawOptions) {
  const hint = hintOptions(this);
  const expectedArg = rawOptions === undefined ? '' : 'options';
  const fn = ensureFunction(this, MATCHER_NAME, expectedArg, hint, received);
  const options = parseOptions(this, hint, expectedArg, rawOptions);
  const host = probeHost(this, MATCHER_NAME, expectedArg, hint, received);
  if (options.everyStep && fakeTimersKind()) {
    fail(this, MATCHER_NAME, expectedArg, hint, `${this.utils.EXPECTED_COLOR('everyStep')} runs fn on the real clock: call jest.useRealTimers() first`, 'everyStep', true, this.utils.printExpected);
  }

  let result: RunResult;
  /** Other runs that did not stop cleanly (everyStep): one line each under the first. */
  const alsoFailed: string[] = [];
  let runs = 1;
  if (!options.everyStep) result = await runOnce(this, host, fn, options);
  else {
    const steps = await countSteps(host, fn, options.within, MAX_STEPS_PER_RUN * options.maxRuns);
    const points = pickSteps(steps, options.maxRuns);
    runs = points.length;
    result = { which: '', problem: null, settled: '' };
    for (const at of points) {
      const outcome = await runOnce(this, host, fn, options, { at, of: Math.max(steps, 1) });
      if (!outcome.problem) continue;
      if (result.problem) alsoFailed.push(`${outcome.which}: ${outcome.problem.split('\n')[0]!.replace(/(, waiting on)?:$/, '')}`);
      else result = outcome;
    }
  }
  const pass = result.problem === null;
  const what = options.everyStep ? `at every step` : `after ${formatMs(options.after)}`;

  return {
    pass,
    message: () => {
      const head = `${this.utils.matcherHint(MATCHER_NAME, 'fn', expectedArg, hint)}\n\n`;
      const others = alsoFailed.length ? `\n\nAlso not clean:\n${alsoFailed.slice(0, MAX_OTHERS).map((line) => `  ${line}`).join('\n')}${alsoFailed.length > MAX_OTHERS ? `\n  … and ${alsoFailed.length - MAX_OTHERS} more` : ''}` : '';
      if (!pass) return `${head}Expected: to stop cleanly within ${formatMs(options.within)} when aborted ${what}\nReceived: ${result.which}: ${result.problem}${others}`;
      const done = options.everyStep ? `every run stopped cleanly (${runs} run${runs === 1 ? '' : 's'})` : `it stopped cleanly: ${result.settled}, nothing left running`;
      return `${head}Expected: not to stop cleanly when aborted ${what}\nReceived: ${done}`;
    },
  };
};
