import { Ajv } from 'ajv';
import { DEFAULT_KIOSK_CONFIG, TEXT_SCALES, type KioskConfig } from './config.ts';

// Node-only (the launcher and tests): Ajv compiles to code, which the page's CSP rightly forbids.
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
 * and what it accepts, and the defaults are kept; a good one may leave fields out. `journeys` are the ids
 * the build derived (data/journeys.json): a tour naming any other would leave the attract loop empty.
 */
export function parseKioskConfig(text: string, file = 'kiosk/config.json', journeys?: readonly string[]): { config: KioskConfig; problems: string[] } {
  let data: unknown;
  try {
    // Editors on Windows save "UTF-8 with BOM"; derive reads such files, so the kiosk does too.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config: DEFAULT_KIOSK_CONFIG, problems: [`${file}: not valid JSON (${(e as Error).message}); the defaults are used`] };
  }
  const problems = new Map<string, string>();
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      const field = error.instancePath.split('/')[1] ?? (error.params as { additionalProperty?: string }).additionalProperty ?? '';
      if (problems.has(field)) continue;
      const what =
        error.keyword === 'additionalProperties'
          ? `unknown setting "${field}"; the settings are ${Object.keys(DEFAULT_KIOSK_CONFIG).join(', ')}`
          : `"${field}" ${HINTS[field] ? `must be ${HINTS[field]}` : error.message}`;
      problems.set(field, `${file}: ${what}; the defaults are used`);
    }
  }
  const tour = (data as { attractTour?: unknown } | null)?.attractTour;
  if (journeys && Array.isArray(tour) && !problems.has('attractTour')) {
    for (const id of tour) {
      if (typeof id !== 'string' || journeys.includes(id) || problems.has(`attractTour ${id}`)) continue;
      problems.set(`attractTour ${id}`, `${file}: "attractTour" names an unknown journey "${id}"; the journeys are ${journeys.join(', ')}; the defaults are used`);
    }
  }
  if (problems.size) return { config: DEFAULT_KIOSK_CONFIG, problems: [...problems.values()] };
  return { config: { ...DEFAULT_KIOSK_CONFIG, ...(data as Partial<KioskConfig>) }, problems: [] };
}
