import { DATA_FILES, featureKey, type AtlasData, type PageRoutesFile, type AtlasMeta, type DocumentSummary, type Evidence, type FeatureDetail, type FeatureRef, type Journey, type JourneyPassages, type LegCore, type PlaceCore, type PublishedDocument } from '../atlas/contract.ts';
import { firstMentionsByPlace } from '../corpus/queries.ts';
import { expandRoutes } from '../corpus/routes-page.ts';

/** A drawn feature as the UI reads it: its properties less its passages (those are in its FeatureDetail). */
export type AtlasFeature = { kind: 'place'; props: PlaceCore } | { kind: 'leg'; props: LegCore };

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}). Run "npm run derive" and reload.`);
  return (await response.json()) as T;
}

/** What past the tiles threshold comes after the first view: the legs, the journeys and the documents' summaries. */
export type AtlasRest = Pick<AtlasData, 'legs' | 'journeys' | 'documents'>;
/** Whether the rest is on its way or could not come (null: here, or nothing to come). */
export type RestStatus = { state: 'loading' } | { state: 'failed'; message: string } | null;

/**
 * The first view's data: places and legs without their passages (each feature's come when its panel opens), labels,
 * journeys, meta, and the documents' summaries (their words come when opened).
 *
 * Past the tiles threshold (meta.tiles) the map's lines come from the tiles, and the first view is the map: places,
 * labels and meta. The legs, journeys and documents' summaries, which grow with the corpus (4.7 MB at 100,000
 * documents), are left to `rest`, asked for once the map is up (AtlasState.loadRest); until then `data` has none.
 * meta.json is preloaded by index.html, so reading it before the others costs no round trip.
 */
export async function loadAtlasData(signal: AbortSignal): Promise<{ data: AtlasData; rest?: () => Promise<AtlasRest> }> {
  const placesAndLabels = Promise.all([getJson<AtlasData['places']>(DATA_FILES.pagePlaces, signal), getJson<AtlasData['labels']>(DATA_FILES.labels, signal)]);
  placesAndLabels.catch(() => {}); // awaited below; a failure is thrown there
  const meta = await getJson<AtlasMeta>(DATA_FILES.meta, signal);
  const rest = () => placesAndLabels.then(([places, labels]) => loadRest(places, labels, signal));
  if (meta.tiles) {
    const [places, labels] = await placesAndLabels;
    return { data: { places, labels, legs: { type: 'FeatureCollection', features: [] }, journeys: [], documents: [], meta }, rest };
  }
  const [[places, labels], later] = await Promise.all([placesAndLabels, rest()]);
  return { data: { places, labels, ...later, meta } };
}

async function loadRest(places: AtlasData['places'], labels: AtlasData['labels'], signal: AbortSignal): Promise<AtlasRest> {
  const [routes, documents] = await Promise.all([getJson<PageRoutesFile>(DATA_FILES.pageRoutes, signal), getJson<DocumentSummary[]>(DATA_FILES.documentIndex, signal)]);
  return { ...(await legsAndJourneys(routes, places, labels)), documents };
}

/**
 * The legs and journeys of routes.page.json, with their lines. Past the tiles threshold the file leaves the lines out:
 * they are drawn again from the ends' label points, by the geometry code (turf) that comes as a chunk of its own only then.
 */
async function legsAndJourneys(routes: PageRoutesFile, places: AtlasData['places'], labels: AtlasData['labels']) {
  const placeInfo = new Map(places.features.map((f) => [f.properties.id, f.properties]));
  if (routes.routes.every((r) => r.legs.every((l) => l.places || l.line))) return expandRoutes(routes, placeInfo);
  const { arcsFrom } = await import('../geo/legs.ts');
  return expandRoutes(routes, placeInfo, arcsFrom(new Map(labels.features.map((f) => [f.properties.id, f.geometry.coordinates]))));
}

/** Where documents' words come from: the page's DocumentStore (fetched when opened), or a list at hand. */
export interface DocumentSource {
  /** The document if its words are here (undefined while they are fetched). */
  get(id: string): PublishedDocument | undefined;
  /** Whether they are on their way or could not come (undefined: never asked for, or at hand). */
  status(id: string): { state: 'loading' } | { state: 'loaded' } | { state: 'failed'; message: string } | undefined;
  /** Asks for the words of these documents. */
  request(ids: Iterable<string>): void;
}

/** Documents already in memory (the build, the tests, a figure given its documents): nothing to fetch. */
export function documentsAtHand(documents: readonly PublishedDocument[]): DocumentSource {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return { get: (id) => byId.get(id), status: (id) => (byId.has(id) ? { state: 'loaded' } : { state: 'failed', message: `no document "${id}"` }), request: () => {} };
}

/** Where features' passages come from: the page's FeatureDetailStore (fetched when a panel opens), or data at hand. */
export interface DetailSource {
  /** The feature's passages if they are here (undefined while they are fetched). */
  get(ref: FeatureRef): FeatureDetail | undefined;
  /** Whether they are on their way or could not come (undefined: never asked for). */
  status(ref: FeatureRef): { state: 'loading' } | { state: 'loaded' } | { state: 'failed'; message: string } | undefined;
  /** Asks for these features' passages (again, for those that failed). */
  requestFeatures(refs: Iterable<FeatureRef>): void;
  /** The feature's passages, once here. */
  loadFeature(ref: FeatureRef): Promise<FeatureDetail>;
  /** How many of its passages are here, of how many (undefined until its own file is). */
  more(ref: FeatureRef): MorePassages | undefined;
  /** Asks for its next page of passages (again, after a failure). */
  requestMore(ref: FeatureRef): void;
}

/** A feature's passages here, of all it has, and how its next page is doing (absent: not asked for, or none left). */
export interface MorePassages {
  shown: number;
  total: number;
  next?: { state: 'loading' } | { state: 'failed'; message: string };
}

/**
 * Passages already in memory (the build, the tests, a figure given the derivation's data): read from each feature's
 * `evidence`, and "named in" from the documents' mentions where those are at hand.
 */
export function detailsAtHand(data: {
  places: { features: ReadonlyArray<{ properties: { id: string; evidence?: Evidence[] } }> };
  legs: { features: ReadonlyArray<{ properties: { id: string; evidence?: Evidence[] } }> };
  documents?: ReadonlyArray<Partial<Pick<PublishedDocument, 'id' | 'mentions'>>>;
}): DetailSource {
  const features = new Map<string, { evidence?: Evidence[] }>();
  for (const f of data.places.features) features.set(featureKey({ kind: 'place', id: f.properties.id }), f.properties);
  for (const f of data.legs.features) features.set(featureKey({ kind: 'leg', id: f.properties.id }), f.properties);
  let namedIn: ReturnType<typeof firstMentionsByPlace> | undefined;
  const get = (ref: FeatureRef): FeatureDetail | undefined => {
    const evidence = features.get(featureKey(ref))?.evidence;
    if (!evidence) return undefined;
    // Every passage at hand: no further pages.
    if (ref.kind === 'leg') return { evidence, passageCount: evidence.length, pages: [] };
    namedIn ??= firstMentionsByPlace((data.documents ?? []).flatMap((d) => (d.id && d.mentions ? [{ id: d.id, mentions: d.mentions }] : [])));
    const mentions = namedIn.get(ref.id) ?? [];
    return { evidence, namedIn: mentions, namedInCount: mentions.length, passageCount: evidence.length, pages: [] };
  };
  return {
    get,
    status: (ref) => (get(ref) ? { state: 'loaded' } : { state: 'failed', message: `no passages for ${ref.kind} "${ref.id}"` }),
    requestFeatures: () => {},
    loadFeature: (ref) => {
      const detail = get(ref);
      return detail ? Promise.resolve(detail) : Promise.reject(new Error(`no passages for ${ref.kind} "${ref.id}"`));
    },
    more: (ref) => {
      const n = get(ref)?.evidence.length;
      return n === undefined ? undefined : { shown: n, total: n };
    },
    requestMore: () => {},
  };
}

/** Where the journeys' own passages come from: the page's JourneyPassageStore, or journeys that carry them (the derivation's). */
export interface JourneyPassageSource {
  /** A step's own passages, once here (undefined while they are fetched, and for a step whose legs carry them). */
  step(journeyId: string, step: number): Evidence[] | undefined;
  /** Whether the journey's passages are on their way or could not come (undefined: never asked for). */
  status(journeyId: string): { state: 'loading' } | { state: 'loaded'; value: JourneyPassages } | { state: 'failed'; message: string } | undefined;
  /** Asks for these journeys' passages (again, for those that failed). */
  request(journeyIds: Iterable<string>): void;
  /** The journey's passages, once here. */
  load(journeyId: string): Promise<JourneyPassages>;
}

/** Journeys whose steps carry their passages (journeys.json as derived): nothing to fetch. */
export function journeyPassagesAtHand(journeys: readonly Journey[]): JourneyPassageSource {
  const byId = new Map(journeys.map((j) => [j.id, { steps: j.steps.map((s) => s.evidence ?? null) }]));
  return {
    step: (id, step) => byId.get(id)?.steps[step] ?? undefined,
    status: (id) => {
      const passages = byId.get(id);
      return passages ? { state: 'loaded', value: passages } : { state: 'failed', message: `no journey "${id}"` };
    },
    request: () => {},
    load: (id) => {
      const passages = byId.get(id);
      return passages ? Promise.resolve(passages) : Promise.reject(new Error(`no journey "${id}"`));
    },
  };
}

/**
 * Lookups the UI needs: a feature by id, a document's summary by id, a document's words where they have been
 * fetched (`document`; `documents` asks for them), and a feature's passages likewise (`detail`; `details`).
 */
export function indexAtlas<D extends Pick<DocumentSummary, 'id'> = DocumentSummary>(
  // The page's data (PagePlaceProps) or the derivation's (PlaceProps, with passages): both have every core property.
  data: Pick<AtlasData, 'journeys'> & {
    places: { features: ReadonlyArray<{ properties: PlaceCore & { evidence?: Evidence[] } }> };
    legs: { features: ReadonlyArray<{ properties: LegCore & { evidence?: Evidence[] } }> };
    documents: readonly D[];
  },
  documents: DocumentSource = documentsAtHand([]),
  details: DetailSource = detailsAtHand(data),
  journeyPassages: JourneyPassageSource = journeyPassagesAtHand(data.journeys),
) {
  const features = new Map<string, AtlasFeature>();
  for (const f of data.places.features) features.set(featureKey({ kind: 'place', id: f.properties.id }), { kind: 'place', props: f.properties });
  for (const f of data.legs.features) features.set(featureKey({ kind: 'leg', id: f.properties.id }), { kind: 'leg', props: f.properties });
  const summaries = new Map<string, D>(data.documents.map((d) => [d.id, d]));
  const journeys = new Map(data.journeys.map((j) => [j.id, j]));
  return {
    journey: (id: string) => journeys.get(id),
    feature: (ref: { kind: 'place' | 'leg'; id: string }) => features.get(featureKey(ref)),
    summary: (id: string) => summaries.get(id),
    document: (id: string) => documents.get(id),
    documents,
    /** A feature's passages where they have been fetched (`details` asks for them). */
    detail: (ref: FeatureRef) => details.get(ref),
    details,
    /** A journey step's own passages (a step drawn with no line) where they have been fetched (`journeyPassages` asks for them). */
    stepPassages: (journeyId: string, step: number) => journeys.get(journeyId)?.steps[step]?.evidence ?? journeyPassages.step(journeyId, step),
    journeyPassages,
    allFeatures: () => [...features.values()],
  };
}
export type AtlasIndex = ReturnType<typeof indexAtlas<DocumentSummary>>;
