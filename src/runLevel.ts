/**
 * Run level: what `globalSetup` opened and nothing closed. The preset starts a small recorder of
 * handles in Jest's main process when it is loaded (before globalSetup runs), pauses it when the
 * tests start, and the preset's `globalTeardown` (src/teardown.ts) reports the ones that are still
 * alive and were created by the globalSetup module.
 */
import { createHook, type AsyncHook } from 'node:async_hooks';
import { IGNORED_TYPES } from './environment/kinds';

export interface RecordedHandle {
  type: string;
  /** The resource that caused it (a DNS lookup for the server it then opens). */
  trigger: number;
  /** Null for one-shot requests: kept only for the lineage of what they open. */
  ref: WeakRef<object> | null;
  site: { stack?: string };
}

const RECORDER = Symbol.for('jest-preset-async.runLevelRecorder');
type Recorder = { hook: AsyncHook; handles: Map<number, RecordedHandle> };

/** Starts recording once per process (the preset may be loaded more than once). */
export function startRunLevelRecorder(): void {
  const store = globalThis as Record<symbol, Recorder | undefined>;
  if (store[RECORDER]) return;
  const handles = new Map<number, RecordedHandle>();
  const init = (id: number, type: string, trigger: number, resource: object) => {
    if (type === 'PROMISE') return;
    try {
      const site: { stack?: string } = {};
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 40;
      Error.captureStackTrace(site, init);
      Error.stackTraceLimit = limit;
      handles.set(id, { type, trigger, ref: IGNORED_TYPES.has(type) ? null : new WeakRef(resource), site });
    } catch {
      // never throw from an async hook
    }
  };
  store[RECORDER] = { hook: createHook({ init }).enable(), handles };
}

/**
 * Stops recording, keeping what was recorded: called when the tests start (the reporter's
 * onRunStart comes after globalSetup; an environment in Jest's own process is a second signal).
 * What tests create is the environment's business, and is not held here.
 */
export function pauseRunLevelRecorder(): void {
  (globalThis as Record<symbol, Recorder | undefined>)[RECORDER]?.hook.disable();
  setOwnSourceMaps(false);
}

const SOURCE_MAPS = Symbol.for('jest-preset-async.sourceMaps');
type SourceMapsProcess = { setSourceMapsEnabled?: (on: boolean) => void; sourceMapsEnabled?: boolean };

/**
 * Node's source maps for the stacks of globalSetup (transformed, as tests are), turned on by the
 * preset only if they were off. On while tests run in this process (-i), Node would read the map of
 * every module Jest loads (measured: most of the in-band per-file cost of the trivial bench), so
 * they are off again once tests start, and on again for the teardown to format its stacks.
 */
export function setOwnSourceMaps(on: boolean): void {
  const node = process as unknown as SourceMapsProcess;
  const store = globalThis as Record<symbol, boolean | undefined>;
  if (on && store[SOURCE_MAPS] === undefined) {
    const userOn = node.sourceMapsEnabled ?? [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--enable-source-maps');
    store[SOURCE_MAPS] = !userOn;
  }
  if (store[SOURCE_MAPS]) node.setSourceMapsEnabled?.(on);
}

/** Stops recording and returns what was recorded. */
export function stopRunLevelRecorder(): Map<number, RecordedHandle> {
  const store = globalThis as Record<symbol, Recorder | undefined>;
  const recorder = store[RECORDER];
  if (!recorder) return new Map();
  recorder.hook.disable();
  store[RECORDER] = undefined;
  return recorder.handles;
}

const LEAKS_REPORTED = Symbol.for('jest-preset-async.leaksReported');

/** A file of this process reported something left running: what it started may keep working after the run. */
export function noteLeaksReported(): void {
  (globalThis as Record<symbol, boolean | undefined>)[LEAKS_REPORTED] = true;
}

/** Whether a file run in this process (in band: Jest's own) reported something left running. */
export function leaksReported(): boolean {
  return (globalThis as Record<symbol, boolean | undefined>)[LEAKS_REPORTED] === true;
}
