// The report's days are the kiosk machine's local days: this fixed log is read as if the kiosk were in UTC.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatSessions, readVisitLog, sessionsCsv, summarizeVisits, type Names } from '../../src/build/kiosk-report.ts';
import { chartData } from '../../src/build/kiosk-report-html.ts';
import { figuresByDay, funnels, groupSessions, percentile90 } from '../../src/lib/kiosk/sessions.ts';
import { SessionLog, newSessionNumber } from '../../src/lib/kiosk/session-log.ts';
import { Ajv } from 'ajv';
import { EVENT_KINDS, kioskEventSchema, type KioskEvent } from '../../src/lib/kiosk/visit-event.ts';

/**
 * Three days: the first logged before sessions were kept; then four sessions (A, B, C, D) one after another across idle
 * resets; then E, and F whose end the log does not have. tests/fixtures/kiosk-sessions/ says who did what.
 */
const FIXTURE = 'tests/fixtures/kiosk-sessions';
const JOURNEY = 'return-via-paris';

function createNames(): Names {
  return {
    place: new Map([['paris', 'Paris'], ['havana', 'Havana']]),
    leg: new Map(),
    journey: new Map([[JOURNEY, 'Back by way of Paris'], ['outbound-via-mexico', 'Out by way of Mexico']]),
    document: new Map([['kgb-1962-04-14', 'KGB report, 14 April 1962']]),
  };
}

const records = () => {
  const { records, problems } = readVisitLog(FIXTURE);
  expect(problems).toEqual([]);
  return records;
};

describe('a visitor’s session in the log', () => {
  it('groups lines by their session number across idle resets, and keeps lines without one apart', () => {
    // D stopped the attract loop half a second after C's reset, and C's last line arrived after D's first two.
    const { sessions, outside } = groupSessions(records());
    expect(sessions.map((s) => [s.session.slice(0, 2), s.day, s.hour, s.lengthMs, s.end, s.opened])).toEqual([
      ['a1', '2026-12-04', 10, 95_000, 'idle-reset', 4],
      ['b2', '2026-12-04', 10, 240_000, 'idle-reset', 1],
      ['c3', '2026-12-04', 14, 150_000, 'idle-reset', 2],
      ['d4', '2026-12-04', 14, 20_000, 'idle-reset', 0],
      ['e5', '2026-12-05', 9, 60_000, 'idle-reset', 2],
      ['f6', '2026-12-05', 9, null, null, 1],
    ]);
    expect(outside.map((r) => r.kind)).toEqual(['place', 'place']);
    const [a, b] = sessions;
    expect(a!.attract).toEqual({ id: JOURNEY, step: 1 });
    expect([a!.takeHome, a!.tapsNothing, a!.prompts]).toEqual([2, 1, ['ran-out']]);
    // B began after A's reset: nothing of A's is counted in it.
    expect([b!.attract, b!.startChoices, b!.languages, b!.switches, b!.searches, b!.tapsNothing, b!.prompts]).toEqual([null, ['explore'], ['en', 'es'], 1, 1, 2, ['still-here', 'ran-out']]);
  });

  it('counts how far each session went into a journey: started, finished, and the step after which most left', () => {
    const [returns] = funnels(groupSessions(records()).sessions);
    // A finished; C and E reached step 2 and left; nobody left after step 1 or 3.
    expect(returns).toEqual({ id: JOURNEY, steps: 3, started: 3, finished: 1, reached: [3, 3, 1], leftAfter: [0, 2, 0], mostLeaveAfter: 1 });
  });

  it.each([
    [[5], 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9],
    [[10, 1, 9, 2, 8, 3, 7, 4, 6, 5, 100], 10],
  ])('takes the 90th percentile of %j by the nearest rank: %d', (values, expected) => {
    expect(percentile90(values)).toBe(expected);
  });
});

describe('the session report on a fixed log', () => {
  it('gives each day’s figures and the whole log’s: sessions, lengths, share opening something, codes, taps on nothing, attract', () => {
    const byDay = figuresByDay(records());
    expect(byDay.map((f) => f.day)).toEqual(['2026-12-03', '2026-12-04', '2026-12-05', 'all']);
    const [old, fourth, fifth, all] = byDay;
    expect([old!.sessions, old!.visitsOutsideSessions, old!.medianSeconds]).toEqual([0, 2, null]);
    // Lengths 20, 95, 150, 240 s: the median halfway between 95 and 150, the 90th percentile the longest.
    expect(fourth).toMatchObject({ sessions: 4, lengthsKnown: 4, medianSeconds: 122.5, p90Seconds: 240, openedShare: 0.75, takeHome: 3, takeHomePerSession: 0.75, tapsNothing: 6 });
    expect(fourth!.attract).toEqual([{ id: JOURNEY, interruptions: 2 }, { id: 'outbound-via-mexico', interruptions: 1 }]);
    expect(fourth!.journeys).toEqual([{ id: JOURNEY, steps: 3, started: 2, finished: 1, reached: [2, 2, 1], leftAfter: [0, 1, 0], mostLeaveAfter: 1 }]);
    // F has no end: counted as a session, left out of the lengths.
    expect(fifth).toMatchObject({ sessions: 2, lengthsKnown: 1, medianSeconds: 60, p90Seconds: 60, openedShare: 1, takeHomePerSession: 0, tapsNothing: 0 });
    expect(all).toMatchObject({ sessions: 6, visitsOutsideSessions: 2, lengthsKnown: 5, medianSeconds: 95, p90Seconds: 240, openedShare: 0.833, takeHomePerSession: 0.5, tapsNothing: 6, searches: 1, languageSwitches: 1 });
    expect(all!.languages).toEqual([{ language: 'en', sessions: 5 }, { language: 'es', sessions: 2 }]);
    expect(all!.startChoices).toEqual({ journey: 2, explore: 1, documents: 1 });
    expect(all!.prompts).toEqual({ 'still-here': 1, 'ran-out': 5 });
  });

  it('prints a short table a curator reads: a row a day, then journeys, languages and attract loops stopped', () => {
    const printed = formatSessions(figuresByDay(records()), createNames());
    const lines = printed.split('\n');
    expect(lines.slice(1, 6).map((l) => l.split(/ {2,}/))).toEqual([
      ['day', 'sessions', 'median', '90th pct', 'opened ≥1', 'take-home/session', 'taps on nothing', 'attract stopped'],
      ['2026-12-03', 'unknown', '–', '–', '–', '–', '0', '0'],
      ['2026-12-04', '4', '2 min 03 s', '4 min 00 s', '75 %', '0.75', '6', '3'],
      ['2026-12-05', '2', '1 min 00 s', '1 min 00 s', '100 %', '0', '0', '0'],
      ['all days', '6', '1 min 35 s', '4 min 00 s', '83 %', '0.5', '6', '3'],
    ]);
    expect(printed).toContain('(2 visits were logged before sessions were kept: their sessions are unknown)');
    expect(printed).toContain('(1 session has no end in the log, so no length: the page stopped or the log was cut)');
    expect(printed).toMatch(/Journeys \(all days\): sessions that reached each step\nstarted +finished +most leave after +steps reached +journey\n3 +1 +step 2 \(2 of 2\) +3 → 3 → 1 +Back by way of Paris\n/);
    expect(printed).toMatch(/Languages \(all days\): sessions in each; 1 switch\nsessions +language\n5 +en\n2 +es/);
    expect(printed).toMatch(/Attract loop stopped by a touch, by the journey it was playing \(all days\)\ntimes +journey\n2 +Back by way of Paris\n1 +Out by way of Mexico/);
    expect(printed).toContain('Start card (all days): 2 journey, 1 explore, 1 documents; searches: 1; "Still there?": 1 answered, 5 ran out');
  });

  it('writes the figures as CSV, a figure a row, per day and for the whole log', () => {
    const rows = parse(sessionsCsv(figuresByDay(records()), createNames()), { columns: true }) as Array<Record<string, string>>;
    const cell = (day: string, section: string, id: string, figure: string) => rows.find((r) => r.day === day && r.section === section && r.id === id && r.figure === figure)?.value;
    expect(cell('2026-12-03', 'sessions', '', 'sessions')).toBe('unknown');
    expect(cell('2026-12-04', 'sessions', '', 'sessions')).toBe('4');
    expect(cell('2026-12-04', 'sessions', '', 'median_session_seconds')).toBe('122.5');
    expect(cell('all', 'sessions', '', 'p90_session_seconds')).toBe('240');
    expect(cell('all', 'sessions', '', 'share_opening_at_least_one')).toBe('0.833');
    expect(cell('all', 'sessions', '', 'take_home_codes_per_session')).toBe('0.5');
    expect(cell('all', 'sessions', '', 'taps_opening_nothing')).toBe('6');
    expect(cell('all', 'journey', JOURNEY, 'started')).toBe('3');
    expect(cell('all', 'journey', JOURNEY, 'finished')).toBe('1');
    expect(cell('all', 'journey', JOURNEY, 'most_leave_after_step')).toBe('2');
    expect(cell('2026-12-05', 'journey', JOURNEY, 'reached_step_2')).toBe('1');
    expect(cell('all', 'language', 'es', 'sessions')).toBe('2');
    expect(cell('all', 'attract_stopped', 'outbound-via-mexico', 'times')).toBe('1');
    expect(rows.find((r) => r.section === 'journey')?.name).toBe('Back by way of Paris');
  });

  it('still reports what was opened, visits with and without sessions alike', () => {
    const summary = summarizeVisits(records(), createNames());
    expect(summary.total).toBe(12);
    expect(summary.rows).toContainEqual({ kind: 'place', id: 'paris', name: 'Paris', opened: 3, medianSeconds: 15 });
    expect(summary.rows).toContainEqual({ kind: 'journey', id: JOURNEY, step: 0, name: 'Back by way of Paris, step 1', opened: 2, medianSeconds: 40.5 });
    const charts = chartData(records(), summary, figuresByDay(records()), createNames());
    expect(charts.perHour).toEqual([9, 10, 11, 12, 13, 14].map((hour) => ({ hour, sessions: hour === 9 || hour === 10 || hour === 14 ? 2 : 0 })));
    expect(charts.lengths.map((l) => l.minutes)).toEqual([1.58, 4, 2.5, 0.33, 1]);
    expect(charts.funnels).toEqual([{ journey: 'Back by way of Paris', steps: [{ step: 'Step 1', sessions: 3 }, { step: 'Step 2', sessions: 3 }, { step: 'Step 3', sessions: 1 }] }]);
  });

  it('npm run kiosk:report prints the sessions and writes both CSV files and the HTML page', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-report-')), 'visits.csv');
    const html = join(tmpdir(), `atlas-report-${process.pid}.html`);
    const printed = execFileSync('npx', ['tsx', 'src/build/kiosk-report.ts', '--log', FIXTURE, '--site', 'tests/fixtures/kiosk-sessions-site', '--out', out, '--html', html], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(printed).toMatch(/^Sessions \(a visitor, from the first touch to the idle reset/);
    expect(printed).toMatch(/all days +6 +1 min 35 s +4 min 00 s +83 %/);
    expect(printed).toContain(`; CSV written to ${out} and ${join(out, '..', 'session-report.csv')}; charts written to ${html}`);
    expect(readFileSync(join(out, '..', 'session-report.csv'), 'utf8')).toMatch(/^day,section,id,name,figure,value\n2026-12-03,sessions,,,sessions,unknown\n/);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('@observablehq/plot v0.6.17');
    // Nothing to fetch, and a policy that would refuse it (the browser test opens the page and watches its requests).
    expect(/<script[^>]+src=|<link[^>]|<img[^>]/i.test(page)).toBe(false);
    expect(page).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"`);
  });
});

describe('the page’s session log', () => {
  function createLog(numbers: string[]) {
    const sent: KioskEvent[] = [];
    let now = 0;
    let language = 'en';
    const log = new SessionLog((e) => sent.push(e), () => now, () => language, () => numbers.shift()!);
    return { log, sent, at: (ms: number) => (now = ms), speak: (l: string) => (language = l) };
  }

  it('starts a session at the first touch, ends it at the idle reset, and gives the next one a new number', () => {
    const { log, sent, at } = createLog(['00000000000000aa', '00000000000000aa', '00000000000000bb']);
    log.note({ kind: 'take-home' }); // the attract tour's code: nobody's
    at(1_000);
    log.touched({ journeyId: JOURNEY, step: 2 });
    at(5_000);
    log.touched(null);
    log.journeyAt({ id: JOURNEY, step: 0, steps: 3 });
    log.journeyAt({ id: JOURNEY, step: 0, steps: 3 }); // the same step still on screen: not counted again
    log.visit({ kind: 'place', id: 'paris', language: 'en', dwellMs: 300 });
    at(31_000);
    log.touched(null);
    log.end('idle-reset');
    log.end('idle-reset'); // no session: nothing
    at(100_000);
    log.touched(null);
    log.visit({ kind: 'place', id: 'havana', language: 'en', dwellMs: 10 });
    expect(sent).toEqual([
      { kind: 'session-start', session: '00000000000000aa', language: 'en' },
      { kind: 'attract-stopped', id: JOURNEY, step: 2, session: '00000000000000aa', language: 'en' },
      { kind: 'journey-step', id: JOURNEY, step: 0, steps: 3, session: '00000000000000aa', language: 'en' },
      { kind: 'place', id: 'paris', language: 'en', dwellMs: 300, session: '00000000000000aa' },
      { kind: 'session-end', end: 'idle-reset', dwellMs: 30_000, session: '00000000000000aa', language: 'en' },
      // The random source repeated itself: the number is not reused.
      { kind: 'session-start', session: '00000000000000bb', language: 'en' },
      { kind: 'place', id: 'havana', language: 'en', dwellMs: 10, session: '00000000000000bb' },
    ]);
  });

  it('makes session numbers of 16 hex digits from the random source', () => {
    expect(newSessionNumber((bytes) => bytes.fill(171))).toBe('abababababababab');
    expect(newSessionNumber()).toMatch(/^[0-9a-f]{16}$/);
    expect(newSessionNumber()).not.toBe(newSessionNumber());
  });
});

describe('the kiosk guide says exactly what is logged', () => {
  // The README links the visit log's details to src/lib/kiosk/KIOSK.md.
  const guide = readFileSync('src/lib/kiosk/KIOSK.md', 'utf8');
  const section = guide.slice(guide.indexOf('## Visit log'), guide.indexOf('## The report'));

  it('lists every kind of line, and no other', () => {
    const listed = [...section.matchAll(/^\| ((?:`[a-z-]+`(?:, )?)+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z-]+)`/g)].map((k) => k[1]));
    // The table's header names its first column `kind`.
    expect(listed.filter((k) => k !== 'kind').sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('shows example lines the log would write', () => {
    const isLine = new Ajv({ allErrors: true }).compile(kioskEventSchema({ written: true }));
    const examples = section.split('\n').filter((l) => l.startsWith('{"kind"'));
    expect(examples.length).toBeGreaterThan(5);
    for (const line of examples) expect(isLine(JSON.parse(line)), `${line}: ${JSON.stringify(isLine.errors)}`).toBe(true);
    const { sessions } = groupSessions(examples.map((l) => JSON.parse(l)));
    expect(sessions.map((s) => [s.lengthMs, s.attract, s.opened, s.tapsNothing, s.languages, [...s.journeys.get(JOURNEY)!.reached]])).toEqual([[18_090, { id: JOURNEY, step: 0 }, 2, 0, ['en', 'es'], [0, 1]]]);
  });
});
