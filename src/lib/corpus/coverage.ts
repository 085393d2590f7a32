import type { Corpus } from './load.ts';
import { findMentions } from './mentions.ts';
import { textOffsets } from './offsets.ts';

export interface CoverageGap {
  document: string;
  place: string;
  name: string;
  /** The first sentence-sized stretch of text around the mention. */
  passage: string;
  mentions: number;
}

export interface CoverageReport {
  /** Places a document names that no claim of that document uses. */
  unclaimedMentions: CoverageGap[];
  /** Gazetteer places that no claim or route leg uses at all. */
  unusedPlaces: string[];
  /** Documents with no claim and no route leg. */
  documentsWithoutFeatures: string[];
}

/** The text around code points `start`–`end` of `body`. */
function around(body: string, start: number, end: number, reach = 80): string {
  const text = textOffsets(body);
  const from = Math.max(0, start - reach);
  const to = Math.min(text.length, end + reach);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** What a curator could still add: coverage gaps, never errors. */
export function coverageReport(corpus: Corpus): CoverageReport {
  const used = new Set<string>();
  const usedIn = new Map<string, Set<string>>();
  const use = (document: string, place: string) => {
    used.add(place);
    if (!usedIn.has(document)) usedIn.set(document, new Set());
    usedIn.get(document)!.add(place);
  };
  for (const c of corpus.claims) use(c.document, c.place);
  for (const r of corpus.routes) for (const leg of r.legs) [leg.from, leg.to].forEach((p) => use(r.document, p));

  const names = new Map(corpus.places.map((p) => [p.id, p.name]));
  const unclaimedMentions: CoverageGap[] = [];
  for (const doc of corpus.documents) {
    const byPlace = new Map<string, ReturnType<typeof findMentions>>();
    for (const m of findMentions(doc.body, corpus.places)) byPlace.set(m.place, [...(byPlace.get(m.place) ?? []), m]);
    for (const [place, mentions] of byPlace) {
      if (usedIn.get(doc.id)?.has(place)) continue;
      const first = mentions[0]!;
      unclaimedMentions.push({ document: doc.id, place, name: names.get(place)!, passage: around(doc.body, first.start, first.end), mentions: mentions.length });
    }
  }
  return {
    unclaimedMentions,
    unusedPlaces: corpus.places.map((p) => p.id).filter((id) => !used.has(id)),
    documentsWithoutFeatures: corpus.documents.map((d) => d.id).filter((id) => !usedIn.has(id)),
  };
}
