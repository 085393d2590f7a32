import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
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
