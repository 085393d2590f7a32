import type { SessionNote } from './visit-event.ts';

/** What a component may say happened, for the kiosk's session log: a choice, a switch, a code shown, a search made. */
export type VisitorNote = Extract<SessionNote, { kind: 'start-card' | 'language' | 'take-home' | 'search' | 'tap-nothing' }>;

const listeners = new Set<(note: VisitorNote) => void>();

/**
 * Tells whoever listens (the kiosk's session log, when there is one) that a visitor did something. Off the kiosk nobody
 * listens and this does nothing: components say what happened without knowing whether it is logged.
 */
export function noteVisitor(note: VisitorNote): void {
  for (const listener of listeners) listener(note);
}

/** Listens to the visitor's notes until the returned function is called. */
export function listenToVisitor(listener: (note: VisitorNote) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
