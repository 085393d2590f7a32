import { Ajv } from 'ajv';

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

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    idleSeconds: { type: 'number', minimum: 10, maximum: 3600 },
    countdownSeconds: { type: 'number', minimum: 20, maximum: 300 },
    attractTour: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]+$' } },
    attractStepSeconds: { type: 'number', minimum: 2, maximum: 120 },
    startView: {
      oneOf: [
        { enum: ['network', 'world'] },
        {
          type: 'object',
          required: ['lng', 'lat', 'zoom'],
          additionalProperties: false,
          properties: { lng: { type: 'number', minimum: -180, maximum: 180 }, lat: { type: 'number', minimum: -85, maximum: 85 }, zoom: { type: 'number', minimum: 0, maximum: 9 } },
        },
      ],
    },
    textScale: { enum: [...TEXT_SCALES] },
    language: { enum: ['en'] },
    nightlyReload: { oneOf: [{ type: 'null' }, { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }] },
    watchdogSeconds: { type: 'number', minimum: 15, maximum: 3600 },
  },
};
const validate = new Ajv({ allErrors: true }).compile(schema);

const HINTS: Record<string, string> = {
  countdownSeconds: 'at least 20, so a visitor has time to answer',
  textScale: `one of ${TEXT_SCALES.join(', ')}`,
  language: '"en": English is the only interface language so far',
  nightlyReload: '"HH:MM" in 24-hour time, or null',
  startView: '"network", "world", or { "lng": …, "lat": …, "zoom": … }',
};

/**
 * Reads a kiosk configuration. A bad file is refused as a whole, with messages naming each field
 * and what it accepts, and the defaults are kept; a good one may leave fields out.
 */
export function parseKioskConfig(text: string, file = 'kiosk/config.json'): { config: KioskConfig; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { config: DEFAULT_KIOSK_CONFIG, problems: [`${file}: not valid JSON (${(e as Error).message}); the defaults are used`] };
  }
  if (validate(data)) return { config: { ...DEFAULT_KIOSK_CONFIG, ...(data as Partial<KioskConfig>) }, problems: [] };
  const problems = new Map<string, string>();
  for (const error of validate.errors ?? []) {
    const field = error.instancePath.split('/')[1] ?? (error.params as { additionalProperty?: string }).additionalProperty ?? '';
    if (problems.has(field)) continue;
    const what =
      error.keyword === 'additionalProperties'
        ? `unknown setting "${field}"; the settings are ${Object.keys(DEFAULT_KIOSK_CONFIG).join(', ')}`
        : `"${field}" ${HINTS[field] ? `must be ${HINTS[field]}` : error.message}`;
    problems.set(field, `${file}: ${what}; the defaults are used`);
  }
  return { config: DEFAULT_KIOSK_CONFIG, problems: [...problems.values()] };
}
