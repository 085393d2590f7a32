// Shapes are geometry's vocabulary (geo may not import corpus); places.yaml uses them as they are.
import type { AreaSpec, NaturalEarthRef } from '../geo/shapes.ts';
// The published vocabulary (roles, precisions, directions, periods) is the contract's: the corpus's records use it.
import type { Direction, Period, Precision } from '../atlas/contract.ts';
import type { Role } from '../atlas/roles.ts';

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
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
