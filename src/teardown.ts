/**
 * The preset's `globalTeardown` (`jest-preset-async/teardown`): fails the run (exit code 1) when the project's
 * `globalSetup` opened something (a server, a database, a child process, a timer) that is still
 * alive after all tests, naming it and the line that created it.
 *
 * With a globalTeardown of your own, call this one at its end to keep the check:
 *   module.exports = async (globalConfig, projectConfig) => {
 *     await stopServices();
 *     await require('jest-preset-async/teardown')(globalConfig, projectConfig);
 *   };
 */
import type { Config } from '@jest/types';
import { describeResource, isAlive, kindOf } from './environment/kinds';
import { OWN_DIRS } from './helpers/ownFrames';
import { realSetTimeout } from './helpers/realTimers';
import { buildReport, type Finding } from './environment/report';
import { leaksReported, setOwnSourceMaps, stopRunLevelRecorder } from './runLevel';

const GRACE_MS = 100;
/** How long after the run what a reported leak started may keep Jest's process alive (Jest warns after 1 s). */
const END_AFTER_MS = 2000;

/**
 * globalSetup runs transformed (babel-jest for JavaScript, as in bare Jest), and the preset turns on
 * Node's source maps before it loads. Node maps a stack only with its own formatter, which a loaded
 * Babel replaces (to hide its frames): the creation stacks are formatted here without it.
 */
function readThroughSourceMaps(handles: Iterable<{ site: { stack?: string } }>): void {
  const prepare = Error.prepareStackTrace;
  (Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;
  setOwnSourceMaps(true);
  try {
    for (const handle of handles) void handle.site.stack;
  } finally {
    Error.prepareStackTrace = prepare;
    setOwnSourceMaps(false);
  }
}

/**
 * A leak the report named may be work that cannot be unref'd (a chain of requests, compression
 * jobs, a busy loop of promises): in band it would keep Jest's process running after the results,
 * for minutes or for ever. Once the run is over, if only such work keeps the process alive, it
 * ends, with Jest's exit code. Only from Jest's own command (a program that called runCLI keeps its
 * process), not while watching; workers are ended by Jest itself.
 */
function endWhenLeaksKeepRunning(globalConfig: Config.GlobalConfig): void {
  if (!leaksReported() || globalConfig.watch || globalConfig.watchAll || !/[\\/](jest|jest-cli)[\\/]bin[\\/]jest(\.js)?$|[\\/]\.bin[\\/]jest(\.cmd)?$/.test(process.argv[1] ?? '')) return;
  // Read when the package's modules loaded (in band, with the environment), before a test could install sinon's clock over Node's timers module.
  realSetTimeout(() => {
    process.stderr.write('\njest-preset-async: ended the run: work that the tests reported above started is still running (it would keep Jest from exiting).\n');
    process.exit();
  }, END_AFTER_MS).unref();
}

async function globalTeardown(globalConfig: Config.GlobalConfig, projectConfig?: Config.ProjectConfig): Promise<void> {
  endWhenLeaksKeepRunning(globalConfig);
  const recorded = stopRunLevelRecorder();
  readThroughSourceMaps(recorded.values());
  const setupFile = projectConfig?.globalSetup ?? globalConfig.globalSetup;
  if (!setupFile) return;
  // Made by the setup module: its file is on the creation stack, or on the stack of what caused it.
  const verdicts = new Map<number, boolean>();
  const madeBySetup = (id: number, depth = 0): boolean => {
    const known = verdicts.get(id);
    if (known !== undefined) return known;
    const handle = recorded.get(id);
    const verdict = !!handle && ((handle.site.stack ?? '').includes(setupFile) || (depth < 50 && madeBySetup(handle.trigger, depth + 1)));
    verdicts.set(id, verdict);
    return verdict;
  };
  const fromSetup = [...recorded].filter(([id, handle]) => handle.ref && madeBySetup(id)).map(([id, handle]) => ({ ...handle, via: siteInSetup(id) }));
  function siteInSetup(id: number): { stack?: string } | null {
    for (let handle = recorded.get(id), depth = 0; handle && depth < 50; handle = recorded.get(handle.trigger), depth++) {
      if ((handle.site.stack ?? '').includes(setupFile as string)) return handle.site;
    }
    return null;
  }
  const alive = () => fromSetup.filter((handle) => isAlive(handle.type, handle.ref?.deref()));
  const deadline = Date.now() + GRACE_MS;
  while (alive().length && Date.now() < deadline) await new Promise((done) => realSetTimeout(done, 5));
  const findings: Finding[] = alive().map((handle) => {
    const resource = handle.ref?.deref();
    const kind = kindOf(handle.type, resource);
    return { kind, what: describeResource(kind, handle.type, resource), site: handle.site, via: handle.via, ownSite: true };
  });
  const error = buildReport(
    (n) => `jest-preset-async: globalSetup left ${n} thing${n === 1 ? '' : 's'} running after all tests (close ${n === 1 ? 'it' : 'them'} in a globalTeardown):`,
    findings,
    { rootDir: projectConfig?.rootDir ?? globalConfig.rootDir, ownDirs: OWN_DIRS },
    'Close it in your globalTeardown; one of your own keeps this check if it ends with the preset\'s (README, "Run level").',
  );
  if (error) {
    // Printed, and the exit code set, rather than thrown: a throwing globalTeardown would stop Jest
    // before it writes --json/--outputFile results and before other reporters finish.
    process.stderr.write(`\n${error.message}\n\n`);
    failTheRun();
  }
  // Reported: they keep working, but no longer keep Jest from exiting.
  for (const handle of alive()) (handle.ref?.deref() as { unref?: () => void } | undefined)?.unref?.();
}

/**
 * Exit code 1, also under `--forceExit`: Jest then ends with `process.exit(code)` computed from the
 * test results alone, which would turn the run green again.
 */
function failTheRun(): void {
  process.exitCode = 1;
  const exit = process.exit;
  process.exit = ((code?: number | string | null) => exit.call(process, code || 1)) as typeof process.exit;
}

export = globalTeardown;
