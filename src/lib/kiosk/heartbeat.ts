import { siteAddress } from '../address/page-address.ts';
import type { RendererKind } from '../atlas/contract.ts';

/** Seconds between two heartbeats; the launcher's watchdog waits `watchdogSeconds` (at least 15) for one. */
export const HEARTBEAT_SECONDS = 10;

/**
 * Heartbeats to the kiosk launcher's watchdog, each saying what draws the map now: they let the watchdog restart a
 * frozen or crashed browser. A beat that fails is let go (the next comes HEARTBEAT_SECONDS later); `cancel` drops the
 * beats still on their way, when kiosk mode ends.
 */
export function heartbeatSender(renderer: () => RendererKind): { beat(): void; cancel(): void } {
  let onTheirWay = new AbortController();
  return {
    beat() {
      const body = JSON.stringify({ renderer: renderer() });
      void fetch(siteAddress('kiosk/heartbeat', location.href), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: onTheirWay.signal }).catch(() => {});
    },
    cancel() {
      onTheirWay.abort();
      onTheirWay = new AbortController();
    },
  };
}
