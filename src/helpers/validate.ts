/** Argument checks shared by the helpers: a TypeError that names the helper, the argument and what it got. */
import { inspect } from 'node:util';

/** The largest delay Node's timers honour; a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2_147_483_647;

const show = (value: unknown): string => inspect(value, { depth: 1, breakLength: Infinity });

export function badArgument(helper: string, argument: string, expectation: string, received: unknown): TypeError {
  return new TypeError(`${helper}: ${argument} must be ${expectation}, received ${show(received)}`);
}

export function ensureMs(helper: string, argument: string, value: unknown, { positive = false } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS || (positive && value === 0)) {
    throw badArgument(helper, argument, `a ${positive ? 'positive' : 'non-negative'} number of milliseconds up to ${MAX_TIMER_MS}`, value);
  }
  return value;
}
