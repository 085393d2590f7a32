/**
 * How a place's shape is written in places.yaml, as geometry reads it. The corpus types reuse these; geometry does
 * not import the corpus, so it stays a library of shapes that knows nothing of documents or claims.
 */
export interface NaturalEarthRef {
  natural_earth_id: string;
  natural_earth_name: string;
  /** Keep only the part of the country inside [west, south, east, north]. */
  clip?: [number, number, number, number];
  /**
   * Other Natural Earth ids merged into one shape with this one (shared borders dissolved): a state whose
   * borders were not today's, such as the USSR of 1962 drawn as its fifteen republics.
   */
  merge?: string[];
}

export interface CircleSpec {
  center: [number, number];
  radius_km: number;
}

export interface AreaSpec {
  circle?: CircleSpec;
  polygon?: Array<[number, number]>;
  country?: NaturalEarthRef;
  /** Several zones that form one vague place (scattered islands): each a circle or a polygon. */
  parts?: Array<{ circle?: CircleSpec; polygon?: Array<[number, number]> }>;
}

/** What placeGeometry needs of a place: how precisely it is known, and the matching shape. */
export interface PlaceShape {
  precision: 'point' | 'country' | 'area';
  point?: [number, number];
  country?: NaturalEarthRef;
  area?: AreaSpec;
}
