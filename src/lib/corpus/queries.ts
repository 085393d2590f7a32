import type { Atlas, Evidence, EvidenceSource, FeatureKind, FeatureRef, LegProps, PlaceCore, PlaceMention, PublishedDocument, ReportedBy } from '../atlas/contract.ts';
import type { Role } from '../atlas/roles.ts';
import { latestDay, reportedDay } from './dates.ts';
import { foldTypography } from './quote.ts';
import { bodyOffsets } from './offsets.ts';
import { withoutMarkup } from './passage.ts';

/** What filtering needs: documents' dates, not their words or mentions (DocumentSummary will do). */
type AtlasView = {
  places: { features: ReadonlyArray<{ properties: Filterable }> };
  legs: { features: ReadonlyArray<{ properties: Filterable }> };
  documents: ReadonlyArray<Pick<PublishedDocument, 'id' | 'date'>>;
};
/** A feature as the filters read it: the derivation's, with its passages, or the page's, with the days its roles are reported by. */
type Filterable = { id: string } & ({ evidence: readonly EvidenceSource[] } | { reported: ReportedBy });
/** A page feature's (document, role) pairs, where they have been fetched (FEATURE_SOURCES): what the document switches read. */
export type SourcesOf = (ref: FeatureRef) => readonly EvidenceSource[] | undefined;
/** What the whole network needs: the documents' mentions too (the build's data, or a test's). */
type NetworkView = Pick<Atlas, 'legs'> & { documents: ReadonlyArray<Pick<PublishedDocument, 'id' | 'mentions'>> };
/** What a search reads: the places, and the words of the documents searched. */
type SearchView = Pick<Atlas, 'places' | 'documents'>;

/** What the map and the list show: every role, route and document unless switched off; up to a date. */
export interface Filters {
  /** Roles switched off in the legend. */
  hiddenRoles: Role[];
  /** Whether route legs are shown at all. */
  routes: boolean;
  /** Documents switched off. */
  hiddenDocuments: string[];
  /** "YYYY-MM": show what the documents had reported by the end of this month; null for no limit. */
  until: string | null;
}

export const NO_FILTERS: Filters = { hiddenRoles: [], routes: true, hiddenDocuments: [], until: null };

/**
 * A document counts as reported by a month when the latest day its date can mean falls on or before that month's
 * end: a paper dated only "1961" is shown from December 1961, never under January, before the events it reports.
 */
export function reportedBy(documentDate: string | undefined, until: string | null): boolean {
  if (!until || !documentDate) return true; // undated evidence stays visible, marked as undated
  return reportedDay(documentDate) <= latestDay(until);
}

export function evidencePasses(e: EvidenceSource, filters: Filters, dateOf: (doc: string) => string | undefined): boolean {
  if (filters.hiddenDocuments.includes(e.document)) return false;
  if (e.role !== 'route' && filters.hiddenRoles.includes(e.role)) return false;
  return reportedBy(dateOf(e.document), filters.until);
}

/**
 * Whether a page feature has a role its documents report by the filters' date, that is not switched off: the time and
 * role filters, from ReportedBy alone (the same answer as evidencePasses over every pair, without document switches).
 */
export function reportedPasses(reported: ReportedBy, filters: Pick<Filters, 'hiddenRoles' | 'until'>): boolean {
  const last = filters.until ? latestDay(filters.until) : null;
  return Object.entries(reported).some(([role, day]) => (role === 'route' || !filters.hiddenRoles.includes(role as Role)) && (last === null || day! <= last));
}

/**
 * Ids of the places and legs that have at least one passage passing the filters. A page feature's document switches
 * need its (document, role) pairs (`sourcesOf`): until they have come, the time and role filters alone are applied.
 */
export function visibleFeatures(atlas: AtlasView, filters: Filters, sourcesOf?: SourcesOf): { places: string[]; legs: string[] } {
  const dates = new Map(atlas.documents.map((d) => [d.id, d.date]));
  const dateOf = (id: string) => dates.get(id);
  const passes = (kind: FeatureKind) => (p: Filterable) => {
    const sources = 'evidence' in p ? p.evidence : filters.hiddenDocuments.length ? sourcesOf?.({ kind, id: p.id }) : undefined;
    return sources ? sources.some((e) => evidencePasses(e, filters, dateOf)) : 'reported' in p && reportedPasses(p.reported, filters);
  };
  const placePasses = passes('place');
  const legPasses = passes('leg');
  return {
    places: atlas.places.features.filter((f) => placePasses(f.properties)).map((f) => f.properties.id),
    legs: filters.routes ? atlas.legs.features.filter((f) => legPasses(f.properties)).map((f) => f.properties.id) : [],
  };
}

/**
 * Each place's legs, in the legs' order, by the legs' collection: worked out once for it. At 100,000 documents a tap on
 * Paris scanned 390,000 legs twice (the panel's network and the map's emphasis), about 50 ms a tap.
 */
const legsByPlace = new WeakMap<object, Map<string, unknown[]>>();
function legsTouching<L extends Pick<LegProps, 'from' | 'to'>>(features: ReadonlyArray<{ properties: L }>, placeId: string): readonly L[] {
  let index = legsByPlace.get(features) as Map<string, L[]> | undefined;
  if (!index) {
    index = new Map();
    const add = (place: string, leg: L) => {
      const list = index!.get(place);
      if (list) list.push(leg);
      else index!.set(place, [leg]);
    };
    for (const { properties: leg } of features) {
      add(leg.from, leg);
      if (leg.to !== leg.from) add(leg.to, leg);
    }
    legsByPlace.set(features, index as Map<string, unknown[]>);
  }
  return index.get(placeId) ?? [];
}

/** The routes around a place: legs that touch it and the places at their other ends (what the first view knows). */
export function networkOf<L extends Pick<LegProps, 'from' | 'to'>>(atlas: { legs: { features: ReadonlyArray<{ properties: L }> } }, placeId: string) {
  const legs = legsTouching(atlas.legs.features, placeId);
  const others = [...new Set(legs.map((l) => (l.from === placeId ? l.to : l.from)))];
  return { legs, others };
}

/** The network around a place: legs that touch it, the places at their other ends, the documents that name it. */
export function connectionsOf(atlas: NetworkView, placeId: string) {
  const documents = atlas.documents.filter((d) => d.mentions.some((m) => m.place === placeId)).map((d) => d.id);
  return { ...networkOf(atlas, placeId), documents };
}

/** Each place's first mention in every document that names it, in the documents' order (what "Named in" opens). */
export function firstMentionsByPlace(documents: ReadonlyArray<Pick<PublishedDocument, 'id' | 'mentions'>>): Map<string, PlaceMention[]> {
  const byPlace = new Map<string, PlaceMention[]>();
  for (const doc of documents) {
    const seen = new Set<string>();
    for (const { place, text, start, end } of doc.mentions) {
      if (seen.has(place)) continue;
      seen.add(place);
      let list = byPlace.get(place);
      if (!list) byPlace.set(place, (list = []));
      list.push({ document: doc.id, text, start, end });
    }
  }
  return byPlace;
}

export type SearchResult =
  | { kind: 'place'; id: string; name: string; matched: string }
  /** `start`/`end` count code points, as the published offsets do. */
  | { kind: 'passage'; document: string; title: string; start: number; end: number; snippet: string };

/**
 * Folds case, accents, curly quotes and whitespace one character at a time, so positions in the
 * folded text are positions in the original (a search hit's offsets can be highlighted as they are).
 */
const foldCharUncached = (c: string) => {
  const base = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const one = base.length === 1 ? base : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
  return foldTypography(one).length === 1 ? foldTypography(one) : one;
};
// Each character's fold, worked out once: the search index folds every word of every document (millions of
// characters at 100,000 documents), from an alphabet of a few hundred.
const foldedChars = new Map<string, string>();
const foldChar = (c: string) => {
  let folded = foldedChars.get(c);
  if (folded === undefined) foldedChars.set(c, (folded = foldCharUncached(c)));
  return folded;
};
/** Case, accents and curly quotes folded, one character for one: the search's idea of equal words. */
export const fold = (s: string) => Array.from(s, foldChar).join('');

/** A window of a document as search shows it: one line, no markup tags, not even half of one cut off at an edge. */
function snippetText(window: string): string {
  return withoutMarkup(window.replace(/^\/?s?u?p?>/i, '').replace(/<\/?s?u?p?$/i, '')).replace(/\s+/g, ' ');
}

/** Places by name or alias (Habana → Havana), then passages by their words; accents and case ignored. */
export function searchAtlas(atlas: SearchView, query: string, limit = 12): SearchResult[] {
  const places = searchPlaces(atlas, query);
  return [...places, ...searchPassages(atlas.documents, query, limit - Math.min(places.length, limit))].slice(0, limit);
}

/** Places by name or alias (Habana → Havana), those whose name starts with the words first; accents and case ignored. */
export function searchPlaces(atlas: { places: { features: ReadonlyArray<{ properties: Pick<PlaceCore, 'id' | 'name' | 'aliases'> }> } }, query: string): SearchResult[] {
  const q = fold(query.trim());
  if (q.length < 2) return [];
  const places: SearchResult[] = [];
  for (const f of atlas.places.features) {
    const p = f.properties;
    const matched = [p.name, ...p.aliases].find((n) => fold(n).includes(q));
    if (matched) places.push({ kind: 'place', id: p.id, name: p.name, matched });
  }
  places.sort((a, b) => (a.kind === 'place' && b.kind === 'place' ? Number(!fold(a.matched).startsWith(q)) - Number(!fold(b.matched).startsWith(q)) || a.name.localeCompare(b.name) : 0));
  return places;
}

/** Every place in these documents' words where the query's words are, in order, up to `limit`; accents and case ignored. */
export function searchPassages(documents: Atlas['documents'], query: string, limit = 12): SearchResult[] {
  const q = fold(query.trim());
  if (q.length < 2 || limit <= 0) return [];
  const passages: SearchResult[] = [];
  for (const doc of documents) {
    const folded = fold(doc.body);
    const sameLength = folded.length === doc.body.length; // true unless a character outside the BMP folds oddly
    const offsets = bodyOffsets(doc);
    for (let at = folded.indexOf(q); at !== -1 && sameLength; at = folded.indexOf(q, at + q.length)) {
      const start = offsets.toCodePoint(at);
      const end = offsets.toCodePoint(at + q.length);
      const from = Math.max(0, start - 50);
      const to = Math.min(offsets.length, end + 50);
      passages.push({
        kind: 'passage',
        document: doc.id,
        title: doc.title,
        start,
        end,
        snippet: `${from > 0 ? '…' : ''}${snippetText(offsets.slice(from, to))}${to < offsets.length ? '…' : ''}`,
      });
      if (passages.length >= limit) return passages;
    }
  }
  return passages;
}

/** Legs that rest on the same passage, with their names and (distinct) notes: what a journey step shows once. */
export interface PassageGroup {
  key: string;
  names: string[];
  notes: string[];
  /** The shared passage, without the legs' notes (they are in `notes`). */
  evidence: Evidence[];
}

/** Groups a step's legs by the passage they quote: ten countries in one sentence become one passage, not ten. */
export function groupLegsByPassage(legs: ReadonlyArray<Pick<LegProps, 'name' | 'note' | 'evidence'>>): PassageGroup[] {
  const groups: PassageGroup[] = [];
  for (const leg of legs) {
    const key = leg.evidence.map((e) => `${e.document}:${e.start}-${e.end}`).join(' ');
    let group = groups.find((g) => g.key === key);
    if (!group) groups.push((group = { key, names: [], notes: [], evidence: withoutNotes(leg.evidence) }));
    group.names.push(leg.name);
    if (leg.note && !group.notes.includes(leg.note)) group.notes.push(leg.note);
  }
  return groups;
}

/** Passages with their notes taken off, for a view that shows the notes once above them. */
export function withoutNotes(evidence: readonly Evidence[]): Evidence[] {
  return evidence.map(({ note: _note, ...rest }) => rest);
}

/** How many legs of a route share a branch label: the text names them together, one step, not numbered as a sequence. */
export function branchSize(atlas: { legs: { features: ReadonlyArray<{ properties: Pick<LegProps, 'route' | 'branch'> }> } }, route: string, branch: string): number {
  return atlas.legs.features.filter((f) => f.properties.route === route && f.properties.branch === branch).length;
}

/** The ends of a group of legs by what its sentence says of them, each place once, in the legs' order. */
export interface BranchEnds {
  /** Places the sentence names. */
  named: string[];
  /** Places it leaves out, read from the surrounding text. */
  unstated: string[];
  /** The context words the unstated ends are read from (not those that only date the legs). */
  context: string[];
}

/**
 * A group of legs whose sentence leaves an end out: which places it names, which it does not, and the context words
 * those are read from; null when the sentence names every end. The step's card must not say the text names them all.
 * Which ends are unstated is known before the legs' passages have come; the context words, once they have.
 */
export function branchEnds(legs: ReadonlyArray<Pick<LegProps, 'from' | 'to' | 'unstated'> & { evidence?: readonly Evidence[] }>): BranchEnds | null {
  const ends = (unstated: boolean) =>
    [...new Set(legs.flatMap((l) => (['from', 'to'] as const).filter((end) => (l.unstated?.includes(end) ?? false) === unstated).map((end) => l[end])))];
  const unstated = ends(true);
  if (!unstated.length) return null;
  const context = [...new Set(legs.flatMap((l) => (l.evidence?.[0]?.context ?? []).filter((c) => c.supports?.some((s) => s !== 'period')).map((c) => c.exact)))];
  return { named: ends(false), unstated, context };
}

/**
 * A long list cut to what a visitor can read: all of `items` up to `shown`; past that, those `kept` (always listed,
 * first), then, in the list's order, up to `shown` of the others whose text holds what is typed (typography folded,
 * case and surrounding blanks ignored).
 */
export function findAmong<T>(items: readonly T[], textOf: (item: T) => string, typed: string, shown: number, kept: (item: T) => boolean = () => false): readonly T[] {
  if (items.length <= shown) return items;
  const words = foldTypography(typed.trim()).toLocaleLowerCase();
  const found: T[] = [];
  for (const item of items) {
    if (found.length === shown) break;
    if (!kept(item) && (!words || foldTypography(textOf(item)).toLocaleLowerCase().includes(words))) found.push(item);
  }
  return [...items.filter(kept), ...found];
}

/** The key lists every document's switch up to this many documents; past it, those switched off and those a search finds. */
export const DOCUMENT_SWITCHES_SHOWN = 40;

/**
 * The documents the key offers switches for: all of a small corpus; of a large one (at 10,000 documents the switches
 * were most of the page's elements) every one switched off, then, in the corpus's order, up to `shown` of the others
 * whose title, originator or date (as written, 1962-04-14) holds what is typed.
 */
export function documentSwitches<D extends { id: string; title: string; date: string; originator: string }>(documents: readonly D[], hidden: readonly string[], typed: string, shown = DOCUMENT_SWITCHES_SHOWN): readonly D[] {
  const off = new Set(hidden);
  return findAmong(documents, (d) => `${d.title} ${d.originator} ${d.date}`, typed, shown, (d) => off.has(d.id));
}

/** The Journeys panel lists every journey up to this many; past it (some 15,000 at 10,000 documents), those a search finds. */
export const JOURNEYS_LISTED = 40;
