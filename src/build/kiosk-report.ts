/**
 * `npm run kiosk:report`: what visitors opened at the kiosk, for curators. Reads the visit log's folder, prints a
 * summary (most-opened passages with their names, median time open, languages, journeys and their steps, documents)
 * and writes it as CSV. A line that is not a visit is skipped and named by file and line.
 * Sessions (src/lib/kiosk/sessions.ts) are counted per day and for the whole log and written as a second CSV beside the
 * first (session-report.csv); --html writes one self-contained page of charts (src/build/kiosk-report-html.ts).
 * Usage: tsx src/build/kiosk-report.ts [--log kiosk-visits] [--site dist] [--out <log>/visit-report.csv] [--html FILE]
 */
import { Ajv } from 'ajv';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { isVisit, kioskEventSchema, visitKey, type KioskRecord, type VisitKind, type VisitRecord } from '../lib/kiosk/visit-event.ts';
import { figuresByDay, median, type SessionFigures } from '../lib/kiosk/sessions.ts';
import { visitLogFiles } from './visit-log-file.ts';
import { PUBLISHED_FILES, type PublishedFile } from '../lib/atlas/contract.ts';
import { readSiteData, siteDataPath } from './site-data.ts';
import { reportHtml } from './kiosk-report-html.ts';

export { median };

const isRecord = new Ajv({ allErrors: true }).compile<KioskRecord>(kioskEventSchema({ written: true }));

/** Every record in the log's files (visits and session events), oldest file first, and a line for each that is not one. */
export function readVisitLog(folder: string): { records: KioskRecord[]; problems: string[]; files: string[] } {
  if (!existsSync(folder)) throw new Error(`${folder}/ does not exist: pass the kiosk's visit log folder with --log DIR (npm run kiosk writes to kiosk-visits/ unless told otherwise)`);
  const files = visitLogFiles(folder);
  const records: KioskRecord[] = [];
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
        // "must match the then schema" repeats what the errors beside it say.
        const errors = (isRecord.errors ?? []).filter((e) => e.keyword !== 'if');
        problems.push(`${where}: not a visit (${errors.map((e) => `${e.instancePath || 'the line'} ${e.message}`).join('; ')}); skipped`);
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
  const read = <T>(file: PublishedFile): T => {
    try {
      return readSiteData<T>(site, file);
    } catch (e) {
      throw new Error(`${siteDataPath(site, file)} could not be read (${(e as Error).message}): build the site first (npm run build), or pass --site DIR`, { cause: e });
    }
  };
  const features = (file: PublishedFile) => new Map(read<{ features: Array<{ properties: { id: string; name: string } }> }>(file).features.map((f) => [f.properties.id, f.properties.name]));
  return {
    place: features(PUBLISHED_FILES.places),
    leg: features(PUBLISHED_FILES.legs),
    journey: new Map(read<Array<{ id: string; name: string }>>(PUBLISHED_FILES.journeys).map((j) => [j.id, j.name])),
    document: new Map(read<Array<{ id: string; title: string }>>(PUBLISHED_FILES.documentIndex).map((d) => [d.id, d.title])), // titles without the words
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

/** What was opened: the visit lines of the log (its session events are counted by sessionTable and the like). */
export function summarizeVisits(all: readonly KioskRecord[], names: Names): VisitSummary {
  const records = all.filter(isVisit) as VisitRecord[];
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

/** Aligned columns, two spaces apart, the last one unpadded. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** The summary as the terminal shows it: aligned columns, a section each. */
export function formatSummary(summary: VisitSummary, top = 15): string {
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

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
const secondsText = (s: number | null) => (s === null ? '–' : s >= 60 ? `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s` : `${Math.round(s)} s`);
const journeyName = (names: Names, id: string) => names.journey.get(id) ?? `(${id}: not in this build)`;
/** "3 (2 of 4)": the step after which most of those that did not finish left, counted from 1, and how many. */
const leaveText = (f: SessionFigures['journeys'][number]) =>
  f.mostLeaveAfter === null ? 'none left early' : `step ${f.mostLeaveAfter + 1} (${f.leftAfter[f.mostLeaveAfter]} of ${f.started - f.finished})`;

/** The sessions' figures as the terminal shows them: a row a day and one for the whole log, then the whole log's details. */
export function formatSessions(byDay: readonly SessionFigures[], names: Names): string {
  const all = byDay.at(-1)!;
  const unknown = (f: SessionFigures) => f.sessions === 0 && f.visitsOutsideSessions > 0;
  const dayRows = byDay.map((f) => [
    f.day === 'all' ? 'all days' : f.day,
    unknown(f) ? 'unknown' : String(f.sessions),
    secondsText(f.medianSeconds),
    secondsText(f.p90Seconds),
    percent(f.openedShare),
    f.takeHomePerSession === null ? '–' : String(f.takeHomePerSession),
    String(f.tapsNothing),
    String(f.attract.reduce((n, a) => n + a.interruptions, 0)),
  ]);
  const lines = [
    'Sessions (a visitor, from the first touch to the idle reset; length is first touch to last)',
    table(['day', 'sessions', 'median', '90th pct', 'opened ≥1', 'take-home/session', 'taps on nothing', 'attract stopped'], dayRows),
  ];
  if (all.visitsOutsideSessions) lines.push(`(${all.visitsOutsideSessions} visit${all.visitsOutsideSessions === 1 ? ' was' : 's were'} logged before sessions were kept: their sessions are unknown)`);
  if (all.sessions > all.lengthsKnown) lines.push(`(${all.sessions - all.lengthsKnown} session${all.sessions - all.lengthsKnown === 1 ? ' has' : 's have'} no end in the log, so no length: the page stopped or the log was cut)`);
  lines.push(
    '',
    'Journeys (all days): sessions that reached each step',
    all.journeys.length
      ? table(
          ['started', 'finished', 'most leave after', 'steps reached', 'journey'],
          all.journeys.map((f) => [String(f.started), String(f.finished), leaveText(f), f.reached.join(' → '), journeyName(names, f.id)]),
        )
      : '(none)',
    '',
    `Languages (all days): sessions in each${all.languageSwitches ? `; ${all.languageSwitches} switch${all.languageSwitches === 1 ? '' : 'es'}` : '; no switches'}`,
    all.languages.length ? table(['sessions', 'language'], all.languages.map((l) => [String(l.sessions), l.language])) : '(none)',
    '',
    'Attract loop stopped by a touch, by the journey it was playing (all days)',
    all.attract.length ? table(['times', 'journey'], all.attract.map((a) => [String(a.interruptions), journeyName(names, a.id)])) : '(none)',
    '',
    `Start card (all days): ${all.startChoices.journey} journey, ${all.startChoices.explore} explore, ${all.startChoices.documents} documents; searches: ${all.searches}; "Still there?": ${all.prompts['still-here']} answered, ${all.prompts['ran-out']} ran out`,
  );
  return lines.join('\n');
}

/** The sessions' figures for a spreadsheet, one figure a row: per day and for the whole log ("all"). */
export function sessionsCsv(byDay: readonly SessionFigures[], names: Names): string {
  const rows: Array<{ day: string; section: string; id: string; name: string; figure: string; value: string | number }> = [];
  for (const f of byDay) {
    const add = (section: string, id: string, name: string, figure: string, value: number | null | string) => rows.push({ day: f.day, section, id, name, figure, value: value ?? '' });
    const unknown = f.sessions === 0 && f.visitsOutsideSessions > 0;
    add('sessions', '', '', 'sessions', unknown ? 'unknown' : f.sessions);
    add('sessions', '', '', 'visits_outside_sessions', f.visitsOutsideSessions);
    add('sessions', '', '', 'sessions_with_length', f.lengthsKnown);
    add('sessions', '', '', 'median_session_seconds', f.medianSeconds);
    add('sessions', '', '', 'p90_session_seconds', f.p90Seconds);
    add('sessions', '', '', 'share_opening_at_least_one', f.openedShare);
    add('sessions', '', '', 'take_home_codes', f.takeHome);
    add('sessions', '', '', 'take_home_codes_per_session', f.takeHomePerSession);
    add('sessions', '', '', 'taps_opening_nothing', f.tapsNothing);
    add('sessions', '', '', 'searches', f.searches);
    add('sessions', '', '', 'language_switches', f.languageSwitches);
    for (const [choice, n] of Object.entries(f.startChoices)) add('start_card', choice, '', 'sessions_choosing', n);
    for (const [answer, n] of Object.entries(f.prompts)) add('idle_prompt', answer, '', 'times', n);
    for (const l of f.languages) add('language', l.language, '', 'sessions', l.sessions);
    for (const j of f.journeys) {
      const name = journeyName(names, j.id);
      add('journey', j.id, name, 'started', j.started);
      add('journey', j.id, name, 'finished', j.finished);
      add('journey', j.id, name, 'most_leave_after_step', j.mostLeaveAfter === null ? null : j.mostLeaveAfter + 1);
      j.reached.forEach((n, step) => add('journey', j.id, name, `reached_step_${step + 1}`, n));
    }
    for (const a of f.attract) add('attract_stopped', a.id, journeyName(names, a.id), 'times', a.interruptions);
  }
  return stringify(rows, { header: true, columns: ['day', 'section', 'id', 'name', 'figure', 'value'] });
}

/** Writes beside, then renames: a spreadsheet or browser open on the old report never sees half a file. */
function writeWhole(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.partial`, text);
  renameSync(`${path}.partial`, path);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const { values } = parseArgs({ options: { log: { type: 'string', default: 'kiosk-visits' }, site: { type: 'string', default: 'dist' }, out: { type: 'string' }, html: { type: 'string' } } });
    const { records, problems, files } = readVisitLog(values.log);
    for (const problem of problems) console.error(`kiosk:report: ${problem}`);
    const names = readNames(values.site);
    const summary = summarizeVisits(records, names);
    const byDay = figuresByDay(records);
    console.log(`${formatSessions(byDay, names)}\n\n${formatSummary(summary)}`);
    const out = values.out ?? join(values.log, 'visit-report.csv');
    const sessionsOut = join(dirname(out), 'session-report.csv');
    writeWhole(out, summaryCsv(summary));
    writeWhole(sessionsOut, sessionsCsv(byDay, names));
    if (values.html) writeWhole(values.html, reportHtml(records, summary, byDay, names));
    console.log(`\nkiosk:report: ${records.length} lines from ${files.length} file${files.length === 1 ? '' : 's'}${problems.length ? ` (${problems.length} line${problems.length === 1 ? '' : 's'} skipped)` : ''}; CSV written to ${out} and ${sessionsOut}${values.html ? `; charts written to ${values.html}` : ''}`);
  } catch (e) {
    console.error(`kiosk:report: ${(e as Error).message}\nusage: npm run kiosk:report -- [--log kiosk-visits] [--site dist] [--out FILE.csv] [--html FILE.html]`);
    process.exit(1);
  }
}
