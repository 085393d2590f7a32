import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own scratch folder (gitignored, never published). */
const PROJECT_TMP = resolve(dirname(fileURLToPath(import.meta.url)), '../../.tmp/staging');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return pid !== process.pid; // this process writes one folder at a time: its own leftovers are stale
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Where to stage a new `out`: never beside it (static/ is published whole, so a folder a killed run left
 * there would be built into the site and served), but on the same filesystem, so the swap is a rename.
 */
function stagingFolderFor(out: string): string {
  const device = statSync(dirname(out)).dev;
  for (const candidate of [PROJECT_TMP, tmpdir()]) {
    try {
      mkdirSync(candidate, { recursive: true });
      if (statSync(candidate).dev === device) return candidate;
    } catch {
      // not writable here: try the next
    }
  }
  return dirname(out);
}

/** Where runs for `out` stage, and the name their folders start with. */
function stagingOf(out: string): { folder: string; prefix: string } {
  // One name per output folder, so that runs for different outputs never take each other's leftovers; hidden,
  // so that even where it must stay beside `out` (no scratch folder on that filesystem) the build leaves it out.
  const prefix = `.${basename(out)}-${createHash('sha256').update(out).digest('hex').slice(0, 12)}`;
  return { folder: stagingFolderFor(out), prefix };
}

/**
 * A killed run leaves its staging folder, and may leave the last good output set aside as "retired" with no
 * new output in its place: the first is removed, the second put back. Runs still alive are left alone.
 * Folders named as earlier versions named them, beside `out` (".data.staging-123"), are cleared too.
 */
export function clearStaleRuns(out: string): void {
  out = resolve(out);
  if (!existsSync(dirname(out))) return;
  const { folder, prefix } = stagingOf(out);
  const legacy = `.${basename(out)}.`;
  const stale = [
    ...readdirSync(folder).flatMap((name) => {
      const m = name.startsWith(prefix) ? /^\.(staging|retired)-(\d+)$/.exec(name.slice(prefix.length)) : null;
      return m && !isAlive(Number(m[2])) ? [{ path: join(folder, name), retired: m[1] === 'retired' }] : [];
    }),
    ...readdirSync(dirname(out)).flatMap((name) => {
      const m = name.startsWith(legacy) ? /^(staging|retired)-\d+$/.exec(name.slice(legacy.length)) : null;
      return m ? [{ path: join(dirname(out), name), retired: m[1] === 'retired' }] : [];
    }),
  ];
  for (const { path, retired } of stale) {
    if (retired && !existsSync(out)) renameSync(path, out);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * A file's content: its text or bytes, or its text in pieces (jsonChunks), written as they come so that the whole is
 * never one string.
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** Pieces are gathered up to this many characters before each write: one system call per element would be slow. */
const WRITE_BATCH_CHARS = 1 << 20;

// writeSync may write fewer bytes than it was given: the rest is written on.
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

function writeContent(path: string, content: FileContent): void {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    writeFileSync(path, content);
    return;
  }
  const fd = openSync(path, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    const flush = () => {
      if (size) writeAll(fd, Buffer.from(batch.join(''), 'utf8'));
      batch = [];
      size = 0;
    };
    for (const piece of content) {
      if (typeof piece !== 'string') {
        flush();
        writeAll(fd, piece);
        continue;
      }
      batch.push(piece);
      size += piece.length;
      if (size >= WRITE_BATCH_CHARS) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the folder `out` with `files` in one step: everything is written to a staging folder first, so a
 * failure part-way leaves the last good output untouched and readers never see a half-written set. `files` may be
 * an iterable that makes each file only when its turn comes (publishedFiles), so that one file's text is alive at a time.
 */
export function writeFolderAtomically(out: string, files: Record<string, FileContent> | Iterable<readonly [string, FileContent]>): void {
  out = resolve(out);
  mkdirSync(dirname(out), { recursive: true });
  clearStaleRuns(out);
  const { folder, prefix } = stagingOf(out);
  const staging = join(folder, `${prefix}.staging-${process.pid}`);
  const retired = join(folder, `${prefix}.retired-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging);
    // Only now are the files made (or a record's getters run): whatever fails from here on is inside the staging folder.
    const entries = Symbol.iterator in files ? (files as Iterable<readonly [string, FileContent]>) : Object.entries(files);
    const folders = new Set<string>();
    for (const [name, content] of entries) {
      // A name may hold a folder (documents/ID.json): each document in its own file.
      const path = join(staging, name);
      if (name.includes('/') && !folders.has(dirname(path))) {
        mkdirSync(dirname(path), { recursive: true });
        folders.add(dirname(path));
      }
      writeContent(path, content);
    }
    if (existsSync(out)) renameSync(out, retired);
    renameSync(staging, out);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(retired)) renameSync(retired, out);
    throw e;
  }
  rmSync(retired, { recursive: true, force: true });
}
