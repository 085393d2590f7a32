import { stringify } from 'csv-stringify/sync';
import type { Atlas, Evidence } from '../atlas/contract.ts';

// Spreadsheet and GIS tables: one row per place, per route leg, and per passage. RFC 4180: CRLF line ends. A UTF-8
// byte order mark, so that Excel, which otherwise reads a CSV in the machine's legacy code page, shows "á – °".
// Cells keep the documents' words verbatim, even one that begins with "=", "+", "-" or "@": these are data, and
// the README's Security section says to import them as text rather than escape what the documents say.
type Row = Record<string, string | number | boolean>;
const CSV_OPTIONS = { record_delimiter: 'windows', cast: { boolean: (v: boolean) => (v ? 'true' : 'false') } } as const;
const csv = (rows: Row[]) => stringify(rows, { ...CSV_OPTIONS, header: true, bom: true });

/** Rows per call to the CSV writer when a table is written in pieces. */
const CSV_BATCH_ROWS = 2000;

/**
 * A table's CSV in pieces, the same bytes as csv(rows) gives for all of them at once: the header and byte order mark
 * with the first batch, every later batch under the first row's columns.
 */
export function* csvChunks(rows: Iterable<Row>, batchRows = CSV_BATCH_ROWS): Generator<string> {
  let batch: Row[] = [];
  let columns: string[] | undefined;
  const flush = () => {
    const text = columns ? stringify(batch, { ...CSV_OPTIONS, columns }) : csv(batch);
    columns ??= batch[0] && Object.keys(batch[0]);
    batch = [];
    return text;
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length === batchRows) yield flush();
  }
  if (batch.length || !columns) yield flush(); // an empty table too, as one call writes it
}

/**
 * The passages a quote rests on besides its own words (an unstated end's name, the words that date it): each quoted,
 * “…”, in `context`; in the same order, its code-point offsets in `context_offsets` ("start-end; start-end") and what
 * it gives words for in `context_supports` ("from; period", "from+period" for one passage that gives both).
 */
const context = (e: Evidence) => ({
  context: (e.context ?? []).map((c) => `“${c.exact}”`).join('; '),
  context_offsets: (e.context ?? []).map((c) => `${c.start}-${c.end}`).join('; '),
  context_supports: (e.context ?? []).map((c) => (c.supports ?? []).join('+')).join('; '),
});

/** The period a passage gives (or a context quote in its paragraph), as ISO prefixes; `approximate` where the text hedges. */
const period = (e: Evidence) => ({ period_from: e.period?.from ?? '', period_to: e.period?.to ?? '', approximate: e.period?.approximate ?? false });

type TableSource = Pick<Atlas, 'places' | 'labels' | 'legs'>;
const anchorsOf = (atlas: TableSource) => new Map(atlas.labels.features.map((f) => [f.properties.id, f.geometry.coordinates]));

/** places.csv's rows, one per drawn place. */
export function* placeRows(atlas: TableSource): Generator<Row> {
  const anchors = anchorsOf(atlas);
  for (const { properties: p } of atlas.places.features) {
    const [lon, lat] = anchors.get(p.id)!;
    yield {
      id: p.id,
      name: p.name,
      aliases: p.aliases.join('; '),
      kind: p.kind,
      precision: p.precision,
      roles: p.roles.join('; '),
      longitude: lon!,
      latitude: lat!,
      documents: p.documents.join('; '),
      passages: p.evidence.length,
      wikidata: p.wikidata ?? '',
      geonames: p.geonames ?? '',
      coordinate_source: p.coordinateSource,
      note: p.note ?? '',
      note_es: p.note_es ?? '',
    };
  }
}

/** legs.csv's rows, one per drawn route leg. */
export function* legRows(atlas: TableSource): Generator<Row> {
  const anchors = anchorsOf(atlas);
  for (const { properties: l } of atlas.legs.features) {
    const [fromLon, fromLat] = anchors.get(l.from)!;
    const [toLon, toLat] = anchors.get(l.to)!;
    const e = l.evidence[0]!;
    yield {
      id: l.id,
      route: l.route,
      route_name: l.routeName,
      order: l.order,
      from: l.from,
      to: l.to,
      direction: l.direction,
      from_longitude: fromLon!,
      from_latitude: fromLat!,
      to_longitude: toLon!,
      to_latitude: toLat!,
      document: e.document,
      quote: e.exact,
      start: e.start,
      end: e.end,
      // The caveats, after the columns the table has always had, so that a reader by position still finds those.
      unstated: (l.unstated ?? []).join('; '),
      branch: l.branch ?? '',
      branch_es: l.branch_es ?? '',
      ...context(e),
      ...period(e),
      note: l.note ?? '',
      note_es: l.note_es ?? '',
    };
  }
}

/** passages.csv's rows, one per passage: the places' first, then the legs'. */
export function* passageRows(atlas: Pick<Atlas, 'places' | 'legs'>): Generator<Row> {
  const row = (feature: string, kind: string, e: Evidence): Row => ({
    feature,
    feature_kind: kind,
    document: e.document,
    role: e.role,
    quote: e.exact,
    start: e.start,
    end: e.end,
    ...period(e),
    ...context(e),
    note: e.note ?? '',
    note_es: e.note_es ?? '',
  });
  for (const { properties: p } of atlas.places.features) for (const e of p.evidence) yield row(p.id, 'place', e);
  for (const { properties: l } of atlas.legs.features) for (const e of l.evidence) yield row(l.id, 'leg', e);
}

export function toCsvTables(atlas: TableSource): { places: string; legs: string; passages: string } {
  return { places: csv([...placeRows(atlas)]), legs: csv([...legRows(atlas)]), passages: csv([...passageRows(atlas)]) };
}
