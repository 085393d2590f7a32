import { visitSender, VisitTracker, type OpenThing } from './visit-log.ts';
import { SessionLog } from './session-log.ts';
import { listenToVisitor } from './visitor-notes.ts';
import type { KioskPhase } from './kiosk-state.svelte.ts';

export interface LogVisitsOptions {
  /** Whether the launcher asked for a log (`&visits`): without, nothing is sent. */
  enabled: () => boolean;
  /** The kiosk's phase: the attract tour's steps are nobody's, and the "Still there?" prompt closes what was open. */
  phase: () => KioskPhase;
  /** What a visitor has open now (see openThings). */
  open: () => readonly OpenThing[];
  /** How many steps a journey has (for "finished"). */
  stepsOf: (journeyId: string) => number;
}

/**
 * The kiosk's anonymous visit log for as long as the calling component lives (call it while the component is set
 * up): what is open is tracked, each journey step reached and each note a component makes is sent within the
 * visitor's session, and what is still open counts when the page goes away (the nightly reload, or the launcher
 * closing the browser) or the component does. Returns the session log, for the kiosk's cycle to start and end.
 */
export function logVisits(options: LogVisitsOptions): SessionLog {
  const post = visitSender();
  const language = () => document.documentElement.lang || 'en';
  const sessions = new SessionLog((event) => options.enabled() && post(event), () => performance.now(), language);
  const tracker = new VisitTracker((visit) => sessions.visit(visit), () => performance.now(), language);
  $effect(() => tracker.show(options.enabled() && options.phase() === 'visitor' ? options.open() : []));
  $effect(() => {
    const journey = options.phase() === 'attract' ? undefined : options.open().find((thing) => thing.kind === 'journey');
    sessions.journeyAt(journey ? { id: journey.id, step: journey.step ?? 0, steps: options.stepsOf(journey.id) } : null);
  });
  $effect(() => listenToVisitor((note) => sessions.note(note)));
  $effect(() => {
    const close = () => {
      tracker.closeAll();
      sessions.end('page-closed');
    };
    window.addEventListener('pagehide', close);
    return () => {
      window.removeEventListener('pagehide', close);
      close();
    };
  });
  return sessions;
}
