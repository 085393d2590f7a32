import { DEFAULT_KIOSK_CONFIG, TEXT_SCALES, type KioskConfig } from './config.ts';
// Ajv's standalone code, generated ahead of time from config-schema.ts (see src/build/kiosk-validator.ts): the
// launcher and the page check with the same code, and the page compiles nothing, as its CSP requires.
import validate from './validate-kiosk-config.generated.js';
import { longestFittingPublicUrl, qrFits } from './take-home.ts';

const HINTS: Record<string, string> = {
  countdownSeconds: 'at least 20, so a visitor has time to answer',
  textScale: `one of ${TEXT_SCALES.join(', ')}`,
  language: '"en" or "es"',
  attractLanguages: 'a list of "en" and "es" (empty: no alternation)',
  publicUrl: 'an http:// or https:// address with no "#" part (the QR code adds the passage), or null',
  nightlyReload: '"HH:MM" in 24-hour time, or null',
  startView: '"network", "world", or { "lng": …, "lat": …, "zoom": … }',
};

/**
 * What is wrong with a `publicUrl` the schema let through, by the URL parser (as a phone will read it), or null.
 * Only printable ASCII: quotes, "<>", spaces, control characters and bidirectional overrides (U+202E, which can
 * make a link read as another) have no place in an address printed as a code; anything else is written
 * percent-encoded, a non-ASCII host name in its xn-- form.
 */
export function publicUrlProblem(value: string): string | null {
  const bad = /[^\x21-\x7e]|["'<>\\^`{|}]/.exec(value);
  if (bad) {
    const c = bad[0].codePointAt(0)!;
    const shown = c > 0x20 && c < 0x7f ? `"${bad[0]}"` : `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    return `holds ${shown}; write the address with printable ASCII only (percent-encode other characters, a non-ASCII host name in its xn-- form)`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an address a browser can open (check the host name and the port, 1 to 65535)';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (!url.hostname) return 'has no host name';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.port === '0') return 'has port 0; give a port from 1 to 65535, or none';
  if (value.includes('#')) return 'must have no "#" part: the QR code adds the passage there';
  return null;
}

/**
 * Reads a kiosk configuration. A bad file is refused as a whole, with messages naming each field
 * and what it accepts, and the defaults are kept; a good one may leave fields out. `journeys` are the ids
 * the build derived (data/journeys.json): a tour naming any other would leave the attract loop empty.
 */
export function parseKioskConfig(text: string, file = 'kiosk/config.json', journeys?: readonly string[], longestHash?: string): { config: KioskConfig; problems: string[] } {
  let data: unknown;
  try {
    // Editors on Windows save "UTF-8 with BOM"; derive reads such files, so the kiosk does too.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config: DEFAULT_KIOSK_CONFIG, problems: [`${file}: not valid JSON (${(e as Error).message}); the defaults are used`] };
  }
  return checkKioskConfig(data, file, journeys, longestHash);
}

/**
 * Checks settings already parsed from JSON (what parseKioskConfig read, or what the page was served). With
 * `longestHash`, the longest hash of a take-home link the build can make (the launcher knows it), a `publicUrl`
 * whose links would not fit a scannable QR code is refused, with the length it may have.
 */
export function checkKioskConfig(data: unknown, file = 'kiosk/config.json', journeys?: readonly string[], longestHash?: string): { config: KioskConfig; problems: string[] } {
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
  const publicUrl = (data as { publicUrl?: unknown } | null)?.publicUrl;
  if (typeof publicUrl === 'string' && !problems.has('publicUrl')) {
    const wrong = publicUrlProblem(publicUrl);
    if (wrong) problems.set('publicUrl', `${file}: "publicUrl" ${wrong}; the defaults are used`);
    else if (longestHash !== undefined && !qrFits(`${publicUrl}${longestHash}`)) {
      const most = longestFittingPublicUrl(longestHash);
      problems.set(
        'publicUrl',
        `${file}: "publicUrl" is ${publicUrl.length} characters long: with it, the longest passage link (ending "${longestHash}") needs a QR code too dense to scan; it may be at most ${most} characters; the defaults are used`,
      );
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

/**
 * The configuration the page runs with: what the kiosk launcher served (already checked there), checked again
 * with the same code, over the defaults; a refused one means the defaults, with the problems on the console.
 */
export function withDefaults(served: unknown): KioskConfig {
  const { config, problems } = checkKioskConfig(served);
  for (const problem of problems) console.warn(problem);
  return config;
}
