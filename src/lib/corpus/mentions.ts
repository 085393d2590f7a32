import type { PlaceRecord } from './types.ts';

export interface Mention {
  place: string;
  /** The words as the document spells them ("Habana"). */
  text: string;
  start: number;
  end: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a document names gazetteer places, by name or alias, as whole words and with the case the
 * gazetteer gives ("Cuba" but not "Cuban"). Longer names win where two overlap ("West Indies" inside
 * "Dutch and British West Indies").
 */
export function findMentions(body: string, places: readonly PlaceRecord[]): Mention[] {
  const names = places
    .flatMap((p) => [p.name, ...(p.aliases ?? [])].map((name) => ({ place: p.id, name })))
    .sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name));
  const found: Mention[] = [];
  const taken: Array<[number, number]> = [];
  for (const { place, name } of names) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of body.matchAll(pattern)) {
      const start = match.index;
      const end = start + name.length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      found.push({ place, text: name, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
