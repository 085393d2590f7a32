import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { ROLES } from '../../src/lib/atlas/roles.ts';
import { formatIsoDate } from '../../src/lib/corpus/dates.ts';
import { LOCALES, MESSAGES, attractLocale, detectLocale, searchWithLocale, toLocale } from '../../src/lib/i18n/locales.ts';
import { formatList, formatMessage } from '../../src/lib/i18n/format.ts';
import type { MessageKey } from '../../src/lib/i18n/en.ts';

/** The arguments a message takes, with their ICU types ("count:plural"), from intl-messageformat's own parse. */
function argumentsOf(source: string, locale: string): string[] {
  type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };
  // Element types of @formatjs/icu-messageformat-parser: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag.
  const TYPES: Record<number, string> = { 1: 'argument', 2: 'number', 3: 'date', 4: 'time', 5: 'select', 6: 'plural' };
  const found = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const e of elements) {
      if (TYPES[e.type] && e.value) found.add(`${e.value}:${TYPES[e.type] === 'plural' || TYPES[e.type] === 'argument' ? 'value' : TYPES[e.type]}`);
      for (const option of Object.values(e.options ?? {})) walk(option.value);
      if (e.children) walk(e.children);
    }
  };
  walk(new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).getAst() as Element[]);
  return [...found].sort();
}

const keys = (locale: (typeof LOCALES)[number]) => Object.keys(MESSAGES[locale]).sort();

describe('the message files', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys English has', (locale) => {
    const missing = keys('en').filter((k) => !(k in MESSAGES[locale]));
    const extra = keys(locale).filter((k) => !(k in MESSAGES.en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)('every %s message parses as ICU MessageFormat and takes the same arguments as the English', (locale) => {
    const problems: string[] = [];
    for (const key of keys('en') as MessageKey[]) {
      const source = MESSAGES[locale][key];
      try {
        const args = argumentsOf(source, locale);
        const english = argumentsOf(MESSAGES.en[key], 'en');
        if (args.join() !== english.join()) problems.push(`${locale}.ts ${key}: arguments ${args.join(', ') || 'none'}, English has ${english.join(', ') || 'none'}`);
      } catch (e) {
        problems.push(`${locale}.ts ${key}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    expect(Object.entries(MESSAGES[locale]).filter(([, text]) => text.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('names every role, in full and for the key, in every language', () => {
    for (const locale of LOCALES) for (const role of [...ROLES, 'route' as const]) expect(MESSAGES[locale][`role.${role}`], `${locale} role.${role}`).toBeTruthy();
    for (const locale of LOCALES) for (const role of ROLES) expect(MESSAGES[locale][`roleKey.${role}`], `${locale} roleKey.${role}`).toBeTruthy();
    expect(formatMessage('es', 'role.training-site')).toBe('Lugar de entrenamiento');
  });

  it.each([
    ['en', 'passages.count', { count: 1 }, '1 passage'],
    ['en', 'passages.count', { count: 3 }, '3 passages'],
    ['es', 'passages.count', { count: 1 }, '1 fragmento'],
    ['es', 'passages.count', { count: 2 }, '2 fragmentos'],
    ['en', 'panel.legsTouch', { count: 1, place: 'Paris' }, '1 route leg touches Paris:'],
    ['es', 'panel.legsTouch', { count: 4, place: 'Cuba' }, '4 tramos de ruta empiezan o terminan en Cuba:'],
    ['es', 'panel.legsTouch', { count: 1, place: 'París' }, '1 tramo de ruta empieza o termina en París:'],
    ['es', 'legend.offShown', { count: 1 }, '(1 desactivado)'],
    ['es', 'search.none', { query: 'xyz' }, 'No se encontró nada para «xyz».'],
    ['es', 'kiosk.countdownAfter', { seconds: 1 }, 'segundo.'],
  ] as const)('%s %s with %o reads “%s”', (locale, key, values, text) => {
    expect(formatMessage(locale, key, values)).toBe(text);
  });
});

describe('choosing the language', () => {
  it.each([
    [{ search: '?lang=es' }, 'es'],
    [{ search: '?lang=es', kioskLanguage: 'en', browserLanguages: ['en-US'] }, 'es'],
    [{ search: '?lang=EN', browserLanguages: ['es-MX'] }, 'en'],
    [{ search: '?lang=fr', kioskLanguage: 'es' }, 'es'],
    [{ kioskLanguage: 'es', browserLanguages: ['en-GB'] }, 'es'],
    [{ browserLanguages: ['fr-FR', 'es-AR', 'en'] }, 'es'],
    [{ browserLanguages: ['de'] }, 'en'],
    [{}, 'en'],
  ] as const)('%o opens in %s', (sources, locale) => {
    expect(detectLocale(sources)).toBe(locale);
  });

  it('reads language tags by their base language only', () => {
    expect([toLocale('es-419'), toLocale('es_MX'), toLocale('EN-gb'), toLocale('pt-BR'), toLocale(''), toLocale(undefined)]).toEqual(['es', 'es', 'en', undefined, undefined, undefined]);
  });

  it('keeps the other parameters when it writes ?lang=', () => {
    expect(searchWithLocale('', 'es')).toBe('?lang=es');
    expect(searchWithLocale('?kiosk&lang=en', 'es')).toBe('?kiosk&lang=es');
  });

  it('alternates the attract loop between the configured languages, or stays in the current one', () => {
    expect([0, 1, 2, 3].map((round) => attractLocale(['en', 'es'], round, 'en'))).toEqual(['en', 'es', 'en', 'es']);
    expect(attractLocale([], 5, 'es')).toBe('es');
    expect(attractLocale(undefined, 1, 'en')).toBe('en');
    expect(attractLocale(['es', 'xx'], 1, 'en')).toBe('es');
  });
});

describe('dates, numbers and lists in each language', () => {
  it.each([
    ['1962-04-14', 'en', '14 April 1962'],
    ['1962-04-14', 'es', '14 de abril de 1962'],
    ['1961-04', 'en', 'April 1961'],
    ['1961-04', 'es', 'abril de 1961'],
    ['1961', 'es', '1961'],
    ['1963-01-01', 'es', '1 de enero de 1963'],
  ] as const)('%s in %s is “%s”, never with a day the source does not give', (iso, locale, text) => {
    expect(formatIsoDate(iso, locale)).toBe(text);
  });

  it.each([
    ['es', '1963-04-11', 'Cuándo: sin fecha; el texto no da fecha para esto. Fecha del documento: 11 de abril de 1963.'],
    ['es', '1961-04', 'Cuándo: sin fecha; el texto no da fecha para esto. Fecha del documento: abril de 1961.'],
    ['es', '1961', 'Cuándo: sin fecha; el texto no da fecha para esto. Fecha del documento: 1961.'],
  ] as const)('an undated passage in %s, its document dated %s, reads “%s”', (locale, iso, text) => {
    expect(formatMessage(locale, 'passages.undated', { date: formatIsoDate(iso, locale) })).toBe(text);
  });

  it('never writes “del” before a month or a year in Spanish (“del 1961”, “del abril de 1961”)', () => {
    for (const iso of ['1961', '1961-04', '1962-02']) {
      for (const key of ['passages.undated', 'timeline.until'] as const) expect(formatMessage('es', key, { date: formatIsoDate(iso, 'es') })).not.toMatch(/\bdel (\d{4}|[a-z]+ de \d{4})/);
    }
  });

  it('writes lists as each language does', () => {
    expect(formatList('es', ['Havana', 'Cuba'])).toBe('Havana y Cuba');
    expect(formatList('en', ['Havana', 'Cuba'])).toBe('Havana and Cuba');
  });
});
