import type { KioskEvent, SessionEnd, SessionNote, VisitEvent } from './visit-event.ts';

/** A fresh session number: 64 random bits as 16 hex digits, from the browser's cryptographic source. */
export function newSessionNumber(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer> = (bytes) => crypto.getRandomValues(bytes)): string {
  return [...random(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the attract loop was playing when a touch stopped it. */
export interface AttractAt {
  journeyId: string;
  step: number;
}

/**
 * A visitor's session at the kiosk, as the log sees it: it starts at the first touch (after the attract loop, or
 * after the page loads) and ends at the idle reset, or when the page goes away. Each session gets a new random
 * number that nothing else knows and no later session reuses; every line sent while it lasts carries it. Outside a
 * session (the attract loop, nobody there) nothing is sent. Its length runs from the first touch to the last.
 */
export class SessionLog {
  readonly #send: (event: KioskEvent) => void;
  readonly #now: () => number;
  readonly #language: () => string;
  readonly #random: () => string;
  readonly #used = new Set<string>();
  #current: { session: string; first: number; last: number; step: string | null } | null = null;

  constructor(send: (event: KioskEvent) => void, now: () => number, language: () => string, random: () => string = () => newSessionNumber()) {
    this.#send = send;
    this.#now = now;
    this.#language = language;
    this.#random = random;
  }

  /** The session's number, or null between sessions. */
  get session(): string | null {
    return this.#current?.session ?? null;
  }

  /** A touch (click, key, wheel): starts a session if none is open, noting the attract loop it stopped. */
  touched(attract: AttractAt | null) {
    const now = this.#now();
    if (this.#current) {
      this.#current.last = now;
      return;
    }
    let session = this.#random();
    // 64 bits do not repeat in a kiosk's life; this makes "never reused" true by construction in this page's.
    while (this.#used.has(session)) session = this.#random();
    this.#used.add(session);
    this.#current = { session, first: now, last: now, step: null };
    this.note({ kind: 'session-start' });
    if (attract) this.note({ kind: 'attract-stopped', id: attract.journeyId, step: attract.step });
  }

  /** Something happened in the session; nothing is sent between sessions. */
  note(note: SessionNote) {
    if (this.#current) this.#send({ ...note, session: this.#current.session, language: this.#language() });
  }

  /** The journey step on screen now (null: none): sent once each time the visitor arrives at a step. */
  journeyAt(at: { id: string; step: number; steps: number } | null) {
    const key = at ? `${at.id}:${at.step}` : null;
    if (!this.#current || this.#current.step === key) return;
    this.#current.step = key;
    if (at) this.note({ kind: 'journey-step', ...at });
  }

  /** A visit, with its session's number when there is one. */
  visit(event: VisitEvent) {
    this.#send(this.#current ? { ...event, session: this.#current.session } : event);
  }

  /** The session ends: its length (first touch to last) is sent, and its number forgotten. */
  end(end: SessionEnd) {
    const current = this.#current;
    if (!current) return;
    this.note({ kind: 'session-end', end, dwellMs: Math.max(0, Math.round(current.last - current.first)) });
    this.#current = null;
  }
}
