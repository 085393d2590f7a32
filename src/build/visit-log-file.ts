/**
 * The kiosk's visit log on disk: one JSON line per event, in files named by the local day and a counter
 * (`visits-2026-12-03-001.jsonl`), a new file each day and whenever one would pass `maxBytes`, the `keep` newest kept.
 */
import { appendFileSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { VisitRecord } from '../lib/kiosk/visit-event.ts';

export interface VisitLogOptions {
  folder: string;
  /** A file is closed before it would grow past this many bytes. */
  maxBytes: number;
  /** How many files are kept; older ones are deleted. */
  keep: number;
}

export const DEFAULT_VISIT_LOG: Omit<VisitLogOptions, 'folder'> = { maxBytes: 1_000_000, keep: 30 };
export const VISIT_FILE = /^visits-(\d{4}-\d{2}-\d{2})-(\d{3})\.jsonl$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The log's files, oldest first (the names sort by day, then counter). */
export function visitLogFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => VISIT_FILE.test(name))
    .sort();
}

export class VisitLogFile {
  readonly #options: VisitLogOptions;

  constructor(options: VisitLogOptions) {
    this.#options = options;
  }

  /** Appends one record (its `at` decides the day's file); returns the file's name. */
  append(record: VisitRecord): string {
    const line = `${JSON.stringify(record)}\n`;
    // Made at the first visit, not at start: a kiosk that nobody touches leaves no folder behind.
    mkdirSync(this.#options.folder, { recursive: true });
    const day = localDay(new Date(record.at));
    const files = visitLogFiles(this.#options.folder);
    const last = files.filter((name) => VISIT_FILE.exec(name)![1] === day).at(-1);
    let name = last;
    if (!last || statSync(join(this.#options.folder, last)).size + Buffer.byteLength(line) > this.#options.maxBytes) {
      const counter = last ? Number(VISIT_FILE.exec(last)![2]) + 1 : 1;
      name = `visits-${day}-${pad(counter, 3)}.jsonl`;
      this.#prune([...files, name].sort());
    }
    appendFileSync(join(this.#options.folder, name!), line);
    return name!;
  }

  #prune(files: string[]) {
    for (const old of files.slice(0, Math.max(0, files.length - this.#options.keep))) unlinkSync(join(this.#options.folder, old));
  }
}
