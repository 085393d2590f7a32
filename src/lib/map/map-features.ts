import type { Feature, FeatureCollection } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { bundleFans } from './bundle.ts';
import { lineParts } from './pick-order.ts';
import type { MapData } from './renderer.ts';
import type { SourcesData } from './style.ts';

/**
 * The properties the style and the tap picking read. The map gets only these: a feature's evidence, aliases and
 * documents stay with the app (the panel reads them from the derived data), so MapLibre's worker does not copy,
 * tile and index every passage of a large corpus.
 */
export const MAP_PROPERTIES = ['id', 'name', 'label', 'labelRank', 'precision', 'primaryRole', 'direction', 'unstated', 'fan'] as const;

/** The same features with only MAP_PROPERTIES left in their properties. */
export function trimToMapProperties(collection: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => {
      const properties: Record<string, unknown> = {};
      for (const key of MAP_PROPERTIES) if (feature.properties && key in feature.properties) properties[key] = feature.properties[key];
      // MapLibre turns array properties into JSON strings; the style only needs to know that some end is unstated.
      if (Array.isArray(properties.unstated)) properties.unstated = properties.unstated.join(' ');
      return { type: 'Feature', geometry: feature.geometry, properties };
    }),
  };
}

/** What MapLibre's GeoJSON sources are given of the data: the map's properties alone, and fans of legs bundled. */
export function mapSourcesData(data: MapData): SourcesData {
  return { places: trimToMapProperties(data.places), labels: trimToMapProperties(data.labels), legs: trimToMapProperties(bundleFans(data.legs)) };
}

/** The legs of the map's GeoJSON as the tiles hold them: one feature for each line drawn alike, and which line each leg is on. */
export interface LegLines {
  /** One feature per line: the first leg's properties, with the least id of its legs as its id. */
  lines: FeatureCollection;
  /** Each leg's line id. */
  lineOf: Map<string, string>;
  /** The legs each line carries. */
  legsOn: Map<string, string[]>;
}

/**
 * Legs drawn alike as one line: the same geometry, and the same of what the legs' layers read (direction, fan, an
 * unstated end). At 10,000 documents the tiles held 38,992 legs on a few hundred lines, each leg drawn over the others
 * in every frame and met one by one by a tap's query. The derivation cuts these lines into the tiles; the page groups
 * its own legs (trimmed and bundled the same way) with this same function, to know which line a leg's highlight is on.
 */
export function legLines(legs: FeatureCollection): LegLines {
  const byKey = new Map<string, { feature: Feature; ids: string[] }>();
  for (const leg of legs.features) {
    const p = leg.properties ?? {};
    const shape = lineParts(leg.geometry).map((c) => `${c.length}:${c[0]}:${c[c.length >> 1]}:${c[c.length - 1]}`).join('|');
    const key = `${shape}\u0000${p.direction ?? ''}\u0000${p.fan === true}\u0000${'unstated' in p ? String(p.unstated) : '\u0001'}`;
    const group = byKey.get(key);
    if (group) group.ids.push(String(p.id));
    else byKey.set(key, { feature: leg, ids: [String(p.id)] });
  }
  const lineOf = new Map<string, string>();
  const legsOn = new Map<string, string[]>();
  const lines = [...byKey.values()].map(({ feature, ids }) => {
    const id = ids.reduce((a, b) => (b < a ? b : a));
    for (const leg of ids) lineOf.set(leg, id);
    legsOn.set(id, ids);
    return { ...feature, properties: { ...feature.properties, id } };
  });
  return { lines: { type: 'FeatureCollection', features: lines }, lineOf, legsOn };
}

/** The labels layer's text and order as the style gives them: the features' own properties. */
export const LABEL_TEXT: ExpressionSpecification = ['coalesce', ['get', 'label'], ['get', 'name']];
export const LABEL_ORDER: ExpressionSpecification = ['get', 'labelRank'];

/**
 * A tiled map's labels carry the words and ranks the derivation gave them: English, in the corpus's order. The page's
 * own (its language's names, a journey step's places ranked first: localise.ts) are laid over them by id, as layout
 * expressions; a label the page does not know keeps the tile's.
 */
export function labelLayoutById(labels: FeatureCollection): { text: ExpressionSpecification; order: ExpressionSpecification } {
  const text: unknown[] = [];
  const order: unknown[] = [];
  const seen = new Set<string>();
  for (const { properties } of labels.features) {
    const id = String(properties?.id);
    if (seen.has(id)) continue;
    seen.add(id);
    text.push(id, String(properties?.label ?? properties?.name ?? ''));
    order.push(id, Number(properties?.labelRank ?? 0));
  }
  // A match needs one branch at least.
  if (!seen.size) return { text: LABEL_TEXT, order: LABEL_ORDER };
  return {
    text: ['match', ['get', 'id'], ...text, LABEL_TEXT] as unknown as ExpressionSpecification,
    order: ['match', ['get', 'id'], ...order, LABEL_ORDER] as unknown as ExpressionSpecification,
  };
}
