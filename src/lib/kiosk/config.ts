/** How the museum kiosk behaves; set in static/kiosk/config.json, no code changes needed. */
export interface KioskConfig {
  /** Seconds without a touch before the screen asks whether anyone is still there. */
  idleSeconds: number;
  /** Seconds the "Still there?" countdown runs before everything resets (at least 20). */
  countdownSeconds: number;
  /** Journey ids, in the order the attract tour plays them (empty: all, in the memo's order). */
  attractTour: string[];
  /** Seconds each step of the attract tour stays on screen. */
  attractStepSeconds: number;
  /** Where the map starts and returns to: "network" (the routes), "world", or a view. */
  startView: 'network' | 'world' | { lng: number; lat: number; zoom: number };
  /** Text size at start and after a reset: 1 is the web size; the kiosk reads at arm's length. */
  textScale: number;
  /** Interface language. Only English is available so far. */
  language: 'en';
  /** "HH:MM" local time for the nightly reload (done during the attract loop), or null for none. */
  nightlyReload: string | null;
  /** Seconds without a heartbeat from the page before the launcher restarts the browser. */
  watchdogSeconds: number;
}

export const DEFAULT_KIOSK_CONFIG: KioskConfig = {
  idleSeconds: 90,
  countdownSeconds: 30,
  attractTour: [],
  attractStepSeconds: 9,
  startView: 'network',
  textScale: 1.25,
  language: 'en',
  nightlyReload: '03:30',
  watchdogSeconds: 60,
};

export const TEXT_SCALES = [1, 1.25, 1.5, 1.75] as const;

/**
 * The configuration the page runs with: what the kiosk launcher served (already validated there,
 * see validate-config.ts) over the defaults. Only known settings are taken.
 */
export function withDefaults(served: unknown): KioskConfig {
  const known = Object.keys(DEFAULT_KIOSK_CONFIG);
  const picked = served && typeof served === 'object' ? Object.fromEntries(Object.entries(served).filter(([k]) => known.includes(k))) : {};
  return { ...DEFAULT_KIOSK_CONFIG, ...picked };
}
