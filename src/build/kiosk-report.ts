/**
 * `npm run kiosk:report`: what visitors opened at the kiosk, for curators. Reads the visit log's folder, prints a
 * summary (most-opened passages with their names, median time open, languages, journeys and their steps, documents)
 * and writes it as CSV. A line that is not a visit is skipped and named by file and line.
 * Usage: tsx src/build/kiosk-report.ts [--log kiosk-visits] [--site dist] [--out <log>/visit-report.csv]
 */
import { Ajv } from 'ajv';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { VISIT_EVENT_SCHEMA, visitKey, type VisitKind, type VisitRecord } from '../lib/kiosk/visit-event.ts';
import { visitLogFiles } from './visit-log-file.ts';

const isRecord = new Ajv({ allErrors: true }).compile<VisitRecord>({
  ...VISIT_EVENT_SCHEMA,
  required: [...VISIT_EVENT_SCHEMA.required, 'at'],
  properties: { ...VISIT_EVENT_SCHEMA.properties, at: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' } },
});

/** Every record in the log's files, oldest file first, and a line for each that is not one. */
export function readVisitLog(folder: string): { records: VisitRecord[]; problems: string[]; files: string[] } {
  if (!existsSync(folder)) throw new Error(`${folder}/ does not exist: pass the kiosk's visit log folder with --log DIR (npm run kiosk writes to kiosk-visits/ unless told otherwise)`);
  const files = visitLogFiles(folder);
  const records: VisitRecord[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const lines = readFileSync(join(folder, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${join(folder, name)} line ${i + 1}`;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (e) {
        problems.push(`${where}: not valid JSON (${(e as Error).message}); skipped`);
        return;
      }
      if (!isRecord(data)) {
        problems.push(`${where}: not a visit (${(isRecord.errors ?? []).map((e) => `${e.instancePath || 'the line'} ${e.message}`).join('; ')}); skipped`);
        return;
      }
      records.push(data);
    });
  }
  return { records, problems, files };
}

/** What the ids are called, from the built site's data: place and leg names, journey names, document titles. */
export type Names = Record<VisitKind, Map<string, string>>;

export function readNames(site: string): Names {
  const read = <T>(file: string): T => {
    const path = join(site, 'data', file);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch (e) {
      throw new Error(`${path} could not be read (${(e as Error).message}): build the site first (npm run build), or pass --site DIR`, { cause: e });
    }
  };
  const features = (file: string) => new Map(read<{ features: Array<{ properties: { id: string; name: string } }> }>(file).features.map((f) => [f.properties.id, f.properties.name]));
  return {
    place: features('places.geojson'),
    leg: features('legs.geojson'),
    journey: new Map(read<Array<{ id: string; name: string }>>('journeys.json').map((j) => [j.id, j.name])),
    document: new Map(read<Array<{ id: string; title: string }>>('documents.json').map((d) => [d.id, d.title])),
  };
}

export interface SummaryRow {
  kind: VisitKind;
  id: string;
  step?: number;
  name: string;
  opened: number;
  medianSeconds: number;
}

export interface VisitSummary {
  total: number;
  /** Every place, leg, journey step and document opened, most opened first. */
  rows: SummaryRow[];
  languages: Array<{ language: string; opened: number }>;
  from: string | null;
  to: string | null;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarizeVisits(records: readonly VisitRecord[], names: Names): VisitSummary {
  const groups = new Map<string, VisitRecord[]>();
  for (const r of records) groups.set(visitKey(r), [...(groups.get(visitKey(r)) ?? []), r]);
  const rows = [...groups.values()].map((group): SummaryRow => {
    const { kind, id, step } = group[0]!;
    // An id the site no longer has (the corpus changed since) is shown as itself, marked, never given a made-up name.
    const name = names[kind].get(id) ?? `(${id}: not in this build)`;
    return { kind, id, ...(step === undefined ? {} : { step }), name: step === undefined ? name : `${name}, step ${step + 1}`, opened: group.length, medianSeconds: Math.round(median(group.map((r) => r.dwellMs)) / 100) / 10 };
  });
  rows.sort((a, b) => b.opened - a.opened || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id) || (a.step ?? 0) - (b.step ?? 0));
  const languages = new Map<string, number>();
  for (const r of records) languages.set(r.language, (languages.get(r.language) ?? 0) + 1);
  const times = records.map((r) => r.at).sort();
  return {
    total: records.length,
    rows,
    languages: [...languages].map(([language, opened]) => ({ language, opened })).sort((a, b) => b.opened - a.opened || a.language.localeCompare(b.language)),
    from: times[0] ?? null,
    to: times.at(-1) ?? null,
  };
}

const KIND_LABELS: Record<VisitKind, string> = { place: 'place', leg: 'route leg', journey: 'journey step', document: 'document' };

/** The summary as the terminal shows it: aligned columns, a section each. */
export function formatSummary(summary: VisitSummary, top = 15): string {
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    return [header, ...rows].map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
  };
  const rowsOf = (rows: SummaryRow[]) => rows.map((r) => [String(r.opened), `${r.medianSeconds} s`, KIND_LABELS[r.kind], r.name]);
  const header = ['opened', 'median', 'what', 'name'];
  const section = (title: string, rows: SummaryRow[]) => (rows.length ? `\n${title}\n${table(header, rowsOf(rows))}` : `\n${title}\n(none)`);
  return [
    `${summary.total} things opened${summary.from ? `, ${summary.from.slice(0, 10)} to ${summary.to!.slice(0, 10)}` : ''}; median time open is per thing`,
    section(`Most opened passages (places and route legs), top ${top}`, summary.rows.filter((r) => r.kind === 'place' || r.kind === 'leg').slice(0, top)),
    section('Journeys and their steps', summary.rows.filter((r) => r.kind === 'journey')),
    section('Documents read', summary.rows.filter((r) => r.kind === 'document')),
    `\nLanguages\n${summary.languages.length ? table(['opened', 'language'], summary.languages.map((l) => [String(l.opened), l.language])) : '(none)'}`,
  ].join('\n');
}

/** One CSV for a spreadsheet: a row per thing opened, then a row per language. */
export function summaryCsv(summary: VisitSummary): string {
  return stringify(
    [
      ...summary.rows.map((r) => ({ section: 'opened', kind: r.kind, id: r.id, step: r.step === undefined ? '' : r.step + 1, name: r.name, opened: r.opened, median_seconds_open: r.medianSeconds })),
      ...summary.languages.map((l) => ({ section: 'language', kind: '', id: l.language, step: '', name: '', opened: l.opened, median_seconds_open: '' })),
    ],
    { header: true, columns: ['section', 'kind', 'id', 'step', 'name', 'opened', 'median_seconds_open'] },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({ options: { log: { type: 'string', default: 'kiosk-visits' }, site: { type: 'string', default: 'dist' }, out: { type: 'string' } } });
    const { records, problems, files } = readVisitLog(values.log);
    for (const problem of problems) console.error(`kiosk:report: ${problem}`);
    const summary = summarizeVisits(records, readNames(values.site));
    console.log(formatSummary(summary));
    const out = values.out ?? join(values.log, 'visit-report.csv');
    // Written beside, then renamed: a spreadsheet open on the old report never sees half a file.
    writeFileSync(`${out}.partial`, summaryCsv(summary));
    renameSync(`${out}.partial`, out);
    console.log(`\nkiosk:report: ${records.length} visits from ${files.length} file${files.length === 1 ? '' : 's'}${problems.length ? ` (${problems.length} line${problems.length === 1 ? '' : 's'} skipped)` : ''}; CSV written to ${out}`);
  } catch (e) {
    console.error(`kiosk:report: ${(e as Error).message}\nusage: npm run kiosk:report -- [--log kiosk-visits] [--site dist] [--out FILE.csv]`);
    process.exit(1);
  }
}
