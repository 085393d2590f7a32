import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KIOSK_CONFIG } from '../../src/lib/kiosk/config.ts';
import { parseKioskConfig, withDefaults } from '../../src/lib/kiosk/validate-config.ts';
import { GENERATED_VALIDATOR, writeKioskValidator } from '../../src/build/kiosk-validator.ts';

describe('kiosk configuration', () => {
  it('accepts the bundled file', () => {
    const { config, problems } = parseKioskConfig(readFileSync('static/kiosk/config.json', 'utf8'));
    expect(problems).toEqual([]);
    expect(config.attractTour).toEqual(['outbound-via-mexico', 'return-via-paris', 'to-cuba-and-back']);
  });

  it('names only journeys the build derived (static/data/journeys.json)', () => {
    if (!existsSync('static/data/journeys.json')) throw new Error('static/data/ is missing: run "npx tsx src/build/derive.ts" first (npm test builds it).');
    const journeys = (JSON.parse(readFileSync('static/data/journeys.json', 'utf8')) as Array<{ id: string }>).map((j) => j.id);
    expect(parseKioskConfig(readFileSync('static/kiosk/config.json', 'utf8'), 'static/kiosk/config.json', journeys).problems).toEqual([]);
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseKioskConfig('\uFEFF{ "idleSeconds": 30 }')).toEqual({ config: { ...DEFAULT_KIOSK_CONFIG, idleSeconds: 30 }, problems: [] });
  });

  it('refuses a tour naming a journey the corpus does not have, naming the id, and keeps the defaults', () => {
    const journeys = ['out-by-sea', 'home-by-air'];
    expect(parseKioskConfig('{ "attractTour": ["home-by-air"], "idleSeconds": 30 }', 'kiosk/config.json', journeys).config).toEqual({ ...DEFAULT_KIOSK_CONFIG, attractTour: ['home-by-air'], idleSeconds: 30 });
    expect(parseKioskConfig('{ "attractTour": ["out-by-sea", "via-atlantis", "via-mars"], "idleSeconds": 30 }', 'static/kiosk/config.json', journeys)).toEqual({
      config: DEFAULT_KIOSK_CONFIG,
      problems: [
        'static/kiosk/config.json: "attractTour" names an unknown journey "via-atlantis"; the journeys are out-by-sea, home-by-air; the defaults are used',
        'static/kiosk/config.json: "attractTour" names an unknown journey "via-mars"; the journeys are out-by-sea, home-by-air; the defaults are used',
      ],
    });
  });

  it('takes the public address, the language and the attract loop\'s languages', () => {
    const text = '{ "publicUrl": "https://museum.example/atlas/", "language": "es", "attractLanguages": ["es", "en"] }';
    expect(parseKioskConfig(text)).toEqual({ config: { ...DEFAULT_KIOSK_CONFIG, publicUrl: 'https://museum.example/atlas/', language: 'es', attractLanguages: ['es', 'en'] }, problems: [] });
    expect(DEFAULT_KIOSK_CONFIG).toMatchObject({ publicUrl: null, language: 'en', attractLanguages: [] });
  });

  it('checks with code generated from the schema, and the committed code is what the schema generates now', () => {
    // A fresh generation beside the committed one: nothing in `npm test` rewrites the committed file, so a stale one fails here.
    const fresh = join(mkdtempSync(join(tmpdir(), 'atlas-validator-')), 'validate-kiosk-config.generated.js');
    expect(writeKioskValidator(fresh)).toBe(true);
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8'), 'run "npx tsx src/build/kiosk-validator.ts" and commit the result').toBe(readFileSync(fresh, 'utf8'));
    // The page's CSP forbids eval: the generated module compiles nothing at run time.
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8')).not.toMatch(/new Function|\beval\(|require\(/);
  });

  it('the page refuses what the launcher refuses, with the same messages, and keeps the defaults', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (line: string) => warnings.push(line);
    try {
      expect(withDefaults({ idleSeconds: 30, publicUrl: 'https://museum.example/' })).toEqual({ ...DEFAULT_KIOSK_CONFIG, idleSeconds: 30, publicUrl: 'https://museum.example/' });
      expect(withDefaults({ idleSeconds: 'soon' })).toEqual(DEFAULT_KIOSK_CONFIG);
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual(['kiosk/config.json: "idleSeconds" must be number; the defaults are used']);
  });

  it('fills in what a file leaves out', () => {
    expect(parseKioskConfig('{ "idleSeconds": 30 }').config).toEqual({ ...DEFAULT_KIOSK_CONFIG, idleSeconds: 30 });
  });

  it.each([
    ['{ "countdownSeconds": 5 }', 'kiosk/config.json: "countdownSeconds" must be at least 20, so a visitor has time to answer; the defaults are used'],
    ['{ "language": "fr" }', 'kiosk/config.json: "language" must be "en" or "es"; the defaults are used'],
    ['{ "attractLanguages": ["en", "de"] }', 'kiosk/config.json: "attractLanguages" must be a list of "en" and "es" (empty: no alternation); the defaults are used'],
    ['{ "publicUrl": "ftp://museum.example/atlas/" }', 'kiosk/config.json: "publicUrl" must be an http:// or https:// address with no "#" part (the QR code adds the passage), or null; the defaults are used'],
    ['{ "publicUrl": "https://museum.example/atlas/#start" }', 'kiosk/config.json: "publicUrl" must be an http:// or https:// address'],
    ['{ "publicUrl": "https://guest:secret@museum.example/" }', 'kiosk/config.json: "publicUrl" must be an http:// or https:// address'],
    ['{ "nightlyReload": "3am" }', 'kiosk/config.json: "nightlyReload" must be "HH:MM" in 24-hour time, or null; the defaults are used'],
    ['{ "idelSeconds": 30 }', 'kiosk/config.json: unknown setting "idelSeconds"; the settings are idleSeconds, countdownSeconds'],
    ['{ "idleSeconds": 30, }', 'kiosk/config.json: not valid JSON'],
  ])('refuses %s with a clear message and keeps the defaults', (text, message) => {
    const { config, problems } = parseKioskConfig(text);
    expect(config).toEqual(DEFAULT_KIOSK_CONFIG);
    expect(problems.some((p) => p.startsWith(message))).toBe(true);
  });
});

describe('kiosk schedules', async () => {
  const { nextReloadAt, browserNeedsRestart } = await import('../../src/lib/kiosk/schedule.ts');
  it('reloads at the next 03:30, today or tomorrow', () => {
    expect(nextReloadAt('03:30', new Date(2026, 10, 22, 1, 0)).getTime()).toBe(new Date(2026, 10, 22, 3, 30).getTime());
    expect(nextReloadAt('03:30', new Date(2026, 10, 22, 3, 30)).getTime()).toBe(new Date(2026, 10, 23, 3, 30).getTime());
  });
  it.each([
    [70_000, 0, 0, 60, true],
    [50_000, 0, 0, 60, false],
    [70_000, null, 20_000, 60, false],
    [90_000, null, 20_000, 60, true],
  ])('restarts the browser at %i ms (last beat %s, launched %i, watchdog %i s): %s', (now, beat, started, seconds, expected) => {
    expect(browserNeedsRestart(now, beat, started, seconds)).toBe(expected);
  });
});
