import type { FeatureCollection } from 'geojson';
import type { AtlasMeta } from '../lib/corpus/derive.ts';
import { DATA_FILES } from '../lib/state/atlas-data.ts';

/** The derived files both baselines draw: the same basemap, places, labels and legs the app draws. */
export interface BaselineData {
  basemap: FeatureCollection;
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

export async function loadBaselineData(): Promise<BaselineData> {
  const [basemap, places, labels, legs, meta] = await Promise.all([
    getJson<FeatureCollection>(DATA_FILES.basemap),
    getJson<FeatureCollection>(DATA_FILES.places),
    getJson<FeatureCollection>(DATA_FILES.labels),
    getJson<FeatureCollection>(DATA_FILES.legs),
    getJson<AtlasMeta>(DATA_FILES.meta),
  ]);
  return { basemap, places, labels, legs, meta };
}

/** The same contract the app keeps (README, `window.atlas`), so the benchmark measures every page alike. */
export function announceReady(map: unknown, ready: Promise<void>) {
  (window as unknown as { atlas: unknown }).atlas = { map, ready, reset: () => {} };
}
