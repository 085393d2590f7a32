import { TEXT_SCALES } from './config.ts';

/** Interface languages a kiosk may start in or alternate between. */
export const KIOSK_LANGUAGES = ['en', 'es'] as const;

/**
 * The JSON Schema of static/kiosk/config.json. Compiled ahead of time into committed plain code
 * (src/lib/kiosk/validate-kiosk-config.generated.js): the page's CSP forbids compiling it in the browser, and the
 * launcher and the page then check with the very same code. After a change here run
 * "npx tsx src/build/kiosk-validator.ts" and commit the result; derive refuses a stale one.
 */
export const KIOSK_CONFIG_SCHEMA = {
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
    language: { enum: [...KIOSK_LANGUAGES] },
    attractLanguages: { type: 'array', items: { enum: [...KIOSK_LANGUAGES] } },
    nightlyReload: { oneOf: [{ type: 'null' }, { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }] },
    watchdogSeconds: { type: 'number', minimum: 15, maximum: 3600 },
    // An address a phone can open: http(s), a host, no user name or password, no hash of its own (the link adds one).
    publicUrl: { oneOf: [{ type: 'null' }, { type: 'string', pattern: '^https?://[A-Za-z0-9.-]+(:\\d{1,5})?(/[^\\s#@]*)?$' }] },
  },
} as const;
