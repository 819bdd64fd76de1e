/**
 * The cleanup matchers' way to the environment's tracker (src/environment/probe.ts). Outside the
 * preset's environment there is none: a matcher error says what is needed.
 */
import type { MatcherContext } from 'expect';
import type { ProbeHost } from '../src/environment/probe';
import { fail, type HintOptions } from './utils';

const PROBE = Symbol.for('jest-preset-async.probe');

export type { ProbeRun, ProbeHost } from '../src/environment/probe';

export function probeHost(ctx: MatcherContext, name: string, expectedArg: string | undefined, options: HintOptions, received: unknown): ProbeHost {
  const host = (globalThis as Record<symbol, unknown>)[PROBE] as ProbeHost | undefined;
  if (!host) {
    fail(ctx, name, expectedArg, options, `${name} needs the preset's environment: testEnvironment: 'jest-preset-async/environment' (or preset: 'jest-preset-async')`, 'Received', received);
  }
  return host;
}

/** The received value must be a function: the matcher calls it itself, inside a probe. */
export function ensureFunction(ctx: MatcherContext, name: string, expectedArg: string | undefined, options: HintOptions, received: unknown): (...args: unknown[]) => unknown {
  if (typeof received !== 'function') {
    fail(ctx, name, expectedArg, options, `${ctx.utils.RECEIVED_COLOR('received')} value must be a function (the matcher calls it)`, 'Received', received);
  }
  return received as (...args: unknown[]) => unknown;
}
