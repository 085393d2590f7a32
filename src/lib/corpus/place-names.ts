/**
 * The forms in which a document names a gazetteer place, beyond the exact name and aliases that mentions.ts
 * matches: the period's names (Ciudad Trujillo for Santo Domingo), spellings without their accents (Bogota),
 * possessives ("the Soviet Union's prestige"), an adjective before a word for land ("Cuban territory",
 * "European capitals") and the people of a country ("Peruvians"). Pure: used by the curator assistant
 * (suggest.ts), never by the map.
 */
import type { PlaceRecord } from './types.ts';

/** How a place is named at one spot of the text; weaker forms make weaker suggestions. */
export type NameForm = 'name' | 'period-name' | 'land' | 'people';

export interface NameMatch {
  place: string;
  /** UTF-16 indexes into the text searched. */
  start: number;
  end: number;
  text: string;
  form: NameForm;
}

/**
 * Names places had in 1945–1975 that the gazetteer may list under today's name, keyed by today's name. Only names
 * a document of the period may use; the gazetteer's own aliases come first.
 */
export const PERIOD_NAMES: Readonly<Record<string, readonly string[]>> = {
  Havana: ['Habana', 'La Habana'],
  'Santo Domingo': ['Ciudad Trujillo'],
  Kinshasa: ['Léopoldville'],
  Lubumbashi: ['Élisabethville'],
  Kisangani: ['Stanleyville'],
  Beijing: ['Peking', 'Peiping'],
  Guangzhou: ['Canton'],
  'Ho Chi Minh City': ['Saigon'],
  Jakarta: ['Djakarta'],
  Maputo: ['Lourenço Marques'],
  Harare: ['Salisbury'],
  Mumbai: ['Bombay'],
  Volgograd: ['Stalingrad'],
  'Saint Petersburg': ['Leningrad'],
  Guyana: ['British Guiana'],
  Suriname: ['Dutch Guiana'],
  Belize: ['British Honduras'],
  'Sri Lanka': ['Ceylon'],
  Myanmar: ['Burma'],
  Taiwan: ['Formosa'],
  Ghana: ['Gold Coast'],
  Benin: ['Dahomey'],
  'Burkina Faso': ['Upper Volta'],
  Zimbabwe: ['Southern Rhodesia', 'Rhodesia'],
  Zambia: ['Northern Rhodesia'],
  Tanzania: ['Tanganyika'],
  'Democratic Republic of the Congo': ['Congo-Léopoldville'],
};

/** Adjectives that no spelling rule gives. United States has none: "American" also means Latin American. */
const IRREGULAR_ADJECTIVES: Readonly<Record<string, readonly string[]>> = {
  China: ['Chinese'],
  France: ['French'],
  Switzerland: ['Swiss'],
  'Soviet Union': ['Soviet'],
  USSR: ['Soviet'],
  Netherlands: ['Dutch'],
  'United Kingdom': ['British'],
  Spain: ['Spanish'],
  Vietnam: ['Vietnamese'],
  'North Vietnam': ['North Vietnamese'],
  Laos: ['Laotian'],
  Panama: ['Panamanian'],
  Paraguay: ['Paraguayan'],
  Uruguay: ['Uruguayan'],
  Honduras: ['Honduran'],
  'Dominican Republic': ['Dominican'],
  Czechoslovakia: ['Czechoslovak', 'Czech'],
  Prague: [],
  'United States': [],
};

/** "Cuba" → "Cuban", "Peru" → "Peruvian", "Mexico" → "Mexican", "Europe" → "European", "Brazil" → "Brazilian". */
export function adjectivesOf(name: string): string[] {
  if (name in IRREGULAR_ADJECTIVES) return [...IRREGULAR_ADJECTIVES[name]!];
  if (!/^\p{Lu}[\p{L}]+$/u.test(name)) return []; // one capitalised word only: "Rural hill areas of Cuba" has none
  if (name.endsWith('a')) return [`${name}n`];
  if (name.endsWith('e')) return [`${name}an`];
  if (name.endsWith('o')) return [`${name.slice(0, -1)}an`];
  if (name.endsWith('u')) return [`${name}vian`];
  if (/[bcdfglmnprt]$/.test(name)) return [`${name}ian`];
  return [];
}

/** Words for land or what stands on it: after an adjective they make it name the place ("Cuban territory"). */
const LAND_WORDS = 'territory|territories|soil|waters|coast|coasts|border|borders|capital|capitals|banks|ports|mainland';

const ACCENTS: Record<string, string> = { a: 'aáàâäã', e: 'eéèêë', i: 'iíìîï', o: 'oóòôöõ', u: 'uúùûü', n: 'nñ', c: 'cç', A: 'AÁÀÂÄ', E: 'EÉÈÊ', I: 'IÍ', O: 'OÓÔÖ', U: 'UÚÜ' };
const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern for a name that also matches it with or without its accents ("Bogota", "Bogotá"). */
function spelling(name: string): string {
  return Array.from(stripAccents(name), (c) => (ACCENTS[c] ? `[${ACCENTS[c]}]` : escapeRegExp(c))).join('');
}
/** A name of several words may start in lower case in running text ("northern Peru" for Northern Peru). */
function runningText(name: string): string {
  const first = stripAccents(name)[0]!;
  if (!/\s/.test(name) || first === first.toLowerCase()) return spelling(name);
  return `[${first}${first.toLowerCase()}]${spelling(name).slice(ACCENTS[first] ? ACCENTS[first]!.length + 2 : 1)}`;
}
const whole = (inner: string) => `(?<![\\p{L}\\p{N}])(?:${inner})(?![\\p{L}\\p{N}])`;

/**
 * The "X" of a name like "Contacts in Europe": a proper name inside a descriptive name, when it is no other
 * place's name (so "Rural hill areas of Cuba" does not claim every "Cuba").
 */
function innerNames(place: PlaceRecord, allNames: Set<string>): string[] {
  const m = /^\p{Lu}?[\p{Ll}\s]+ (?:in|of) (\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)*)$/u.exec(place.name);
  return m && !allNames.has(m[1]!) ? [m[1]!] : [];
}

interface Pattern {
  place: string;
  form: NameForm;
  length: number;
  re: RegExp;
}

function patternsFor(places: readonly PlaceRecord[]): Pattern[] {
  const allNames = new Set(places.flatMap((p) => [p.name, ...(p.aliases ?? [])]));
  const out: Pattern[] = [];
  const add = (place: string, form: NameForm, text: string, inner: string) => out.push({ place, form, length: text.length, re: new RegExp(whole(inner), 'gu') });
  for (const p of places) {
    const names = [...new Set([p.name, ...(p.aliases ?? []), ...innerNames(p, allNames)])];
    for (const n of names) add(p.id, 'name', n, runningText(n));
    const old = names.flatMap((n) => PERIOD_NAMES[n] ?? []).filter((n) => !allNames.has(n));
    for (const n of old) add(p.id, 'period-name', n, spelling(n));
    for (const adjective of [...new Set(names.flatMap(adjectivesOf))].filter((a) => !allNames.has(a))) {
      add(p.id, 'land', `${adjective} territory`, `${spelling(adjective)} (?:${LAND_WORDS})`);
      if (!/(?:s|ese|ch|sh)$/.test(adjective)) add(p.id, 'people', `${adjective}s`, `${spelling(adjective)}s`);
    }
  }
  // Longest first, so "North Vietnam" wins over "Vietnam" and "Dutch and British West Indies" over "West Indies".
  return out.sort((a, b) => b.length - a.length);
}

const cache = new WeakMap<readonly PlaceRecord[], Pattern[]>();

/** Every spot where `text` names a gazetteer place, in order; where two overlap the longer wins. */
export function findPlaceNames(text: string, places: readonly PlaceRecord[]): NameMatch[] {
  let patterns = cache.get(places);
  if (!patterns) cache.set(places, (patterns = patternsFor(places)));
  const found: NameMatch[] = [];
  for (const { place, form, re } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ place, start, end, text: m[0], form });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
