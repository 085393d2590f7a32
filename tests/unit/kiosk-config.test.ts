import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_KIOSK_CONFIG } from '../../src/lib/kiosk/config.ts';
import { parseKioskConfig } from '../../src/lib/kiosk/validate-config.ts';

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

  it('fills in what a file leaves out', () => {
    expect(parseKioskConfig('{ "idleSeconds": 30 }').config).toEqual({ ...DEFAULT_KIOSK_CONFIG, idleSeconds: 30 });
  });

  it.each([
    ['{ "countdownSeconds": 5 }', 'kiosk/config.json: "countdownSeconds" must be at least 20, so a visitor has time to answer; the defaults are used'],
    ['{ "language": "fr" }', 'kiosk/config.json: "language" must be "en": English is the only interface language so far; the defaults are used'],
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
