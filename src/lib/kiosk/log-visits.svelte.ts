import { visitSender, VisitTracker, type OpenThing } from './visit-log.ts';

/**
 * The kiosk's anonymous visit log for as long as the calling component lives (call it while the component is set
 * up): whatever `openNow` answers is tracked, and what is still open counts when the page goes away (the nightly
 * reload, or the launcher closing the browser) or the component does.
 */
export function logVisits(openNow: () => readonly OpenThing[]): void {
  const tracker = new VisitTracker(visitSender(), () => performance.now(), () => document.documentElement.lang || 'en');
  $effect(() => tracker.show(openNow()));
  $effect(() => {
    const close = () => tracker.closeAll();
    window.addEventListener('pagehide', close);
    return () => {
      window.removeEventListener('pagehide', close);
      close();
    };
  });
}
