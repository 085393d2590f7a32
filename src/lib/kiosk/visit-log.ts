import { visitKey, type KioskEvent, type VisitEvent, type VisitKind } from './visit-event.ts';
import { siteAddress } from '../address/page-address.ts';

/** Something a visitor has open: a place or leg in the panel, a journey's step, a document in the reader. */
export interface OpenThing {
  kind: VisitKind;
  id: string;
  step?: number;
}

/** What is open, from the page's state: the selection, the journey's step, the reader's document. */
export function openThings(selected: { kind: 'place' | 'leg'; id: string } | null, journey: { id: string | null; step: number }, reader: { documentId: string } | null): OpenThing[] {
  return [
    ...(selected ? [{ kind: selected.kind, id: selected.id }] : []),
    ...(journey.id ? [{ kind: 'journey' as const, id: journey.id, step: journey.step }] : []),
    ...(reader ? [{ kind: 'document' as const, id: reader.documentId }] : []),
  ];
}

/**
 * Tells the kiosk server, once per thing, when something a visitor opened is closed or replaced, and how long it was
 * open. Only kinds and ids go out, with the interface language: nothing typed, nothing about the person.
 */
export class VisitTracker {
  readonly #open = new Map<string, { thing: OpenThing; since: number }>();
  readonly #send: (event: VisitEvent) => void;
  readonly #now: () => number;
  readonly #language: () => string;

  constructor(send: (event: VisitEvent) => void, now: () => number, language: () => string) {
    this.#send = send;
    this.#now = now;
    this.#language = language;
  }

  /** What is open now: what was open before and is not any more is sent; what is new starts its clock. */
  show(things: readonly OpenThing[]) {
    const keys = new Set(things.map(visitKey));
    for (const [key, { thing, since }] of this.#open) {
      if (keys.has(key)) continue;
      this.#open.delete(key);
      this.#send({ ...thing, language: this.#language(), dwellMs: Math.max(0, Math.round(this.#now() - since)) });
    }
    for (const thing of things) {
      const key = visitKey(thing);
      if (!this.#open.has(key)) this.#open.set(key, { thing: { ...thing }, since: this.#now() });
    }
  }

  /** Everything closes (the page is going away). */
  closeAll() {
    this.show([]);
  }
}

/**
 * Sends each event to the kiosk server; keepalive, so the last one still goes out while the page unloads. A server
 * that keeps no log (`npm start` with `?visits`, or `--no-visit-log`) answers 404 or 405: the page then stops
 * sending, with one line on the console, rather than one failed POST per visit.
 */
export function visitSender(
  post: typeof fetch = (...args) => fetch(...args),
  address: () => string = () => siteAddress('kiosk/visit', location.href),
  say: (line: string) => void = console.info,
): (event: KioskEvent) => void {
  let stopped = false;
  return (event) => {
    if (stopped) return;
    post(address(), { method: 'POST', keepalive: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) }).then(
      (response) => {
        if ((response.status === 404 || response.status === 405) && !stopped) {
          stopped = true;
          say(`kiosk: this server keeps no visit log (HTTP ${response.status}); visits are not sent any more`);
        }
      },
      () => {}, // offline for a moment: this visit is lost, the next is tried
    );
  };
}
