/**
 * Fresh user projects for the packaging tests: the package packed as npm publishes it, installed
 * with npm, pnpm or yarn into an empty folder next to what a user installs. Installs share the
 * package managers' default caches (npm and pnpm prefer them to the registry).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT, runCommand } from './runJest';

export const INSTALL_TIMEOUT_MS = 400_000;

/** A command's exit code and its stdout and stderr together. */
export const run = async (command: string, args: string[], cwd: string, timeoutMs = 0) => {
  const { code, stdout, stderr } = await runCommand(command, args, cwd, timeoutMs);
  return { code, output: `${stdout}\n${stderr}` };
};

/** `npm pack` of the repository into a temporary folder: the tarball and the files it holds. */
export async function packTarball(): Promise<{ dir: string; tarball: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'jest-preset-async-pack-'));
  const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], REPO_ROOT);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.output}`);
  const [info] = JSON.parse(packed.output.slice(packed.output.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  return { dir, tarball: join(dir, info!.filename), files: info!.files.map((file) => file.path) };
}

export type Manager = 'npm' | 'pnpm' | 'yarn';

/** How each package manager adds packages, and runs a binary of the project. */
const ADD: Record<Manager, (tarball: string) => [string, string[]]> = {
  npm: (tarball) => ['npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]],
  pnpm: (tarball) => ['npx', ['-y', 'pnpm@10', 'add', '--prefer-offline', tarball]],
  // Not yarn's --prefer-offline: with another version of a dependency in its cache it fails ("Couldn't
  // find package … on the npm registry") instead of asking the registry.
  yarn: (tarball) => ['npx', ['-y', 'yarn@1', 'add', '--no-progress', '--non-interactive', `file:${tarball}`]],
};
const EXEC: Record<Manager, string[]> = {
  npm: ['npx', '--no-install'],
  pnpm: ['npx', '-y', 'pnpm@10', 'exec'],
  yarn: ['npx', '-y', 'yarn@1', '--silent'],
};

export interface UserProject {
  dir: string;
  /** Runs a binary of the project (`jest`, `tsc`) the way its package manager does. */
  exec(bin: string, args?: string[]): Promise<{ code: number; output: string }>;
  write(path: string, text: string): void;
  remove(): void;
}

/** Writes `files` into a new folder, then installs the tarball and `packages` with `manager`. */
export async function createUserProject(
  name: string,
  manager: Manager,
  tarball: string,
  packages: string[],
  files: Record<string, string>,
): Promise<UserProject> {
  const dir = mkdtempSync(join(tmpdir(), `jest-preset-async-user-${name}-`));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const [path, text] of Object.entries({ 'package.json': JSON.stringify({ name: `user-${name}`, private: true }), ...files })) write(path, text);
  const [command, args] = ADD[manager](tarball);
  // Killed a little before the hook's timeout, so that a stalled install says which one it was.
  const install = await run(command, [...args, ...packages], dir, INSTALL_TIMEOUT_MS - 30_000);
  if (install.code !== 0) throw new Error(`${manager} install in ${name} failed:\n${install.output}`);
  const [execCommand, ...execArgs] = EXEC[manager];
  return {
    dir,
    exec: (bin, binArgs = []) => run(execCommand!, [...execArgs, bin, ...binArgs], dir),
    write,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
