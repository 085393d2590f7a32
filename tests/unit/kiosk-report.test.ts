import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatSummary, median, readVisitLog, summarizeVisits, summaryCsv, type Names } from '../../src/build/kiosk-report.ts';

const FIXTURE = 'tests/fixtures/kiosk-visits';

function createNames(): Names {
  return {
    place: new Map([['paris', 'Paris'], ['havana', 'Havana'], ['prague', 'Prague']]),
    leg: new Map(),
    journey: new Map([['return-via-paris', 'Back by way of Paris']]),
    document: new Map([['kgb-1962-04-14', 'KGB report, 14 April 1962']]),
  };
}

describe('the kiosk’s visit report', () => {
  it('reads every file of the log, and names each line it skips by file and line', () => {
    const { records, problems, files } = readVisitLog(FIXTURE);
    expect(files).toEqual(['visits-2026-12-01-001.jsonl', 'visits-2026-12-02-001.jsonl']);
    expect(records).toHaveLength(8);
    expect(problems).toEqual([
      expect.stringMatching(/^tests\/fixtures\/kiosk-visits\/visits-2026-12-01-001\.jsonl line 4: not valid JSON \(.*\); skipped$/),
      'tests/fixtures/kiosk-visits/visits-2026-12-02-001.jsonl line 2: not a visit (/dwellMs must be >= 0); skipped',
    ]);
  });

  it('refuses a folder that is not there, saying how to name the right one', () => {
    expect(() => readVisitLog('no-such-folder')).toThrow('no-such-folder/ does not exist: pass the kiosk\'s visit log folder with --log DIR');
  });

  it('counts the most opened with their names and median time open, the journeys’ steps, documents and languages', () => {
    const summary = summarizeVisits(readVisitLog(FIXTURE).records, createNames());
    expect(summary.rows).toEqual([
      { kind: 'place', id: 'paris', name: 'Paris', opened: 3, medianSeconds: 7 },
      { kind: 'document', id: 'kgb-1962-04-14', name: 'KGB report, 14 April 1962', opened: 1, medianSeconds: 60 },
      { kind: 'journey', id: 'return-via-paris', step: 0, name: 'Back by way of Paris, step 1', opened: 1, medianSeconds: 9 },
      { kind: 'journey', id: 'return-via-paris', step: 1, name: 'Back by way of Paris, step 2', opened: 1, medianSeconds: 3 },
      // An id this build does not have is never given a name.
      { kind: 'place', id: 'atlantis', name: '(atlantis: not in this build)', opened: 1, medianSeconds: 1 },
      { kind: 'place', id: 'havana', name: 'Havana', opened: 1, medianSeconds: 2 },
    ]);
    expect(summary.languages).toEqual([{ language: 'en', opened: 6 }, { language: 'es', opened: 2 }]);
    expect([summary.from, summary.to]).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-02T16:05:00.000Z']);
    const printed = formatSummary(summary);
    expect(printed).toContain('8 things opened, 2026-12-01 to 2026-12-02');
    expect(printed).toMatch(/Most opened passages.*\nopened +median +what +name\n3 +7 s +place +Paris\n/);
    expect(printed).toMatch(/Languages\nopened +language\n6 +en\n2 +es/);
  });

  it.each([
    [[5], 5],
    [[1, 9], 5],
    [[9, 1, 4], 4],
  ])('takes the median of %j as %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('writes a CSV a spreadsheet reads back: a row per thing opened, a row per language', () => {
    const rows = parse(summaryCsv(summarizeVisits(readVisitLog(FIXTURE).records, createNames())), { columns: true }) as Array<Record<string, string>>;
    expect(rows[0]).toEqual({ section: 'opened', kind: 'place', id: 'paris', step: '', name: 'Paris', opened: '3', median_seconds_open: '7' });
    expect(rows.find((r) => r.step === '2')).toMatchObject({ name: 'Back by way of Paris, step 2' });
    expect(rows.filter((r) => r.section === 'language').map((r) => [r.id, r.opened])).toEqual([['en', '6'], ['es', '2']]);
  });

  it('npm run kiosk:report prints the summary, names skipped lines and writes the CSV', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-report-')), 'report.csv');
    const run = execFileSync('npx', ['tsx', 'src/build/kiosk-report.ts', '--log', FIXTURE, '--site', 'static', '--out', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(run).toContain('Paris');
    expect(run).toContain(`8 lines from 2 files (2 lines skipped); CSV written to ${out} and ${join(out, '..', 'session-report.csv')}`);
    // A log written before sessions were kept still reports: its sessions are unknown.
    expect(run).toMatch(/\nall days +unknown +– +– +– +– +0 +0\n\(8 visits were logged before sessions were kept: their sessions are unknown\)/);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('section,kind,id,step,name,opened,median_seconds_open');
  });
});
