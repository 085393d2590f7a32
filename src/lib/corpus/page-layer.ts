import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Evidence, EvidenceSource, Journey, JourneyPassages, LegProps, PageLegProps, PagePlaceProps, PlaceProps } from '../atlas/contract.ts';

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

function withoutPassages<G extends Geometry, P extends { evidence: Evidence[] }>(collection: FeatureCollection<G, P>) {
  return {
    type: 'FeatureCollection' as const,
    features: collection.features.map(({ properties: { evidence, ...rest }, ...feature }) => ({ ...feature, properties: { ...rest, sources: evidenceSources(evidence) } })),
  };
}

/** places.geojson as the page's first view gets it: every property but the passages (PagePlaceProps). */
export const pagePlaces = <G extends Geometry>(places: FeatureCollection<G, PlaceProps>): FeatureCollection<G, PagePlaceProps> =>
  withoutPassages(places) as FeatureCollection<G, PagePlaceProps> & { features: Array<Feature<G, PagePlaceProps>> };

/**
 * legs.geojson as the page's first view gets it (PageLegProps). `lines: false` (past the tiles threshold, where the map
 * draws the lines from the tiles) leaves out each leg's line too: it is the arc between its ends' anchors, which the
 * page draws again (withLegArcs) for the SVG map and the figure.
 */
export function pageLegs<G extends Geometry>(legs: FeatureCollection<G, LegProps>): FeatureCollection<G, PageLegProps>;
export function pageLegs<G extends Geometry>(legs: FeatureCollection<G, LegProps>, options: { lines: boolean }): FeatureCollection<G | null, PageLegProps>;
export function pageLegs<G extends Geometry>(legs: FeatureCollection<G, LegProps>, { lines = true } = {}): FeatureCollection<G | null, PageLegProps> {
  const page = withoutPassages(legs) as FeatureCollection<G | null, PageLegProps>;
  return lines ? page : { ...page, features: page.features.map((f) => ({ ...f, geometry: null })) };
}

/** journeys.json as the page's first view gets it: every step less its own passages (journeyPassages has them). */
export const pageJourneys = (journeys: readonly Journey[]): Journey[] => journeys.map((j) => ({ ...j, steps: j.steps.map(({ evidence: _evidence, ...step }) => step) }));

/** A journey's steps' own passages, by step (null for a step whose legs carry them). */
export const journeyPassages = (journey: Journey): JourneyPassages => ({ steps: journey.steps.map((s) => s.evidence ?? null) });
