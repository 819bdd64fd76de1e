/**
 * The detector's settings: `testEnvironmentOptions['jest-preset-async']` for a project, a docblock
 * pragma for one file. A bad setting is an error that names it, thrown when the file starts.
 */
import { LEAK_KINDS, type LeakKind } from './kinds';
import { didYouMean } from '../helpers/validate';

export type Mode = 'fail' | 'warn' | 'off';

/**
 * When the verdict on what a test left running falls: `'file'` (default) once the file's afterAll
 * hooks ran, so that what the file closes on purpose is no leak; `'test'` right after the test.
 */
export type Scope = 'file' | 'test';

export interface IgnoreRule {
  kind?: LeakKind;
  /** Matched against the creation stack. */
  stack?: RegExp;
}

export interface DetectorOptions {
  handles: Mode;
  promises: Mode;
  unawaitedAssertions: Mode;
  hangs: Mode;
  fakeTimers: Mode;
  graceMs: number;
  scope: Scope;
  ignore: IgnoreRule[];
}

export const DEFAULTS: DetectorOptions = {
  handles: 'fail',
  promises: 'fail',
  unawaitedAssertions: 'fail',
  hangs: 'fail',
  fakeTimers: 'off',
  graceMs: 30,
  scope: 'file',
  ignore: [],
};

export const OPTIONS_KEY = 'jest-preset-async';
const MODES: readonly Mode[] = ['fail', 'warn', 'off'];
const CATEGORIES = ['handles', 'promises', 'unawaitedAssertions', 'hangs', 'fakeTimers'] as const;

/** A settings error: the message says everything, so no stack frame of this file is shown. */
function bad(where: string, what: string, value: unknown): Error {
  const error = new Error(`jest-preset-async: ${where}: ${what}, received ${JSON.stringify(value) ?? String(value)}`);
  error.stack = error.message;
  return error;
}

function parseRule(where: string, rule: unknown): IgnoreRule {
  if (typeof rule === 'string') {
    if (!LEAK_KINDS.includes(rule as LeakKind)) throw bad(where, `an ignore rule must be one of ${LEAK_KINDS.join(', ')}`, rule);
    return { kind: rule as LeakKind };
  }
  if (typeof rule === 'object' && rule !== null) {
    const { kind, stack } = rule as { kind?: unknown; stack?: unknown };
    const parsed: IgnoreRule = {};
    if (kind !== undefined) parsed.kind = parseRule(where, kind).kind as LeakKind;
    if (stack !== undefined) {
      if (typeof stack !== 'string' && !(stack instanceof RegExp)) throw bad(where, 'ignore[].stack must be a string (a RegExp source) or a RegExp', stack);
      try {
        parsed.stack = new RegExp(stack);
      } catch (error) {
        throw bad(where, `ignore[].stack is not a valid RegExp (${String(error)})`, String(stack));
      }
    }
    if (!parsed.kind && !parsed.stack) throw bad(where, 'an ignore rule needs a kind, a stack pattern or both', rule);
    return parsed;
  }
  throw bad(where, 'an ignore rule is a kind name or { kind?, stack? }', rule);
}

/** Applies a partial settings object onto `base`; unknown keys and bad values are errors. */
export function applyOptions(base: DetectorOptions, raw: unknown, where: string): DetectorOptions {
  if (raw === undefined) return base;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad(where, 'expected an object of settings', raw);
  const next: DetectorOptions = { ...base, ignore: [...base.ignore] };
  for (const [key, value] of Object.entries(raw)) {
    if ((CATEGORIES as readonly string[]).includes(key)) {
      if (!MODES.includes(value as Mode)) throw bad(where, `${key} must be "fail", "warn" or "off"`, value);
      next[key as (typeof CATEGORIES)[number]] = value as Mode;
    } else if (key === 'graceMs') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 60_000) {
        throw bad(where, 'graceMs must be a number of milliseconds from 0 to 60000', value);
      }
      next.graceMs = value;
    } else if (key === 'scope') {
      if (value !== 'file' && value !== 'test') throw bad(where, 'scope must be "file" or "test"', value);
      next.scope = value;
    } else if (key === 'ignore') {
      if (!Array.isArray(value)) throw bad(where, 'ignore must be an array of rules', value);
      next.ignore.push(...value.map((rule) => parseRule(where, rule)));
    } else {
      const known = [...CATEGORIES, 'graceMs', 'scope', 'ignore'];
      throw bad(where, `unknown setting "${key}"${didYouMean(key, known)} (known: ${known.join(', ')})`, value);
    }
  }
  return next;
}

/**
 * The detector's settings written straight into `testEnvironmentOptions` instead of under its key
 * would be ignored without a word: an error that says where they go.
 */
export function rejectMisplaced(testEnvironmentOptions: Record<string, unknown>): void {
  const misplaced = Object.keys(testEnvironmentOptions).filter((key) => Object.hasOwn(DEFAULTS, key));
  if (!misplaced.length) return;
  const moved = Object.fromEntries(misplaced.map((key) => [key, testEnvironmentOptions[key]]));
  throw bad(
    'testEnvironmentOptions',
    `${misplaced.map((key) => `"${key}"`).join(', ')} ${misplaced.length === 1 ? 'is a setting' : 'are settings'} of the leak detection: write testEnvironmentOptions: { "${OPTIONS_KEY}": ${JSON.stringify(moved)} }`,
    moved,
  );
}

/**
 * `@jest-preset-async handles=warn promises=off graceMs=100 ignore=immediate,timer` in the test
 * file's docblock (Jest hands the pragmas to the environment).
 */
export function parsePragma(value: string | string[] | undefined): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  const raw: Record<string, unknown> = {};
  for (const part of (Array.isArray(value) ? value.join(' ') : value).split(/\s+/).filter(Boolean)) {
    const [key, setting] = part.split('=', 2);
    if (!key || setting === undefined) throw bad('docblock pragma @jest-preset-async', 'settings are written key=value', part);
    raw[key] = key === 'graceMs' ? Number(setting) : key === 'ignore' ? setting.split(',') : setting;
  }
  return raw;
}
