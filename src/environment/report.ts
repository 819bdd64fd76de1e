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
  /** True when the site is where the thing was made; false when it is the step it came from. */
  ownSite: boolean;
  /** Extra words after the location ("and it failed: ..."). */
  note?: string;
  count?: number;
}

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

/** "src/agent.ts:42:18" from a frame, relative to the project. */
export function location(frame: string | undefined, rootDir: string): string | undefined {
  if (!frame) return undefined;
  const match = /\(?((?:[A-Za-z]:)?[^()\s]+):(\d+):(\d+)\)?\s*$/.exec(frame);
  if (!match) return undefined;
  const [, file, line, column] = match;
  const shown = file!.startsWith(rootDir) ? relative(rootDir, file!) : file;
  return `${shown}:${line}:${column}`;
}

const rank = (finding: Finding) => KIND_ORDER.indexOf(finding.kind);

/** Pending promises from the same site are one line ("3 pending promises"). */
function group(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  const bySite = new Map<Site | null, Finding>();
  for (const finding of findings) {
    if (finding.kind !== 'promise') {
      out.push(finding);
      continue;
    }
    const key = finding.ownSite ? finding : finding.site;
    const seen = bySite.get(key as Site | null);
    if (seen && !finding.ownSite) {
      seen.count = (seen.count ?? 1) + 1;
      continue;
    }
    const copy = { ...finding };
    bySite.set(key as Site | null, copy);
    out.push(copy);
  }
  return out;
}

const MAX_LINES = 12;

export interface ReportContext {
  rootDir: string;
  ownDirs: readonly string[];
}

/** The report, or null when there is nothing to say. `headline` names who left what. */
export function buildReport(headline: string, findings: Finding[], context: ReportContext): Error | null {
  if (!findings.length) return null;
  const sorted = group([...findings].sort((a, b) => rank(a) - rank(b)));
  const lines: string[] = [];
  for (const finding of sorted.slice(0, MAX_LINES)) {
    const frames = userFrames(finding.site, context.ownDirs);
    const where = location(frames[0], context.rootDir);
    const what = finding.count && finding.count > 1 ? `${finding.count} ${finding.what.replace(/^pending promise/, 'pending promises')}` : finding.what;
    const place = !where
      ? ' (created where no stack frame of your code was on the stack)'
      : finding.ownSite
        ? `, created at ${where}`
        : `, created in the async step that began at ${where}`;
    lines.push(`  ● ${what}${place}${finding.note ? ` ${finding.note}` : ''}`);
    lines.push(`      → ${HINTS[finding.kind]}`);
  }
  if (sorted.length > MAX_LINES) lines.push(`  … and ${sorted.length - MAX_LINES} more`);
  const message =
    `${headline}\n\n${lines.join('\n')}\n\n` +
    'To allow one on purpose: allowLeaks(kind) in the test, or testEnvironmentOptions["jest-preset-async"].ignore (README, "Leak detection").';
  const error = new Error(message);
  const first = sorted.find((finding) => userFrames(finding.site, context.ownDirs).length);
  error.stack = `${message}\n${first ? userFrames(first.site, context.ownDirs).join('\n') : ''}`;
  error.name = 'LeakError';
  return error;
}
