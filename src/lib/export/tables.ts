import { stringify } from 'csv-stringify/sync';
import type { Atlas, Evidence } from '../atlas/contract.ts';

// Spreadsheet and GIS tables: one row per place, per route leg, and per passage. RFC 4180: CRLF line ends. A UTF-8
// byte order mark, so that Excel, which otherwise reads a CSV in the machine's legacy code page, shows "á – °".
// Cells keep the documents' words verbatim, even one that begins with "=", "+", "-" or "@": these are data, and
// the README's Security section says to import them as text rather than escape what the documents say.
const csv = (rows: Array<Record<string, string | number | boolean>>) =>
  stringify(rows, { header: true, bom: true, record_delimiter: 'windows', cast: { boolean: (v) => (v ? 'true' : 'false') } });

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

export function toCsvTables(atlas: Pick<Atlas, 'places' | 'labels' | 'legs'>): { places: string; legs: string; passages: string } {
  const anchors = new Map(atlas.labels.features.map((f) => [f.properties.id, f.geometry.coordinates]));
  const places = atlas.places.features.map(({ properties: p }) => {
    const [lon, lat] = anchors.get(p.id)!;
    return {
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
  });
  const legs = atlas.legs.features.map(({ properties: l }) => {
    const [fromLon, fromLat] = anchors.get(l.from)!;
    const [toLon, toLat] = anchors.get(l.to)!;
    const e = l.evidence[0]!;
    return {
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
  });
  const passages = [
    ...atlas.places.features.flatMap(({ properties: p }) => p.evidence.map((e) => ({ feature: p.id, kind: 'place', ...e }))),
    ...atlas.legs.features.flatMap(({ properties: l }) => l.evidence.map((e) => ({ feature: l.id, kind: 'leg', ...e }))),
  ].map((e) => ({
    feature: e.feature,
    feature_kind: e.kind,
    document: e.document,
    role: e.role,
    quote: e.exact,
    start: e.start,
    end: e.end,
    ...period(e),
    ...context(e),
    note: e.note ?? '',
    note_es: e.note_es ?? '',
  }));
  return { places: csv(places), legs: csv(legs), passages: csv(passages) };
}
