/** Roles a place can play in a document, in the order the legend lists them. */
export const ROLES = [
  'training-site',
  'transit-hub',
  'origin',
  're-entry',
  'funding',
  'planned-training',
  'front',
  'context',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'training-site': 'Training site',
  'transit-hub': 'Transit hub',
  origin: 'Trainees came from',
  're-entry': 'Re-entry point',
  funding: 'Funding channel',
  'planned-training': 'Planned training',
  front: 'Planned front (Peru)',
  context: 'Political context',
};

export const PRECISIONS = ['point', 'country', 'area'] as const;
/** point: a located city or site; country: a whole country's polygon; area: a vague place drawn as a zone. */
export type Precision = (typeof PRECISIONS)[number];

export interface DocumentMeta {
  id: string;
  title: string;
  /** ISO date, or a shorter ISO prefix (YYYY or YYYY-MM) when the source gives no day. */
  date: string;
  originator: string;
  recipient?: string;
  classification?: string;
  archive: string;
  recordId?: string;
  translator?: string;
  citation: string;
  language: string;
  /** File name of the raw text in geodata/sources/. */
  source: string;
  summary?: string;
}

export interface CorpusDocument extends DocumentMeta {
  /** The document's own words: paragraphs joined by a blank line. Offsets refer to this string, in code points (offsets.ts). */
  body: string;
  paragraphs: Array<{ start: number; end: number }>;
}

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** A period as the text gives it: ISO prefixes; `approximate` when the text hedges. */
export interface Period {
  from?: string;
  to?: string;
  approximate?: boolean;
}

export interface NaturalEarthRef {
  natural_earth_id: string;
  natural_earth_name: string;
  /** Keep only the part of the country inside [west, south, east, north]. */
  clip?: [number, number, number, number];
}

export interface AreaSpec {
  circle?: { center: [number, number]; radius_km: number };
  polygon?: Array<[number, number]>;
  country?: NaturalEarthRef;
}

export interface PlaceRecord {
  id: string;
  name: string;
  aliases: string[];
  kind: 'city' | 'site' | 'country' | 'region';
  precision: Precision;
  point?: [number, number];
  country?: NaturalEarthRef;
  area?: AreaSpec;
  /** Where the coordinates came from. */
  source: string;
  wikidata?: string;
  geonames?: number;
  note?: string;
}

export interface ClaimRecord {
  place: string;
  role: Role;
  quote: QuoteSelector;
  period?: Period;
  note?: string;
}

export interface LegRecord {
  from: string;
  to: string;
  quote: QuoteSelector;
  /** false when the text names both ends but not the order of travel. */
  directed?: boolean;
  /**
   * Consecutive legs with the same branch label are alternatives the text gives ("Colombia or
   * Brazil"): a journey shows them as one step rather than inventing a single path.
   */
  branch?: string;
  note?: string;
}

export interface RouteRecord {
  id: string;
  name: string;
  document: string;
  legs: LegRecord[];
}

/** One anchored passage, as carried in every derived feature's `evidence`. */
export interface Evidence {
  document: string;
  role: Role | 'route';
  exact: string;
  start: number;
  end: number;
  period?: Period;
  note?: string;
}
