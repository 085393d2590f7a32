// Shapes are geometry's vocabulary (geo may not import corpus); places.yaml uses them as they are.
import type { AreaSpec, NaturalEarthRef } from '../geo/shapes.ts';
export type { AreaSpec, CircleSpec, NaturalEarthRef } from '../geo/shapes.ts';

// The roles, their families, cues and labels live in the one registry (roles.ts); re-exported for the corpus's own modules.
export { ROLES, type Role } from './roles.ts';
import type { Role } from './roles.ts';

export const PRECISIONS = ['point', 'country', 'area'] as const;
/** point: a located city or site; country: a whole country's polygon; area: a vague place drawn as a zone. */
export type Precision = (typeof PRECISIONS)[number];

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

/** Marks of a draft from `npm run corpus:suggest` (drafts.ts): derive refuses a draft no curator has reviewed. */
export interface DraftMarks {
  status?: 'suggested' | 'reviewed';
  confidence?: number;
  why?: string;
}

export interface PlaceRecord extends DraftMarks {
  id: string;
  name: string;
  /**
   * A shorter name printed on the map, for a name too long to fit among its neighbours; the panel, the list
   * and search keep `name`. It may only shorten the name, never say more or other than it.
   */
  label?: string;
  /** The name in Spanish, for the Spanish interface's map, panel, list and search; `name_es_source` says where it is from. */
  name_es?: string;
  /** A shorter Spanish form for the map, as `label` is for `name`. */
  label_es?: string;
  name_es_source?: string;
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
  /** The note in Spanish, for the Spanish interface (`npm run corpus:check` lists notes without one). */
  note_es?: string;
}

export interface ClaimRecord extends DraftMarks {
  place: string;
  role: Role;
  quote: QuoteSelector;
  period?: Period;
  /** Where the period is read when the quote itself gives no date: a passage in the same paragraph, named in the note. */
  context?: QuoteSelector[];
  note?: string;
  note_es?: string;
}

/**
 * How a leg's words order its ends: `directed` (they give the order: drawn with an arrow), `undirected` (they name
 * both ends but not the order) or `round-trip` (they give both ways: an arrow at each end).
 */
export const DIRECTIONS = ['directed', 'undirected', 'round-trip'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface LegRecord extends DraftMarks {
  from: string;
  to: string;
  quote: QuoteSelector;
  /** How the words order the ends; `directed` when left out. */
  direction?: Direction;
  /**
   * Consecutive legs with the same branch label are one step of a journey: the text names several ends at
   * once ("countries … among them Colombia and Brazil"), and the label says how they relate.
   */
  branch?: string;
  branch_es?: string;
  /**
   * A move inside one place's area (from a city to a vague zone around it): no line is drawn, since the
   * text gives no direction; the journey step highlights both places instead.
   */
  within?: boolean;
  /**
   * Two stops the text names together without travel between them ("go through Paris and Prague"): no line is
   * drawn; the journey step highlights both places.
   */
  together?: boolean;
  /** Ends the sentence does not state, read from the surrounding text: drawn faded, and the panel says so. */
  unstated?: Array<'from' | 'to'>;
  /** The passages that name each unstated end, or date the leg: exact, checked like every quote. */
  context?: QuoteSelector[];
  /** When the words date the leg (its quote, or a context quote in the same paragraph named in the note). */
  period?: Period;
  note?: string;
  note_es?: string;
}

export interface RouteRecord {
  id: string;
  name: string;
  /** The journey's name in Spanish. */
  name_es?: string;
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
