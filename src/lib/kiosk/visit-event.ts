/**
 * What the kiosk page tells its server, one event at a time. A visit: something a visitor closed or replaced, what it
 * was, how long it was open, in which interface language. A session event: what happened in a visitor's session (it
 * started, the attract loop was stopped, the start card's choice, a journey's step reached, a language switch, a
 * take-home code shown, a search made, the idle prompt answered or let run out, a touch that opened nothing, the
 * session ended). Every line names its session by a random number made for that session alone. Nothing about the
 * person, nor anything they typed.
 */
export const VISIT_KINDS = ['place', 'leg', 'journey', 'document'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export interface VisitEvent {
  kind: VisitKind;
  /** A place, leg, journey or document id. */
  id: string;
  /** For a journey: the step, from 0. */
  step?: number;
  /** `document.documentElement.lang` when it closed. */
  language: string;
  /** How long it was open, in milliseconds. */
  dwellMs: number;
  /** The session it belongs to (absent in logs written before sessions were kept). */
  session?: string;
}

/** What the start card offered and the visitor took. */
export const START_CHOICES = ['journey', 'explore', 'documents'] as const;
export type StartChoice = (typeof START_CHOICES)[number];
export const PROMPT_ANSWERS = ['still-here', 'ran-out'] as const;
export type PromptAnswer = (typeof PROMPT_ANSWERS)[number];
/** How a session ended: the idle prompt ran out and the kiosk reset, or the page went away under it. */
export const SESSION_ENDS = ['idle-reset', 'page-closed'] as const;
export type SessionEnd = (typeof SESSION_ENDS)[number];

/** What happened in a session, without what the session number and language add (see SessionEvent). */
export type SessionNote =
  | { kind: 'session-start' }
  | { kind: 'session-end'; end: SessionEnd; dwellMs: number }
  /** The touch that started the session stopped the attract loop on this journey's step (from 0). */
  | { kind: 'attract-stopped'; id: string; step: number }
  /** A journey's id when the choice is a journey. */
  | { kind: 'start-card'; choice: 'journey'; id: string }
  | { kind: 'start-card'; choice: 'explore' | 'documents' }
  /** A journey's step reached (from 0), and how many steps it has: the last reached is the journey finished. */
  | { kind: 'journey-step'; id: string; step: number; steps: number }
  /** The interface switched to the line's language. */
  | { kind: 'language' }
  | { kind: 'take-home' }
  /** A search was made: never what was typed. */
  | { kind: 'search' }
  | { kind: 'idle-prompt'; answer: PromptAnswer }
  /** A tap on the map that opened nothing: empty map, or a mark that is not there to open. */
  | { kind: 'tap-nothing' };
export type SessionKind = SessionNote['kind'];
export type SessionEvent = SessionNote & { session: string; language: string };

export const SESSION_KINDS = ['session-start', 'session-end', 'attract-stopped', 'start-card', 'journey-step', 'language', 'take-home', 'search', 'idle-prompt', 'tap-nothing'] as const satisfies readonly SessionKind[];
export const EVENT_KINDS = [...VISIT_KINDS, ...SESSION_KINDS] as const;

export type KioskEvent = VisitEvent | SessionEvent;
/** One line the server writes: the event and when it arrived (the server's clock, not the page's). */
export type KioskRecord = KioskEvent & { at: string };
/** A visit line as written. */
export type VisitRecord = VisitEvent & { at: string };

export const isVisit = <T extends { kind: string }>(e: T): e is Extract<T, { kind: VisitKind }> => (VISIT_KINDS as readonly string[]).includes(e.kind);

/** A day: longer than anyone reads one passage or stays at one screen, and a bound on what a broken page could claim. */
export const MAX_DWELL_MS = 86_400_000;
/** Far more than one event takes (about 150 bytes); a bigger body is not one of ours. */
export const MAX_VISIT_BYTES = 2048;
export const VISIT_PATH = '/kiosk/visit';
/** A session's number: 16 hex digits (64 random bits), so no two sessions of the kiosk's life share one. */
export const SESSION_PATTERN = '^[0-9a-f]{16}$';

const ID = { type: 'string', pattern: '^[a-z0-9-]{1,80}$' } as const;
const STEP = { type: 'integer', minimum: 0, maximum: 999 } as const;
const DWELL = { type: 'integer', minimum: 0, maximum: MAX_DWELL_MS } as const;
const SESSION = { type: 'string', pattern: SESSION_PATTERN } as const;
const LANGUAGE = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$' } as const;
const AT = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' } as const;

/** Each kind's own fields, besides kind, language and session; `required` lists those it must have. */
const SHAPES: Record<SessionKind, { properties: Record<string, unknown>; required: string[] }> = {
  'session-start': { properties: {}, required: [] },
  'session-end': { properties: { end: { enum: SESSION_ENDS }, dwellMs: DWELL }, required: ['end', 'dwellMs'] },
  'attract-stopped': { properties: { id: ID, step: STEP }, required: ['id', 'step'] },
  'start-card': { properties: { choice: { enum: START_CHOICES }, id: ID }, required: ['choice'] },
  'journey-step': { properties: { id: ID, step: STEP, steps: { type: 'integer', minimum: 1, maximum: 1000 } }, required: ['id', 'step', 'steps'] },
  language: { properties: {}, required: [] },
  'take-home': { properties: {}, required: [] },
  search: { properties: {}, required: [] },
  'idle-prompt': { properties: { answer: { enum: PROMPT_ANSWERS } }, required: ['answer'] },
  'tap-nothing': { properties: {}, required: [] },
};

/**
 * The JSON schema of one event as the page sends it, or (`{ written: true }`) of one line as the log holds it, with
 * the server's `at`. An unknown kind is refused by the first rule; each kind then allows its own fields and no other.
 */
export function kioskEventSchema(options: { written?: boolean } = {}) {
  const at = options.written ? { at: AT } : {};
  const required = options.written ? ['at'] : [];
  const visit = {
    additionalProperties: false,
    required: ['kind', 'id', 'language', 'dwellMs', ...required],
    properties: { kind: {}, id: ID, step: STEP, language: LANGUAGE, dwellMs: DWELL, session: SESSION, ...at },
    // A step belongs to a journey and to nothing else.
    if: { properties: { kind: { const: 'journey' } } },
    then: { required: ['step'] },
    else: { not: { required: ['step'] } },
  };
  return {
    type: 'object',
    required: ['kind'],
    properties: { kind: { enum: EVENT_KINDS } },
    allOf: [
      { if: { properties: { kind: { enum: VISIT_KINDS } } }, then: visit },
      ...SESSION_KINDS.map((kind) => ({
        if: { properties: { kind: { const: kind } } },
        then: {
          additionalProperties: false,
          required: ['kind', 'session', 'language', ...SHAPES[kind].required, ...required],
          properties: { kind: {}, session: SESSION, language: LANGUAGE, ...SHAPES[kind].properties, ...at },
        },
      })),
      // The start card's journey names it; explore and the documents name nothing.
      { if: { properties: { kind: { const: 'start-card' }, choice: { const: 'journey' } }, required: ['choice'] }, then: { required: ['id'] }, else: { not: { required: ['kind', 'choice', 'id'] } } },
    ],
  } as const;
}

/** A stable key for "the same thing", so a step of a journey is told apart from the next. */
export const visitKey = (e: Pick<VisitEvent, 'kind' | 'id' | 'step'>) => (e.step === undefined ? `${e.kind}:${e.id}` : `${e.kind}:${e.id}:${e.step}`);
