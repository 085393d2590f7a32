import { DATA_FILES, type AtlasData, type AtlasMeta, type Journey, type LegProps, type PlaceProps, type PublishedDocument } from '../atlas/contract.ts';

export type AtlasFeature = { kind: 'place'; props: PlaceProps } | { kind: 'leg'; props: LegProps };

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}). Run "npm run derive" and reload.`);
  return (await response.json()) as T;
}

export async function loadAtlasData(signal: AbortSignal): Promise<AtlasData> {
  const [places, labels, legs, documents, journeys, meta] = await Promise.all([
    getJson<AtlasData['places']>(DATA_FILES.places, signal),
    getJson<AtlasData['labels']>(DATA_FILES.labels, signal),
    getJson<AtlasData['legs']>(DATA_FILES.legs, signal),
    getJson<PublishedDocument[]>(DATA_FILES.documents, signal),
    getJson<Journey[]>(DATA_FILES.journeys, signal),
    getJson<AtlasMeta>(DATA_FILES.meta, signal),
  ]);
  return { places, labels, legs, documents, journeys, meta };
}

/** Lookups the UI needs: a feature by id, a document by id. */
export function indexAtlas(data: AtlasData) {
  const features = new Map<string, AtlasFeature>();
  for (const f of data.places.features) features.set(`place:${f.properties.id}`, { kind: 'place', props: f.properties });
  for (const f of data.legs.features) features.set(`leg:${f.properties.id}`, { kind: 'leg', props: f.properties });
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const journeys = new Map(data.journeys.map((j) => [j.id, j]));
  return {
    journey: (id: string) => journeys.get(id),
    feature: (ref: { kind: 'place' | 'leg'; id: string }) => features.get(`${ref.kind}:${ref.id}`),
    document: (id: string) => documents.get(id),
    allFeatures: () => [...features.values()],
  };
}
export type AtlasIndex = ReturnType<typeof indexAtlas>;
