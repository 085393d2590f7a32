/**
 * The published contract: what the build writes to static/data/ and the browser reads back. Derivation, exports, state
 * and the map all take these shapes from here, so a change to what is published shows up in one diff.
 * Types, plus the published vocabularies (file names, precisions, directions, renderer kinds): no code that runs,
 * nothing from MapLibre or Node, and nothing from the layers above (corpus, state, map), which all build on it.
 */
import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import type { Role } from './roles.ts';
import type { Bounds } from '../geo/bounds.ts';
import type { PlaceGeometry } from '../geo/places.ts';

export type { Bounds } from '../geo/bounds.ts';

export const PRECISIONS = ['point', 'country', 'area'] as const;
/** point: a located city or site; country: a whole country's polygon; area: a vague place drawn as a zone. */
export type Precision = (typeof PRECISIONS)[number];

/**
 * How a leg's words order its ends: `directed` (they give the order: drawn with an arrow), `undirected` (they name
 * both ends but not the order) or `round-trip` (they give both ways: an arrow at each end).
 */
export const DIRECTIONS = ['directed', 'undirected', 'round-trip'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A period as the text gives it: ISO prefixes; `approximate` when the text hedges. */
export interface Period {
  from?: string;
  to?: string;
  approximate?: boolean;
}

export interface DocumentMeta {
  id: string;
  title: string;
  /** ISO date, or a shorter ISO prefix (YYYY or YYYY-MM) when the source gives no day. */
  date: string;
  originator: string;
  /** The originator in Spanish, for the Spanish interface: the curators' words, not the archive's. */
  originator_es?: string;
  recipient?: string;
  classification?: string;
  archive: string;
  recordId?: string;
  translator?: string;
  citation: string;
  language: string;
  /** The language line in Spanish (curators' words). */
  language_es?: string;
  /** File name of the raw text in geodata/sources/. */
  source: string;
  summary?: string;
  /** Editors' notes on the metadata itself: attribution, what a summary is, marks on the copy. */
  notes?: string[];
}

export interface CorpusDocument extends DocumentMeta {
  /** The document's own words: paragraphs joined by a blank line. Offsets refer to this string, in code points (offsets.ts). */
  body: string;
  paragraphs: Array<{ start: number; end: number }>;
}

/** One anchored passage, as carried in every derived feature's `evidence`. */
export interface Evidence {
  document: string;
  role: Role | 'route';
  exact: string;
  start: number;
  end: number;
  period?: Period;
  /** Passages this evidence also rests on: the words that name an end, or date it, where `exact` does not. */
  context?: ContextPassage[];
  note?: string;
  note_es?: string;
}

/** A context quote, anchored like every quote (code points into the document's body). */
export interface ContextPassage {
  exact: string;
  start: number;
  end: number;
  /** What the passage is the words for, where the quote has none: a leg's unstated end, or the period. Set by derive. */
  supports?: Array<'from' | 'to' | 'period'>;
}

/** Where a document's words name a place that is on the map. */
export interface Mention {
  place: string;
  /** The words as the document spells them ("Habana"). */
  text: string;
  /** Code points into the body, as every published offset. */
  start: number;
  end: number;
}

/** Properties of every feature in places.geojson (documented in README). */
export interface PlaceProps {
  id: string;
  name: string;
  /** The name in Spanish, where the gazetteer gives one (its source is in places.yaml). */
  name_es?: string;
  aliases: string[];
  kind: string;
  roles: Role[];
  /** The first of `roles` in legend order: what the map colours the feature by. */
  primaryRole: Role;
  precision: Precision;
  documents: string[];
  evidence: Evidence[];
  /** [west, south, east, north] of the drawn shape, for framing it. */
  bbox: Bounds;
  coordinateSource: string;
  wikidata?: string;
  geonames?: number;
  note?: string;
  /** Curator text in Spanish, where the corpus has it (README: the derived files). */
  note_es?: string;
}

/**
 * A label point: what the map prints and how it places it, nothing more (the panel reads a place from places.geojson):
 * the place's id, names, primary role and precision, plus the label's text and rank.
 */
export interface LabelProps extends Pick<PlaceProps, 'id' | 'name' | 'name_es' | 'primaryRole' | 'precision'> {
  /** The text on the map: the curator's shorter `label` where given, else `name` (which the panel and list show). */
  label: string;
  /** The text on the map in Spanish: the curator's `label_es`, else `name_es` (absent without a Spanish name). */
  label_es?: string;
  /** MapLibre's symbol-sort-key: lower is placed first, so it wins where two labels would collide (see labelRank). */
  labelRank: number;
}

export interface LegProps {
  id: string;
  name: string;
  route: string;
  routeName: string;
  routeName_es?: string;
  order: number;
  from: string;
  to: string;
  /** How the words order the ends: an arrow (directed), none (undirected), or one at each end (round-trip). */
  direction: Direction;
  /** Set on legs the text names together as one step ("among them Colombia and Brazil"). */
  branch?: string;
  branch_es?: string;
  /** Ends the sentence does not state (read from the surrounding text): drawn faded, and said in the panel. */
  unstated?: Array<'from' | 'to'>;
  roles: ['route'];
  precision: Precision;
  documents: string[];
  evidence: Evidence[];
  bbox: Bounds;
  note?: string;
  note_es?: string;
}

/**
 * A place as every reader but the passage lists and the exports sees it: places.geojson's properties less the passages
 * and the list of its documents (those grow with the corpus; the page's filters read PagePlaceProps' summary of them).
 */
export type PlaceCore = Omit<PlaceProps, 'evidence' | 'documents'>;
/** A leg less its passages and documents (as PlaceCore). */
export type LegCore = Omit<LegProps, 'evidence' | 'documents'>;

/** What the time, role and document filters read of a feature's passages: each (document, role) they come from, once. */
export interface EvidenceSource {
  document: string;
  role: Role | 'route';
}

/**
 * What the time and role filters read of a feature in the first view: for each role its passages are in (a leg's:
 * `route`), the earliest day a document of those passages reports it by (reportedDay), or '' where one of them is
 * undated (undated evidence stays visible under any date). As many entries as roles, however many documents quote the
 * feature: at 10,000 documents the (document, role) pairs were 7.7 MB of the places' first-view file.
 */
export type ReportedBy = Partial<Record<Role | 'route', string>>;

/**
 * A place as the page's first view receives it (places.page.geojson): all but its passages, which come in its own
 * file (FeatureDetail) when its panel opens, and its documents, of which the filters need only `reported`; the document
 * switches need every (document, role), which come in FEATURE_SOURCES when a document is switched off.
 */
export interface PagePlaceProps extends PlaceCore {
  reported: ReportedBy;
  /** The documents its panel's first page quotes (firstPageDocuments), fetched with its own file, not after: at most PASSAGES_PER_PAGE. */
  firstDocuments: string[];
}

/** A leg as the page has it (expanded from routes.page.json, expandRoutes): as PagePlaceProps. */
export interface PageLegProps extends LegCore {
  reported: ReportedBy;
  firstDocuments: string[];
}

/** The page's legs: past the tiles threshold (AtlasMeta.tiles) without their lines (geometry null) until drawn again from their ends. */
export type PageLegsFile = FeatureCollection<LineString | MultiLineString | null, PageLegProps>;

/**
 * routes.page.json: the page's legs and journeys in one, each route once with its legs in order, and nothing the page
 * can work out again from the route, the places and the labels (a leg's id, name, route name, precision, its document's
 * day, its line and box past the tiles threshold; a journey's steps and box). At 10,000 documents the legs' and
 * journeys' own files were 1.45 MB of the first view compressed, most of it each route's name, id and document said
 * again for every leg and step. expandRoutes gives back exactly what they held.
 */
export interface PageRoutesFile {
  routes: PageRoute[];
}

/** A route as routes.page.json has it: in the order journeys are told (routes.yaml). */
export interface PageRoute {
  id: string;
  name: string;
  name_es?: string;
  document: string;
  /** The day its document reports it by (ReportedBy), '' where undated. */
  reported: string;
  legs: PageRouteLeg[];
}

/**
 * One leg of a route, in order: one drawn as a line (its `order` in the route), or a move a journey step shows with the
 * two places instead (`places`), which has no line and no id.
 */
export interface PageRouteLeg {
  from: string;
  to: string;
  order?: number;
  places?: 'within' | 'together';
  /** Left out where `directed`. */
  direction?: Direction;
  branch?: string;
  branch_es?: string;
  unstated?: Array<'from' | 'to'>;
  note?: string;
  note_es?: string;
  /** The leg's line and box, up to the tiles threshold (past it, drawn again from its ends' label points). */
  line?: LineString | MultiLineString;
  bbox?: Bounds;
}

export interface AtlasMeta {
  /** Every anchor and leg: "the whole map". */
  bounds: Bounds;
  /** The network itself (route legs, and places in any role but context or planned training): the opening view. */
  networkBounds: Bounds;
  counts: { documents: number; places: number; legs: number; claims: number };
  /** Set past the derivation's size threshold (src/lib/tiles/atlas-tiles.ts): the map draws from this tile archive. */
  tiles?: AtlasTiles;
}

/** The map's places, labels and legs as vector tiles in one PMTiles archive, in the data folder, and its zoom range. */
export interface AtlasTiles {
  file: typeof PUBLISHED_FILES.tiles;
  minzoom: number;
  maxzoom: number;
}

/**
 * One step of a journey: legs drawn as lines, or (for a move inside one place's area, whose direction the
 * text does not give) no legs and the places highlighted together, with the step's own passage.
 */
export interface JourneyStep {
  legs: string[];
  /** The label of a group of legs the text names together. */
  branch?: string;
  branch_es?: string;
  /**
   * The places the step highlights instead of a line: a move within an area, or stops the text names together
   * without travel between them.
   */
  places?: string[];
  /** Why the step has places and no line: `within` an area, or stops named `together`. */
  placesReason?: 'within' | 'together';
  name?: string;
  evidence?: Evidence[];
  note?: string;
  note_es?: string;
}

/** A journey's steps' own passages (journeyPassagesFile), by step: a step drawn with no line has its words here, one with legs null (its legs' files hold theirs). */
export interface JourneyPassages {
  steps: Array<Evidence[] | null>;
}

/** A route told step by step; a step with several legs is a group the text names together. */
export interface Journey {
  id: string;
  name: string;
  name_es?: string;
  document: string;
  steps: JourneyStep[];
  bbox: Bounds;
}

/** A document as published: its text, plus where it names places that are on the map. */
export interface PublishedDocument extends CorpusDocument {
  mentions: Mention[];
}

/**
 * A document as the page first receives it (documents.index.json): what its lists show of it (title, date, originator),
 * not its words, where they name places or the rest of its record (archive, citation, notes), which come in the
 * document's own file (documents/ID.json, a PublishedDocument) when a passage or the reader opens it; which documents
 * name a place, and where first, come in the place's own file (FeatureDetail.namedIn). At 10,000 documents the whole
 * records were 547 KB of the first view compressed; these are 134 KB.
 */
export interface DocumentSummary extends Pick<DocumentMeta, 'id' | 'title' | 'date' | 'originator' | 'originator_es'> {
  /** `body.length` (UTF-16 units): a shared link's passage is checked against it before the text is fetched. */
  bodyLength: number;
}

/** Everything the derivation publishes (the browser receives all but the basemap as data; see AtlasData). */
export interface Atlas {
  places: FeatureCollection<PlaceGeometry, PlaceProps>;
  labels: FeatureCollection<Point, LabelProps>;
  legs: FeatureCollection<LineString | MultiLineString, LegProps>;
  journeys: Journey[];
  documents: PublishedDocument[];
  basemap: FeatureCollection;
  meta: AtlasMeta;
}

/**
 * What the browser receives first: the derivation's finished output (the basemap goes straight to the map), with
 * places and legs without their passages and documents as summaries; a feature's passages are fetched when its panel
 * opens (FeatureDetailStore), a document's words when it is opened (DocumentStore).
 */
export type AtlasData = Omit<Atlas, 'basemap' | 'documents' | 'places' | 'legs'> & {
  places: FeatureCollection<PlaceGeometry, PagePlaceProps>;
  legs: FeatureCollection<LineString | MultiLineString, PageLegProps>;
  documents: DocumentSummary[];
};

/** The first words in a document that name a place: where "Named in" opens that document. */
export interface PlaceMention extends Omit<Mention, 'place'> {
  document: string;
}

/**
 * A feature's own file (featureFile): what its panel shows beyond what the first view carries, fetched when the panel
 * opens. Its first page of passages (passagePages: the first of each role, in the panel's order, up to
 * PASSAGES_PER_PAGE), so a place quoted thousands of times opens as quickly as one quoted once; the rest are in its
 * further page files (`pages`), fetched on asking. In the bundle (FEATURE_BUNDLE) every passage is in `evidence` and
 * `pages` is empty. As the page reads it (FeatureDetailStore), `evidence` is every passage fetched so far.
 */
export interface FeatureDetail extends FeaturePage {
  /** How many passages the feature has in all: `evidence`'s and its further pages'. */
  passageCount: number;
  /** A place's documents that name it, in all (`namedIn` holds the first page's). */
  namedInCount?: number;
  /** The further page files (featurePageFile), in order; empty when `evidence` holds every passage. */
  pages: string[];
}

/** One page of a feature's passages: the first is in its own file (FeatureDetail), the others in featurePageFile. */
export interface FeaturePage {
  /** The feature's `evidence` in places.geojson or legs.geojson, this page's part of it. */
  evidence: Evidence[];
  /** A place's first mention in each document that names it, in the documents' order, this page's part (none on a leg). */
  namedIn?: PlaceMention[];
}

export type FeatureKind = 'place' | 'leg';
/** A drawn feature by kind and id: what a tap picks, the selection holds and the address names. */
export interface FeatureRef {
  id: string;
  kind: FeatureKind;
}

/** Where the camera is: what the address keeps and a renderer is asked to show. */
export interface CameraView {
  lng: number;
  lat: number;
  zoom: number;
}

/** How a leg is drawn beyond its selection: on a journey (current, done, ahead), around a place, or dimmed. */
export type LegEmphasis = 'current' | 'done' | 'ahead' | 'connected' | 'dim';

/**
 * The published files, by the names researchers download them under (keep stable): the build writes them into
 * static/data/, the page fetches them from DATA_DIR.
 */
export const PUBLISHED_FILES = {
  places: 'places.geojson',
  labels: 'labels.geojson',
  legs: 'legs.geojson',
  documents: 'documents.json',
  journeys: 'journeys.json',
  basemap: 'basemap.geojson',
  meta: 'meta.json',
  linkedPlaces: 'places.lpf.json',
  annotations: 'annotations.jsonld',
  placesTable: 'places.csv',
  legsTable: 'legs.csv',
  passagesTable: 'passages.csv',
  /** The page's list of documents, without their words (DocumentSummary[]). */
  documentIndex: 'documents.index.json',
  /** The page's places: the download less their passages and documents (PagePlaceProps). */
  pagePlaces: 'places.page.geojson',
  /** The page's legs and journeys, each route once (PageRoutesFile). */
  pageRoutes: 'routes.page.json',
  /** The map's vector tiles, written only past the size threshold (AtlasMeta.tiles says when). */
  tiles: 'atlas.pmtiles',
} as const;
export type PublishedFile = (typeof PUBLISHED_FILES)[keyof typeof PUBLISHED_FILES];
/** The files written for every corpus: all but the tile archive. */
export type AlwaysPublishedFile = Exclude<PublishedFile, typeof PUBLISHED_FILES.tiles>;

/** Where the page finds the published files, relative to its own address. */
export const DATA_DIR = 'data';

/**
 * One file per document (a PublishedDocument, addressed by its id), fetched when a passage or the reader opens it,
 * so the first view costs the same however many documents there are. documents.json stays the researchers' download.
 */
export const DOCUMENT_FOLDER = 'documents';
/**
 * Up to this many documents, the page fetches every document's file as it loads, before the first view is drawn: a few
 * small files (the bundled corpus's five are 35 KB compressed, what documents.json cost before), for a passage on the
 * same frame as the tap, which a fetch per tap cannot give. Beyond it, a document is fetched when it is opened.
 */
export const DOCUMENTS_PRELOADED_UP_TO = 50;
/** A document's own file, relative to the data folder (ids are slugs: the corpus schema allows no other characters). */
export const documentFile = (id: string) => `${DOCUMENT_FOLDER}/${id}.json`;

/**
 * One file per drawn feature (a FeatureDetail), fetched when its panel opens: the first view carries no passage, so it
 * costs the same however many passages a place has. places.geojson and legs.geojson stay the researchers' downloads.
 */
export const FEATURE_FOLDER = 'features';
/**
 * Up to this many drawn features (places and legs), derive also writes every feature's file in one (FEATURE_BUNDLE,
 * the bundled corpus's 53 come to about 15 KB compressed) and the page fetches it with the documents before the first
 * view is drawn: a tap then opens the passage on the same frame, which a fetch per tap cannot give. Beyond it, a
 * feature's own file is fetched when its panel opens.
 */
export const FEATURE_DETAILS_PRELOADED_UP_TO = 500;
/** Every feature's FeatureDetail by its featureKey, in the feature folder: written only up to FEATURE_DETAILS_PRELOADED_UP_TO. */
export const FEATURE_BUNDLE = `${FEATURE_FOLDER}/all.json`;
/** A feature's own file, relative to the data folder (ids are slugs, as document ids). */
export const featureFile = (ref: FeatureRef) => `${FEATURE_FOLDER}/${ref.kind}/${ref.id}.json`;
/**
 * A feature's further pages of passages (FeaturePage), page 2 onwards, relative to the data folder: beside its own file.
 * Ids are slugs, so the page number after a dot cannot be read as part of an id.
 */
export const featurePageFile = (ref: FeatureRef, page: number) => `${FEATURE_FOLDER}/${ref.kind}/${ref.id}.${page}.json`;
/** A feature file's first page holds at most this many passages (and its further pages as many each), … */
export const PASSAGES_PER_PAGE = 20;
/** … and no more than about this many bytes of them (at least one passage, however long). */
export const PASSAGE_PAGE_BYTES = 16 * 1024;
/** A place's "Named in" documents per page at the least: spread over its passages' pages, never more pages than those. */
export const NAMED_IN_PER_PAGE = 50;
/** A feature's one key, `kind:id`: the bundle's, and the page's lookups'. */
export const featureKey = (ref: FeatureRef) => `${ref.kind}:${ref.id}`;

/**
 * A journey's passages of its own (JourneyPassages): the steps drawn with no line carry their words, which
 * routes.page.json leaves out, so the first view's journeys do not grow with them (about 0.5 MB of the 5 MB
 * journeys.json at 10,000 documents). Fetched when the journey opens; a small corpus's all in one, as the features'.
 */
export const JOURNEY_FOLDER = 'journeys';
/** A journey's own passages, relative to the data folder (journey ids are slugs). */
export const journeyPassagesFile = (id: string) => `${JOURNEY_FOLDER}/steps/${id}.json`;
/**
 * Every drawn feature's (document, role) pairs (EvidenceSource[]) by its featureKey: what the document switches read.
 * Fetched when a document is switched off (a small corpus's with the first view, as FEATURE_BUNDLE), never before: at
 * 10,000 documents it is 1.3 MB compressed, which the first view's `reported` spares.
 */
export const FEATURE_SOURCES = `${FEATURE_FOLDER}/sources.json`;
/** Every journey's JourneyPassages by its id, written (and loaded with the first view) where FEATURE_BUNDLE is. */
export const JOURNEY_PASSAGES_BUNDLE = `${JOURNEY_FOLDER}/all.json`;

/** The files the page itself loads, by the addresses it fetches them from. */
export const DATA_FILES = {
  places: `${DATA_DIR}/${PUBLISHED_FILES.places}`,
  labels: `${DATA_DIR}/${PUBLISHED_FILES.labels}`,
  legs: `${DATA_DIR}/${PUBLISHED_FILES.legs}`,
  pagePlaces: `${DATA_DIR}/${PUBLISHED_FILES.pagePlaces}`,
  pageRoutes: `${DATA_DIR}/${PUBLISHED_FILES.pageRoutes}`,
  documents: `${DATA_DIR}/${PUBLISHED_FILES.documents}`,
  documentIndex: `${DATA_DIR}/${PUBLISHED_FILES.documentIndex}`,
  journeys: `${DATA_DIR}/${PUBLISHED_FILES.journeys}`,
  meta: `${DATA_DIR}/${PUBLISHED_FILES.meta}`,
  basemap: `${DATA_DIR}/${PUBLISHED_FILES.basemap}`,
  tiles: `${DATA_DIR}/${PUBLISHED_FILES.tiles}`,
} as const;

/**
 * What the filters leave on the map, by id (null: everything). `legs` null: the legs have not come yet (past the tiles
 * threshold they follow the first view: AtlasState.later), and the map's lines are drawn as the tiles have them.
 */
export type Visibility = { places: string[]; legs: string[] | null } | null;

/** What the page draws its map with (window.atlas.renderer, and what the kiosk's heartbeat reports): WebGL (MapLibre), the SVG map, or no map (the list). */
export const RENDERER_KINDS = ['maplibre', 'svg', 'none'] as const;
export type RendererKind = (typeof RENDERER_KINDS)[number];
