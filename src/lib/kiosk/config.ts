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
  /** Interface language at start and after a reset. */
  language: KioskLanguage;
  /** Languages the attract loop alternates between, one per journey (empty: no alternation, `language` only). */
  attractLanguages: KioskLanguage[];
  /** "HH:MM" local time for the nightly reload (done during the attract loop), or null for none. */
  nightlyReload: string | null;
  /** Seconds without a heartbeat from the page before the launcher restarts the browser. */
  watchdogSeconds: number;
  /**
   * The museum's public web address of the atlas (http or https), or null: with one, the selected passage or journey
   * step shows a QR code of its deep link there ("Take this passage home"); without, no code is shown.
   */
  publicUrl: string | null;
}

export type KioskLanguage = 'en' | 'es';

export const DEFAULT_KIOSK_CONFIG: KioskConfig = {
  idleSeconds: 90,
  countdownSeconds: 30,
  attractTour: [],
  attractStepSeconds: 9,
  startView: 'network',
  textScale: 1.25,
  language: 'en',
  attractLanguages: [],
  nightlyReload: '03:30',
  watchdogSeconds: 60,
  publicUrl: null,
};

export const TEXT_SCALES = [1, 1.25, 1.5, 1.75] as const;
