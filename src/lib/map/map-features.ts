import type { FeatureCollection } from 'geojson';

/**
 * The properties the style and the tap picking read. The map gets only these: a feature's evidence, aliases and
 * documents stay with the app (the panel reads them from the derived data), so MapLibre's worker does not copy,
 * tile and index every passage of a large corpus.
 */
export const MAP_PROPERTIES = ['id', 'name', 'label', 'labelRank', 'precision', 'primaryRole', 'direction', 'unstated'] as const;

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
