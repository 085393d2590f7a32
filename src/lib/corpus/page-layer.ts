import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { featureKey, type Evidence, type EvidenceSource, type Journey, type JourneyPassages, type PagePlaceProps, type PlaceProps, type ReportedBy } from '../atlas/contract.ts';
import { reportedDay } from './dates.ts';
import { firstPageDocuments } from './passage-pages.ts';

/** Each (document, role) the passages come from, once, in their order: what the filters need of them. */
export function evidenceSources(evidence: readonly Evidence[]): EvidenceSource[] {
  const seen = new Set<string>();
  const sources: EvidenceSource[] = [];
  for (const { document, role } of evidence) {
    const key = `${document}\u0000${role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({ document, role });
  }
  return sources;
}

/** When a document reports by: its date's reportedDay, or '' for an undated one (the time filter always shows it). */
export type ReportedDayOf = (document: string) => string;

/** For each role, the earliest day a source's document reports it by (ReportedBy). */
export function reportedBy(sources: readonly EvidenceSource[], reportedDayOf: ReportedDayOf): ReportedBy {
  const reported: ReportedBy = {};
  for (const { document, role } of sources) {
    const day = reportedDayOf(document);
    const known = reported[role];
    if (known === undefined || day < known) reported[role] = day;
  }
  return reported;
}

/** The document dates of a corpus as ReportedDayOf reads them. */
export function reportedDays(documents: Iterable<{ id: string; date?: string }>): ReportedDayOf {
  const days = new Map<string, string>();
  for (const d of documents) days.set(d.id, d.date ? reportedDay(d.date) : '');
  return (id) => days.get(id) ?? '';
}

function withoutPassages<G extends Geometry, P extends { evidence: Evidence[]; documents: string[] }>(collection: FeatureCollection<G, P>, reportedDayOf: ReportedDayOf) {
  return {
    type: 'FeatureCollection' as const,
    features: collection.features.map(({ properties: { evidence, documents: _documents, ...rest }, ...feature }) => {
      const sources = evidenceSources(evidence);
      return { ...feature, properties: { ...rest, reported: reportedBy(sources, reportedDayOf), firstDocuments: firstPageDocuments(sources) } };
    }),
  };
}

/** places.geojson as the page's first view gets it: every property but the passages and documents (PagePlaceProps). */
export const pagePlaces = <G extends Geometry>(places: FeatureCollection<G, PlaceProps>, reportedDayOf: ReportedDayOf): FeatureCollection<G, PagePlaceProps> =>
  withoutPassages(places, reportedDayOf) as FeatureCollection<G, PagePlaceProps> & { features: Array<Feature<G, PagePlaceProps>> };

/**
 * FEATURE_SOURCES, in pieces: every place's and leg's (document, role) pairs by featureKey, for the document switches.
 * One feature's pairs at a time, as the other big files are written.
 */
export function* featureSourcesChunks(atlas: { places: FeatureCollection<Geometry | null, { id: string; evidence: Evidence[] }>; legs: FeatureCollection<Geometry | null, { id: string; evidence: Evidence[] }> }): Generator<string> {
  let first = true;
  yield '{';
  for (const [kind, collection] of [['place', atlas.places], ['leg', atlas.legs]] as const) {
    for (const { properties: p } of collection.features) {
      yield `${first ? '' : ','}${JSON.stringify(featureKey({ kind, id: p.id }))}:${JSON.stringify(evidenceSources(p.evidence))}`;
      first = false;
    }
  }
  yield '}';
}

/** A journey's steps' own passages, by step (null for a step whose legs carry them). */
export const journeyPassages = (journey: Journey): JourneyPassages => ({ steps: journey.steps.map((s) => s.evidence ?? null) });
