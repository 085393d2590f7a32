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
 * and what it accepts, and the defaults are kept; a good one may leave fields out.
 */
export function parseKioskConfig(text: string, file = 'kiosk/config.json', journeyIds?: readonly string[]): { config: KioskConfig; problems: string[] } {
  let data: unknown;
  try {
    // Editors on Windows save with a byte-order mark; derive accepts one too.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config: DEFAULT_KIOSK_CONFIG, problems: [`${file}: not valid JSON (${(e as Error).message}); the defaults are used`] };
  }
  if (validate(data)) {
    const config = { ...DEFAULT_KIOSK_CONFIG, ...(data as Partial<KioskConfig>) };
    // An id the build does not have would leave the attract loop with nothing to play.
    const unknown = journeyIds ? config.attractTour.filter((id) => !journeyIds.includes(id)) : [];
    if (unknown.length) {
      const problem = `${file}: "attractTour" names ${unknown.map((id) => `"${id}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a journey' : 'are not journeys'} of this build (the journeys are ${journeyIds!.join(', ')}); the defaults are used`;
      return { config: DEFAULT_KIOSK_CONFIG, problems: [problem] };
    }
    return { config, problems: [] };
  }
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
