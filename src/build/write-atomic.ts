import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Replaces the folder `out` with `files` in one step: everything is written beside it first, so a
 * failure part-way leaves the last good output untouched and readers never see a half-written set.
 */
export function writeFolderAtomically(out: string, files: Record<string, string>): void {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(out)}.staging-${process.pid}`);
  const retired = join(parent, `.${basename(out)}.retired-${process.pid}`);
  clearAfterKilledRuns(out);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content);
    if (existsSync(out)) renameSync(out, retired);
    renameSync(staging, out);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(retired)) renameSync(retired, out);
    throw e;
  }
  rmSync(retired, { recursive: true, force: true });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
};

/**
 * A run killed part-way (Ctrl-C, a power cut) leaves its staging folder beside `out`, where the site build would
 * copy and publish it, and, if killed between the two renames, the last good output under its "retired" name.
 * Before writing: the last good output is put back if `out` is missing, and what dead runs left is removed.
 */
export function clearAfterKilledRuns(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(out)}.`;
  for (const name of readdirSync(parent)) {
    const match = name.startsWith(prefix) ? /^(staging|retired)-(\d+)$/.exec(name.slice(prefix.length)) : null;
    if (!match || isAlive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'retired' && !existsSync(out)) renameSync(path, out);
    else rmSync(path, { recursive: true, force: true });
  }
}
