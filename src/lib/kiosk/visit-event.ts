/**
 * What the kiosk page tells its server when a visitor closes or replaces something they opened: what it was, how long
 * it was open, in which interface language. Nothing about the person, nor anything they typed.
 */
export type VisitKind = 'place' | 'leg' | 'journey' | 'document';

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
}

/** The one line the server writes: the event and when it arrived (the server's clock, not the page's). */
export interface VisitRecord extends VisitEvent {
  at: string;
}

/** A day: longer than anyone reads one passage, and a bound on what a broken page could claim. */
export const MAX_DWELL_MS = 86_400_000;
/** Far more than one event takes (about 100 bytes); a bigger body is not one of ours. */
export const MAX_VISIT_BYTES = 2048;
export const VISIT_PATH = '/kiosk/visit';

export const VISIT_EVENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'language', 'dwellMs'],
  properties: {
    kind: { enum: ['place', 'leg', 'journey', 'document'] },
    id: { type: 'string', pattern: '^[a-z0-9-]{1,80}$' },
    step: { type: 'integer', minimum: 0, maximum: 999 },
    language: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$' },
    dwellMs: { type: 'integer', minimum: 0, maximum: MAX_DWELL_MS },
  },
  // A step belongs to a journey and to nothing else.
  if: { properties: { kind: { const: 'journey' } } },
  then: { required: ['step'] },
  else: { not: { required: ['step'] } },
} as const;

/** A stable key for "the same thing", so a step of a journey is told apart from the next. */
export const visitKey = (e: Pick<VisitEvent, 'kind' | 'id' | 'step'>) => (e.step === undefined ? `${e.kind}:${e.id}` : `${e.kind}:${e.id}:${e.step}`);
