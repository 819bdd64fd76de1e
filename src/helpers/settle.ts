/**
 * Observing how a promise settles, on the real clock or on Jest's fake clock.
 * Shared by the async matchers and the timeout helpers.
 */
import { advanceFakeTime, fakeNow, fakeTimersKind, type FakeTimersKind } from './fakeTimers';
import { observe, quietly } from './observe';
import { realClearTimeout, realNow, realSetTimeout } from './realTimers';

export type Outcome =
  | { status: 'fulfilled'; value: unknown; elapsed: number }
  | { status: 'rejected'; reason: unknown; elapsed: number }
  | { status: 'pending'; elapsed: number };

/** `inTime`: it settled before the limit passed (see settleWithin). */
export type TimedOutcome = Outcome & { clock: 'real' | FakeTimersKind; inTime: boolean };

/**
 * Resolves with the outcome of `thenable` once it settles, `elapsed` counted from `startedAt`
 * on `now`. Never rejects: the rejection is observed (and so handled) here.
 */
export function outcomeOf(thenable: PromiseLike<unknown>, now: () => number, startedAt: number): Promise<Outcome> {
  return observe<unknown, Outcome>(
    thenable,
    (value) => ({ status: 'fulfilled', value, elapsed: now() - startedAt }),
    (reason: unknown) => ({ status: 'rejected', reason, elapsed: now() - startedAt }),
  );
}

/** Calls `onOutcome` with the outcome once it is known (an outcome never rejects). */
export function watch(outcome: Promise<Outcome>, onOutcome: (outcome: Outcome) => unknown): Promise<unknown> {
  return observe(outcome, onOutcome, () => undefined);
}

/** How many steps the fake clock takes to cover a limit: the overshoot past a settle is at most one step. */
const FAKE_STEPS = 20;

/**
 * Starts `start()` and reports how it settled within `ms`: on the real clock with one timer,
 * cleared on every path; under Jest's fake timers by advancing the fake clock, in steps, until
 * the promise settles or `ms` of fake time has passed (never waiting in real time).
 * `start` may throw only for bad input; a rejection it returns is an outcome.
 *
 * On the real clock "in time" means it settled before the deadline timer fired, and the synchronous
 * part of `start()` did not itself take longer than `ms`: measured times also include the delay of
 * the event loop in reaching the callback, which must not turn a promise that was already settled
 * into a late one.
 */
export async function settleWithin(start: () => PromiseLike<unknown>, ms: number): Promise<TimedOutcome> {
  const fake = fakeTimersKind();
  const clock = fake ? fakeNow : realNow;
  // A promise that settles after the matcher returned must not read the clock: by then the
  // test (and Jest's fake clock) may be gone.
  let finished = false;
  const now = () => (finished ? Number.NaN : clock());
  const startedAt = now();
  let settled: Outcome | undefined;
  let timer: ReturnType<typeof realSetTimeout> | undefined;
  const deadline = fake
    ? undefined
    : new Promise<void>((resolve) => {
        timer = realSetTimeout(resolve, ms);
        timer.unref();
      });
  try {
    const watching = watch(outcomeOf(start(), now, startedAt), (outcome) => (settled = outcome));
    const syncElapsed = now() - startedAt;

    if (fake) {
      await advanceFakeTime(fake, 0);
      const step = Math.max(1, Math.ceil(ms / FAKE_STEPS));
      for (let advanced = 0; !settled && advanced < ms; advanced += step) {
        await advanceFakeTime(fake, Math.min(step, ms - advanced));
      }
      const outcome: Outcome = settled ?? { status: 'pending', elapsed: Math.max(now() - startedAt, ms) };
      return { ...outcome, clock: fake, inTime: settled !== undefined && Math.floor(outcome.elapsed) <= ms };
    }

    await quietly(() => Promise.race([watching, deadline]));
    // A timer may fire a fraction of a millisecond early on the monotonic clock: pending means the limit passed.
    const outcome: Outcome = settled ?? { status: 'pending', elapsed: Math.max(now() - startedAt, ms) };
    return { ...outcome, clock: 'real', inTime: settled !== undefined && Math.floor(syncElapsed) <= ms };
  } finally {
    finished = true;
    realClearTimeout(timer);
  }
}
