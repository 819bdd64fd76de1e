/**
 * The leak report: one Error per test (or describe block, or file) listing each leaked thing in
 * user words, where it was created in the user's code, and how to release it. Its stack is the
 * creation stack of the first item, so Jest's code frame shows that line.
 */
import { relative, sep } from 'node:path';
import { HINTS, KIND_ORDER, type LeakKind } from './kinds';
import type { Site } from './tracker';

export interface Finding {
  kind: LeakKind;
  /** "setTimeout timer (10000 ms)" */
  what: string;
  site: Site | null;
  /** Used when `site` has no frame of the user's code: the site of what started it. */
  via?: Site | null;
  /** True when the site is where the thing was made; false when it is the step it came from. */
  ownSite: boolean;
  /** Extra words after the location ("and it failed: ..."). */
  note?: string;
  /** How to release it, when the kind's own hint does not fit (a jsdom animation frame); '' for none. */
  hint?: string;
  /** Lets the process end despite it (unref), once it has been reported. */
  release?: () => void;
}

/** A live handle (a timer, a socket, ...), not a pending promise or an unawaited assertion. */
export const isHandleFinding = (finding: Finding): boolean => finding.kind !== 'promise' && finding.kind !== 'assertion';

const PACKAGE_DIR = `${sep}jest-preset-async${sep}`;
const isStackLine = (line: string) => /^\s*at /.test(line);
const isInternal = (line: string) => /\(node:|\bnode:[a-z_]|\(<anonymous>\)|at <anonymous>|\binternal\/|^\s*at new Promise \(<anonymous>\)/.test(line);
const isLibrary = (line: string) => line.includes(`${sep}node_modules${sep}`);
const isOwn = (line: string, ownDirs: readonly string[]) => line.includes(PACKAGE_DIR) || ownDirs.some((dir) => line.includes(dir));

/** The frames worth showing: the user's code first; a library's frames only when there is no user frame. */
export function userFrames(site: Site | null, ownDirs: readonly string[]): string[] {
  const lines = (site?.stack ?? '').split('\n').filter(isStackLine);
  const user = lines.filter((line) => !isInternal(line) && !isLibrary(line) && !isOwn(line, ownDirs));
  if (user.length) return user.slice(0, 6);
  return lines.filter((line) => !isInternal(line) && !isOwn(line, ownDirs)).slice(0, 3);
}

/** Whether the code that made it (its first frame that is not Node's or this package's) is in node_modules. */
export function madeByLibrary(site: Site | null, ownDirs: readonly string[]): boolean {
  const first = (site?.stack ?? '').split('\n').find((line) => isStackLine(line) && !isInternal(line) && !isOwn(line, ownDirs));
  return first !== undefined && isLibrary(first);
}

/** Whether the user's code made it: its first frame that is not Node's or this package's is not in node_modules. */
export function madeByUser(site: Site | null, ownDirs: readonly string[]): boolean {
  const first = (site?.stack ?? '').split('\n').find((line) => isStackLine(line) && !isInternal(line) && !isOwn(line, ownDirs));
  return first !== undefined && !isLibrary(first);
}

/** "src/agent.ts:42:18" from a frame, relative to the project. */
export function location(frame: string | undefined, rootDir: string): string | undefined {
  if (!frame) return undefined;
  const match = /\(?((?:[A-Za-z]:)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(frame);
  if (!match) return undefined;
  const [, file, line, column] = match;
  const shown = file!.startsWith(rootDir) ? relative(rootDir, file!) : file;
  return `${shown}:${line}:${column}`;
}

/**
 * Whether a frame is most likely the helper that holds `where` (its call into the promise executor
 * or callback a few lines above, in the same file), rather than the helper's caller.
 */
function enclosing(at: string, where: string | undefined): boolean {
  const parse = (place: string | undefined) => /^(.*):(\d+):\d+$/.exec(place ?? '');
  const frame = parse(at);
  const inner = parse(where);
  if (!frame || !inner || frame[1] !== inner[1]) return false;
  const above = Number(inner[2]) - Number(frame[2]);
  return above > 0 && above <= HELPER_LINES;
}

/** How far above the creation line a helper's own call may be. */
const HELPER_LINES = 3;

const rank = (finding: Finding) => KIND_ORDER.indexOf(finding.kind);

const MAX_LINES = 12;
/** A stack line Jest's formatters recognise as one and never show (a frame of Node's). */
const NO_USER_FRAME = '    at node:internal/jest-preset-async:1:1';

export interface ReportContext {
  rootDir: string;
  ownDirs: readonly string[];
}

interface Line {
  finding: Finding;
  where: string | undefined;
  calledFrom: string | undefined;
  count: number;
}

/** Each finding with its location; pending promises from one location are one line. */
function lines(findings: Finding[], context: ReportContext): Line[] {
  const out: Line[] = [];
  const promiseLines = new Map<string, Line>();
  for (const finding of [...findings].sort((a, b) => rank(a) - rank(b))) {
    if (finding.via && !userFrames(finding.site, context.ownDirs).length) finding.site = finding.via;
    const frames = userFrames(finding.site, context.ownDirs).map((frame) => location(frame, context.rootDir));
    const where = frames[0];
    const lineOf = (at: string | undefined) => at?.replace(/:\d+$/, '');
    const calledFrom = frames.find((at) => at && lineOf(at) !== lineOf(where) && !enclosing(at, where));
    const line: Line = { finding, where, calledFrom, count: 1 };
    if (finding.kind === 'promise') {
      const key = `${finding.ownSite}:${line.where}`;
      const seen = promiseLines.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      promiseLines.set(key, line);
    }
    out.push(line);
  }
  return out;
}

function render({ finding, where, calledFrom, count }: Line): string {
  const what = count > 1 ? `${count} ${finding.what.replace(/^pending promise/, 'pending promises')}` : finding.what;
  const from = calledFrom && calledFrom !== where ? ` (called from ${calledFrom})` : '';
  const place = !where
    ? ' (created where no stack frame of your code was on the stack)'
    : finding.ownSite
      ? `, created at ${where}${from}`
      : `, created in the async step that began at ${where}`;
  const hint = finding.hint ?? HINTS[finding.kind];
  return `  ● ${what}${place}${finding.note ? ` ${finding.note}` : ''}${hint ? `\n      → ${hint}` : ''}`;
}

/**
 * The report, or null when there is nothing to say. `headline(n)` names who left how many things.
 * Pending promises next to handles are most often waiting on them: they are summed up in one line.
 */
export function buildReport(
  headline: (count: number) => string,
  findings: Finding[],
  context: ReportContext,
  allow?: string,
): Error | null {
  if (!findings.length) return null;
  let shown = lines(findings, context);
  const handles = shown.filter((line) => isHandleFinding(line.finding));
  const promises = shown.filter((line) => line.finding.kind === 'promise');
  let summary = '';
  if (handles.length && promises.length) {
    const total = promises.reduce((sum, line) => sum + line.count, 0);
    shown = shown.filter((line) => line.finding.kind !== 'promise');
    summary = `\n  ● and ${total} pending promise${total === 1 ? '' : 's'} of the same code, most likely waiting on the above`;
  }
  const body = shown.slice(0, MAX_LINES).map(render).join('\n') + (shown.length > MAX_LINES ? `\n  … and ${shown.length - MAX_LINES} more` : '') + summary;
  const kinds = [...new Set(findings.map((finding) => finding.kind))].map((kind) => `'${kind}'`).join(', ');
  const message =
    `${headline(shown.length + (summary ? 1 : 0))}\n\n${body}\n\n` +
    (allow ?? `To allow this on purpose: allowLeaks(${kinds}) in the test, or an ignore rule in testEnvironmentOptions (README, "Leak detection").`);
  const error = new Error(message);
  const first = shown.find((line) => userFrames(line.finding.site, context.ownDirs).length);
  // With no frame of the user's, one of Node's that Jest leaves out: without a stack line Jest takes
  // the report's lines after the first for a stack and prints them twice ("Test suite failed to
  // run"), and an empty stack is what Jest 29 prints instead of the message.
  error.stack = `${message}\n${first ? userFrames(first.finding.site, context.ownDirs).join('\n') : NO_USER_FRAME}`;
  return error;
}
