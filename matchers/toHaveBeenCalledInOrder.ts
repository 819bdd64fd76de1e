import type { MatcherFunction } from 'expect';
import { spyNames } from '../src/environment/spyNames';
import { fail, hintOptions, isMock, type MockLike } from './utils';

const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

const DEFAULT_NAME = 'jest.fn()';

/** `mockName(...)`, else the spied method's name (recorded by the preset's environment), else none. */
function nameOf(mock: MockLike): string | undefined {
  const given = mock.getMockName();
  return given === DEFAULT_NAME ? spyNames()?.get(mock) : given;
}

/** A label per distinct mock: its name, with `#k` where it has none or shares it with another. */
function labelMocks(mocks: MockLike[]): Map<MockLike, string> {
  const distinct = [...new Set(mocks)];
  const names = distinct.map(nameOf);
  const labels = new Map<MockLike, string>();
  distinct.forEach((mock, i) => {
    const name = names[i];
    const unique = name !== undefined && names.indexOf(name) === names.lastIndexOf(name);
    labels.set(mock, unique ? name : `${name ?? 'mock'} #${i + 1}`);
  });
  return labels;
}

type Break =
  | { kind: 'never'; index: number; nth: number; calls: number }
  | { kind: 'early'; index: number; nth: number; previous: number; previousNth: number };

/** Each entry takes the next unused call of its mock; their call orders must increase. */
function findBreak(mocks: MockLike[]): Break | null {
  const used = new Map<MockLike, number>();
  let previousOrder = Number.NEGATIVE_INFINITY;
  let previous = -1;
  let previousNth = 0;
  for (const [index, mock] of mocks.entries()) {
    const nth = (used.get(mock) ?? 0) + 1;
    used.set(mock, nth);
    const order = mock.mock.invocationCallOrder[nth - 1];
    if (order === undefined) return { kind: 'never', index, nth, calls: mock.mock.invocationCallOrder.length };
    if (order < previousOrder) return { kind: 'early', index, nth, previous, previousNth };
    previousOrder = order;
    previous = index;
    previousNth = nth;
  }
  return null;
}

/** Every call of the listed mocks, oldest first: "1. lock (1st call)". */
function timeline(mocks: MockLike[], labels: Map<MockLike, string>): string {
  const calls = [...new Set(mocks)].flatMap((mock) =>
    mock.mock.invocationCallOrder.map((order, i) => ({ order, text: `${labels.get(mock)} (${ordinal(i + 1)} call)` })),
  );
  if (!calls.length) return 'Call timeline: none of the mocks was called';
  calls.sort((a, b) => a.order - b.order);
  return 'Call timeline:\n' + calls.map((call, i) => `  ${i + 1}. ${call.text}`).join('\n');
}

/** The matcher under a name (it has an alias, and the hint shows the name the test used). */
export const calledInOrder = (MATCHER_NAME: string): MatcherFunction<[]> => function (received, ...rest: unknown[]) {
  const options = hintOptions(this);
  this.utils.ensureNoExpected(rest[0], MATCHER_NAME, options);
  if (!Array.isArray(received) || received.length === 0) {
    fail(this, MATCHER_NAME, '', options, `${this.utils.RECEIVED_COLOR('received')} value must be a non-empty array of mocks or spies`, 'Received', received);
  }
  const badIndex = received.findIndex((entry) => !isMock(entry));
  if (badIndex >= 0) {
    fail(this, MATCHER_NAME, '', options, `${this.utils.RECEIVED_COLOR(`received[${badIndex}]`)} must be a mock or spy function`, `received[${badIndex}]`, received[badIndex]);
  }
  const mocks = received as MockLike[];
  const broken = findBreak(mocks);

  return {
    pass: broken === null,
    message: () => {
      const { utils } = this;
      const labels = labelMocks(mocks);
      const name = (index: number) => labels.get(mocks[index] as MockLike) as string;
      const order = mocks.map((_, i) => name(i)).join(' → ');
      let verdict: string;
      if (!broken) {
        verdict = 'Received: the calls happened in this order';
      } else if (broken.kind === 'never') {
        verdict = `Received: entry ${broken.index + 1} (${utils.RECEIVED_COLOR(name(broken.index))}) has no ${ordinal(broken.nth)} call; it was called ${broken.calls} time${broken.calls === 1 ? '' : 's'}`;
      } else {
        verdict =
          `Received: entry ${broken.index + 1} (${utils.RECEIVED_COLOR(name(broken.index))}, ${ordinal(broken.nth)} call) ` +
          `came before entry ${broken.previous + 1} (${name(broken.previous)}, ${ordinal(broken.previousNth)} call)`;
      }
      return (
        utils.matcherHint(MATCHER_NAME, undefined, '', options) +
        '\n\n' +
        `Expected: ${this.isNot ? 'not ' : ''}called in the order ${utils.EXPECTED_COLOR(order)}\n` +
        verdict +
        '\n\n' +
        timeline(mocks, labels)
      );
    },
  };
};

/**
 * Passes when the listed mocks were called in this order; `[lock, write, lock]` means lock, then
 * write, then lock again. Each entry takes the next unused call of its mock.
 */
export const toHaveBeenCalledInOrder = calledInOrder('toHaveBeenCalledInOrder');
