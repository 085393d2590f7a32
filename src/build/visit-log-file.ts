/**
 * The kiosk's visit log on disk: one JSON line per event, in files named by the local day and a counter
 * (`visits-2026-12-03-001.jsonl`), a new file each day and whenever one would pass `maxBytes`, the `keep` newest kept.
 */
import { appendFileSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskRecord } from '../lib/kiosk/visit-event.ts';

export interface VisitLogOptions {
  folder: string;
  /** A file is closed before it would grow past this many bytes. */
  maxBytes: number;
  /** How many files are kept; older ones are deleted. */
  keep: number;
}

export const DEFAULT_VISIT_LOG: Omit<VisitLogOptions, 'folder'> = { maxBytes: 1_000_000, keep: 30 };
/**
 * A log file's name. The counter has three digits up to 999; past that a letter says how many more digits follow
 * ("a1000" … "a9999", "b10000" …), so the names sort as the files were written, for any count ("1000" alone sorts
 * before "999", and the 1000th file of a day was pruned before it was written).
 */
export const VISIT_FILE = /^visits-(\d{4}-\d{2}-\d{2})-(\d{3}|[a-z]\d{4,29})\.jsonl$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The counter as it is written in a file name: "001", …, "999", "a1000", …, "a9999", "b10000", …. */
export function counterName(counter: number): string {
  const digits = String(counter);
  return digits.length <= 3 ? pad(counter, 3) : `${String.fromCharCode(0x61 + digits.length - 4)}${digits}`;
}

/** The counter of a log file's name (VISIT_FILE), or undefined for a name this log did not write ("a123"). */
function counterOf(name: string): number | undefined {
  const written = VISIT_FILE.exec(name)?.[2];
  if (written === undefined) return undefined;
  const digits = written.replace(/^[a-z]/, '');
  return counterName(Number(digits)) === written ? Number(digits) : undefined;
}

/** The log's files, oldest first (the names sort by day, then counter). */
export function visitLogFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => counterOf(name) !== undefined)
    .sort();
}

export class VisitLogFile {
  readonly #options: VisitLogOptions;

  constructor(options: VisitLogOptions) {
    this.#options = options;
  }

  /** Appends one record (its `at` decides the day's file); returns the file's name. */
  append(record: KioskRecord): string {
    const line = `${JSON.stringify(record)}\n`;
    // Made at the first visit, not at start: a kiosk that nobody touches leaves no folder behind.
    mkdirSync(this.#options.folder, { recursive: true });
    const day = localDay(new Date(record.at));
    const files = visitLogFiles(this.#options.folder);
    const last = files.filter((name) => VISIT_FILE.exec(name)![1] === day).at(-1);
    if (!last || statSync(join(this.#options.folder, last)).size + Buffer.byteLength(line) > this.#options.maxBytes) {
      const counter = last ? counterOf(last)! + 1 : 1;
      const name = `visits-${day}-${counterName(counter)}.jsonl`;
      // Written first, then pruned: a visit is on disk before anything is deleted, and the new file is never a
      // candidate (it is the newest).
      appendFileSync(join(this.#options.folder, name), line);
      this.#prune(visitLogFiles(this.#options.folder).filter((f) => f !== name));
      return name;
    }
    appendFileSync(join(this.#options.folder, last), line);
    return last;
  }

  /** Deletes the oldest of `older` (every file but the newest) so that `keep` files remain with the newest. */
  #prune(older: string[]) {
    for (const old of older.slice(0, Math.max(0, older.length + 1 - this.#options.keep))) {
      try {
        unlinkSync(join(this.#options.folder, old));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // gone already: nothing to prune
      }
    }
  }
}
