import type { Mention } from '../atlas/contract.ts';
import type { PlaceRecord } from './types.ts';
import { textOffsets } from './offsets.ts';


const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface NamePattern {
  place: string;
  name: string;
  pattern: RegExp;
}

// The gazetteer's names, longest first, as whole-word patterns: built once per list of places rather
// than once per document. The signature notices a list that was changed in place.
const compiled = new WeakMap<readonly PlaceRecord[], { signature: string; names: NamePattern[] }>();

function namePatterns(places: readonly PlaceRecord[]): NamePattern[] {
  const signature = JSON.stringify(places.map((p) => [p.id, p.name, p.aliases]));
  const cached = compiled.get(places);
  if (cached?.signature === signature) return cached.names;
  const names = places
    .flatMap((p) => [p.name, ...(p.aliases ?? [])].map((name) => ({ place: p.id, name })))
    .sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name))
    .map(({ place, name }) => ({ place, name, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu') }));
  compiled.set(places, { signature, names });
  return names;
}

/**
 * Where a document names gazetteer places, by name or alias, as whole words and with the case the
 * gazetteer gives ("Cuba" but not "Cuban"). Longer names win where two overlap ("West Indies" inside
 * "Dutch and British West Indies").
 */
export function findMentions(body: string, places: readonly PlaceRecord[]): Mention[] {
  const found: Mention[] = [];
  const taken: Array<[number, number]> = [];
  for (const { place, name, pattern } of namePatterns(places)) {
    if (!body.includes(name)) continue; // most names are not in a given document: skip the regex
    pattern.lastIndex = 0;
    for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
      const start = match.index;
      const end = start + name.length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      found.push({ place, text: name, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const offsets = textOffsets(body);
  if (offsets.length === body.length) return found;
  return found.map((m) => ({ ...m, start: offsets.toCodePoint(m.start), end: offsets.toCodePoint(m.end) }));
}
