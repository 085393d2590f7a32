import type { FeatureCollection } from 'geojson';
import { DATA_FILES, type AtlasData, type AtlasMeta, type PageRoutesFile } from '../lib/atlas/contract.ts';
import { expandRoutes } from '../lib/corpus/routes-page.ts';

/** The derived files both baselines draw: the same basemap, places, labels and legs the app draws. */
export interface BaselineData {
  places: FeatureCollection;
  labels: FeatureCollection;
  legs: FeatureCollection;
  meta: AtlasMeta;
}

const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status})`);
  return (await response.json()) as T;
};

/** The basemap is not among them: MapLibre's style fetches it (as in the app), Leaflet asks for it itself. */
export const loadBasemap = () => getJson<FeatureCollection>(DATA_FILES.basemap);

export async function loadBaselineData(): Promise<BaselineData> {
  const [places, labels, routes, meta] = await Promise.all([
    getJson<AtlasData['places']>(DATA_FILES.pagePlaces),
    getJson<FeatureCollection>(DATA_FILES.labels),
    getJson<PageRoutesFile>(DATA_FILES.pageRoutes),
    getJson<AtlasMeta>(DATA_FILES.meta),
  ]);
  // The legs as the app has them: the bundled corpus's routes carry their lines, so this is the file's own data.
  const { legs } = expandRoutes(routes, new Map(places.features.map((f) => [f.properties.id, f.properties])));
  return { places, labels, legs, meta };
}

/** The same contract the app keeps (README, `window.atlas`), so the benchmark measures every page alike. */
export function announceReady(map: unknown, ready: Promise<void>) {
  (window as unknown as { atlas: unknown }).atlas = { map, ready, reset: () => {} };
}
