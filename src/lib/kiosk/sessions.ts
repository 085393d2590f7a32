/**
 * A day at the kiosk in the figures curators use: the log's lines grouped into visitors' sessions (by their random
 * number), and per session, per day and for the whole log: how many sessions, how long, how many opened something,
 * how far journeys went, languages, take-home codes, touches that opened nothing, attract loops stopped. Pure: the
 * report (src/build/kiosk-report.ts) reads the files, this counts.
 */
import { isVisit, type KioskRecord, type PromptAnswer, type SessionEnd, type StartChoice } from './visit-event.ts';

export interface Session {
  session: string;
  /** The local day and hour of its first line (the server's clock). */
  day: string;
  hour: number;
  /** First touch to last, as the page measured it; null when the session's end is not in the log (a crash, a cut). */
  lengthMs: number | null;
  end: SessionEnd | null;
  /** Places, legs, journey steps and documents it opened (visit lines). */
  opened: number;
  /** Its language at the start, and every language it switched to. */
  languages: string[];
  switches: number;
  takeHome: number;
  searches: number;
  tapsNothing: number;
  startChoices: StartChoice[];
  prompts: PromptAnswer[];
  /** The attract loop's journey and step (from 0) its first touch stopped, if it did. */
  attract: { id: string; step: number } | null;
  /** Each journey it reached a step of: the steps reached (from 0) and how many the journey has. */
  journeys: Map<string, { steps: number; reached: Set<number> }>;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The day of a line as the log's file names have it: the machine's local day. */
export const localDay = (at: string) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

function createSession(session: string, first: KioskRecord): Session {
  return {
    session,
    day: localDay(first.at),
    hour: new Date(first.at).getHours(),
    lengthMs: null,
    end: null,
    opened: 0,
    languages: [first.language],
    switches: 0,
    takeHome: 0,
    searches: 0,
    tapsNothing: 0,
    startChoices: [],
    prompts: [],
    attract: null,
    journeys: new Map(),
  };
}

/**
 * The log's lines as sessions, in the order they started, and the visit lines that name no session (a log written
 * before sessions were kept). Lines of one session are found by its number wherever they are (a visit closed by the
 * idle prompt arrives after the session's other lines, and before its end).
 */
export function groupSessions(records: readonly KioskRecord[]): { sessions: Session[]; outside: KioskRecord[] } {
  const byNumber = new Map<string, Session>();
  const outside: KioskRecord[] = [];
  for (const r of records) {
    if (r.session === undefined) {
      outside.push(r);
      continue;
    }
    let s = byNumber.get(r.session);
    if (!s) byNumber.set(r.session, (s = createSession(r.session, r)));
    if (isVisit(r)) {
      s.opened += 1;
      continue;
    }
    switch (r.kind) {
      case 'session-end':
        s.lengthMs = r.dwellMs;
        s.end = r.end;
        break;
      case 'attract-stopped':
        s.attract = { id: r.id, step: r.step };
        break;
      case 'start-card':
        s.startChoices.push(r.choice);
        break;
      case 'journey-step': {
        const journey = s.journeys.get(r.id) ?? { steps: r.steps, reached: new Set<number>() };
        journey.steps = Math.max(journey.steps, r.steps);
        journey.reached.add(r.step);
        s.journeys.set(r.id, journey);
        break;
      }
      case 'language':
        s.switches += 1;
        if (!s.languages.includes(r.language)) s.languages.push(r.language);
        break;
      case 'take-home':
        s.takeHome += 1;
        break;
      case 'search':
        s.searches += 1;
        break;
      case 'idle-prompt':
        s.prompts.push(r.answer);
        break;
      case 'tap-nothing':
        s.tapsNothing += 1;
        break;
      case 'session-start':
        break;
    }
  }
  return { sessions: [...byNumber.values()], outside };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The 90th percentile by the nearest rank: the length that 9 sessions in 10 do not exceed. */
export function percentile90(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.9 * sorted.length) - 1)]!;
}

/** How far visitors went into one journey. */
export interface Funnel {
  id: string;
  steps: number;
  /** Sessions that reached any step of it. */
  started: number;
  /** Sessions that reached its last step. */
  finished: number;
  /** Sessions that reached each step (from 0). */
  reached: number[];
  /** Of those that did not finish, how many went no further than each step (from 0). */
  leftAfter: number[];
  /** The step (from 0) after which most of those that did not finish left; null when every one finished. */
  mostLeaveAfter: number | null;
}

export function funnels(sessions: readonly Session[]): Funnel[] {
  const all = new Map<string, Funnel>();
  for (const s of sessions) {
    for (const [id, { steps, reached }] of s.journeys) {
      let f = all.get(id);
      if (!f) all.set(id, (f = { id, steps, started: 0, finished: 0, reached: [], leftAfter: [], mostLeaveAfter: null }));
      f.steps = Math.max(f.steps, steps);
      f.started += 1;
      for (const step of reached) f.reached[step] = (f.reached[step] ?? 0) + 1;
      if (reached.has(steps - 1)) f.finished += 1;
      else {
        const furthest = Math.max(...reached);
        f.leftAfter[furthest] = (f.leftAfter[furthest] ?? 0) + 1;
      }
    }
  }
  return [...all.values()]
    .map((f) => {
      const reached = Array.from({ length: f.steps }, (_, i) => f.reached[i] ?? 0);
      const leftAfter = Array.from({ length: f.steps }, (_, i) => f.leftAfter[i] ?? 0);
      const most = Math.max(0, ...leftAfter);
      return { ...f, reached, leftAfter, mostLeaveAfter: most ? leftAfter.indexOf(most) : null };
    })
    .sort((a, b) => b.started - a.started || a.id.localeCompare(b.id));
}

/** The figures for a set of sessions: a day's, or the whole log's. */
export interface SessionFigures {
  /** "2026-12-03", or "all" for the whole log. */
  day: string;
  sessions: number;
  /** Visit lines that name no session (logged before sessions were kept): their sessions are unknown. */
  visitsOutsideSessions: number;
  /** Sessions whose end is in the log (their length is known). */
  lengthsKnown: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** Share (0–1) of sessions that opened at least one place, route leg, journey step or document. */
  openedShare: number | null;
  takeHomePerSession: number | null;
  takeHome: number;
  tapsNothing: number;
  searches: number;
  languageSwitches: number;
  /** Sessions in each language (one that switched counts in each it used), most first. */
  languages: Array<{ language: string; sessions: number }>;
  startChoices: Record<StartChoice, number>;
  prompts: Record<PromptAnswer, number>;
  journeys: Funnel[];
  /** Attract loops stopped by a touch, by the journey it was playing, most first. */
  attract: Array<{ id: string; interruptions: number }>;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

function countBy<T>(items: readonly T[]): Array<[T, number]> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
}

export function sessionFigures(day: string, sessions: readonly Session[], outside: readonly KioskRecord[]): SessionFigures {
  const lengths = sessions.flatMap((s) => (s.lengthMs === null ? [] : [s.lengthMs]));
  const sum = (f: (s: Session) => number) => sessions.reduce((n, s) => n + f(s), 0);
  const choices = sessions.flatMap((s) => s.startChoices);
  const prompts = sessions.flatMap((s) => s.prompts);
  return {
    day,
    sessions: sessions.length,
    visitsOutsideSessions: outside.filter(isVisit).length,
    lengthsKnown: lengths.length,
    medianSeconds: lengths.length ? seconds(median(lengths)) : null,
    p90Seconds: lengths.length ? seconds(percentile90(lengths)) : null,
    openedShare: ratio(sessions.filter((s) => s.opened > 0).length, sessions.length),
    takeHomePerSession: ratio(sum((s) => s.takeHome), sessions.length),
    takeHome: sum((s) => s.takeHome),
    tapsNothing: sum((s) => s.tapsNothing),
    searches: sum((s) => s.searches),
    languageSwitches: sum((s) => s.switches),
    languages: countBy(sessions.flatMap((s) => s.languages)).map(([language, n]) => ({ language, sessions: n })),
    startChoices: { journey: choices.filter((c) => c === 'journey').length, explore: choices.filter((c) => c === 'explore').length, documents: choices.filter((c) => c === 'documents').length },
    prompts: { 'still-here': prompts.filter((p) => p === 'still-here').length, 'ran-out': prompts.filter((p) => p === 'ran-out').length },
    journeys: funnels(sessions),
    attract: countBy(sessions.flatMap((s) => (s.attract ? [s.attract.id] : []))).map(([id, n]) => ({ id, interruptions: n })),
  };
}

/** Each day's figures, oldest first, then the whole log's ("all"). */
export function figuresByDay(records: readonly KioskRecord[]): SessionFigures[] {
  const { sessions, outside } = groupSessions(records);
  const days = [...new Set([...sessions.map((s) => s.day), ...outside.map((r) => localDay(r.at))])].sort();
  return [
    ...days.map((day) => sessionFigures(day, sessions.filter((s) => s.day === day), outside.filter((r) => localDay(r.at) === day))),
    sessionFigures('all', sessions, outside),
  ];
}
