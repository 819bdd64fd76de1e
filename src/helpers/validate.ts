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

/** Edit distance between two short names (insertions, deletions, substitutions), case ignored. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[y.length]!;
}

/** ' (did you mean "graceMs"?)' for a misspelled name, or '' when no known name is close. */
export function didYouMean(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}
