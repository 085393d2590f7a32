import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { parse as parseCsv } from 'csv-parse/sync';
import { booleanValid } from '@turf/boolean-valid';
import { kinks } from '@turf/kinks';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildCorpus } from '../../src/build/derive.ts';
import type { Atlas } from '../../src/lib/atlas/contract.ts';
import { createHostileCorpus, HOSTILE } from '../helpers/hostile-corpus.ts';

// The exports are checked with the field's own tools: GDAL's ogrinfo, a GeoJSON validator and WHG's LPF schema.
const LPF_SCHEMA = '../shared/standards/lpf-schema-v1.2.json';
let out: string;
let atlas: Atlas;
const read = (name: string) => readFileSync(join(out, name), 'utf8');
const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', args, { encoding: 'utf8', stdio: 'pipe' });

/** The bundled corpus plus a document with characters outside the BMP before its quotes (tests/helpers/hostile-corpus.ts). */
let astralOut: string;
let astralAtlas: Atlas;
const readAstral = (name: string) => readFileSync(join(astralOut, name), 'utf8');

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'atlas-export-')), 'data');
  atlas = buildCorpus('geodata', out);
  const hostile = createHostileCorpus();
  astralOut = join(hostile, 'out');
  astralAtlas = buildCorpus(join(hostile, 'geodata'), astralOut);
}, 60_000); // two whole builds: on a shared, loaded machine they outlast the 10 s a hook gets by default

describe('GeoJSON for GIS readers', () => {
  it.each(['places.geojson', 'labels.geojson', 'legs.geojson'])('%s passes a GeoJSON validator', (name) => {
    expect(() => checkGeoJson(read(name))).not.toThrow();
  });

  it.each([
    ['places.geojson', () => atlas.places.features.length],
    ['legs.geojson', () => atlas.legs.features.length],
  ])('%s opens cleanly in GDAL’s ogrinfo', (name, drawn) => {
    const count = drawn();
    expect(count).toBeGreaterThan(10);
    expect(existsSync('/usr/bin/ogrinfo'), 'GDAL is needed: apt-get install gdal-bin (.ci/run does)').toBe(true);
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', join(out, name)], { encoding: 'utf8', stdio: 'pipe' });
    expect(info).toContain(`Feature Count: ${count}`);
    expect(info).toMatch(/Geometry: (Unknown \(any\)|Point|Polygon|Multi Polygon|Line String)/);
  });

  it('places.csv opens in ogrinfo as points, with its quotes and commas intact', () => {
    const info = execFileSync('ogrinfo', ['-ro', '-al', '-so', '-oo', 'X_POSSIBLE_NAMES=longitude', '-oo', 'Y_POSSIBLE_NAMES=latitude', join(out, 'places.csv')], { encoding: 'utf8', stdio: 'pipe' });
    expect(info).toContain('Geometry: Point');
    expect(info).toContain(`Feature Count: ${atlas.places.features.length}`);
    const rows = parseCsv(read('passages.csv'), { columns: true, bom: true }) as Array<Record<string, string>>;
    const docs = new Map(atlas.documents.map((d) => [d.id, d]));
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) expect(Array.from(docs.get(row.document!)!.body).slice(Number(row.start), Number(row.end)).join('')).toBe(row.quote);
  });
});

describe('CSV for spreadsheets (RFC 4180)', () => {
  it.each(['places.csv', 'legs.csv', 'passages.csv'])('%s starts with a UTF-8 byte order mark and ends every record with CRLF', (name) => {
    const bytes = readFileSync(join(out, name));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const records = parseCsv(text, { bom: true }) as string[][];
    expect(records.length).toBeGreaterThan(10);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted cells (where a passage keeps its own line breaks), every line break is a record's CRLF.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.match(/\n/g)!.length).toBe(records.length);
    expect(unquoted.match(/\r\n/g)!.length).toBe(records.length);
  });

  it('keeps accents, dashes and degree signs intact for a reader that honours the byte order mark', () => {
    const rows = parseCsv(read('places.csv'), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)[0]).toBe('id');
    expect(rows.map((r) => r.coordinate_source).join(' ')).toMatch(/\P{ASCII}/u);
    const csvText = rows.map((r) => Object.values(r).join(' ')).join(' ');
    const geojsonText = JSON.parse(read('places.geojson')).features.map((f: Feature<null, { coordinateSource: string }>) => f.properties.coordinateSource).join(' ');
    for (const c of new Set(geojsonText.match(/\P{ASCII}/gu))) expect(csvText).toContain(c);
  });
});

describe('offsets in every published file count code points', () => {
  /** `body` cut by code points, as Python's `body[start:end]` and W3C selectors read it. */
  const cut = (body: string, start: number, end: number) => Array.from(body).slice(start, end).join('');
  const documents = () => new Map((JSON.parse(readAstral('documents.json')) as Atlas['documents']).map((d) => [d.id, d]));

  it('the test corpus has characters outside the BMP before its quotes, so UTF-16 offsets would differ', () => {
    const doc = documents().get(HOSTILE.documentId)!;
    expect(doc.body).toContain(HOSTILE.astral);
    expect(doc.body.length).toBeGreaterThan(Array.from(doc.body).length);
  });

  // labels.geojson carries no passages (only what the map prints), so no offsets to check there.
  it('in places.geojson and legs.geojson evidence', () => {
    const docs = documents();
    let checked = 0;
    for (const name of ['places.geojson', 'legs.geojson']) {
      const fc = JSON.parse(readAstral(name)) as FeatureCollection<null, { evidence: Array<{ document: string; exact: string; start: number; end: number }> }>;
      for (const f of fc.features) {
        for (const e of f.properties.evidence) {
          expect(cut(docs.get(e.document)!.body, e.start, e.end), `${name} ${e.document}`).toBe(e.exact);
          if (e.document === HOSTILE.documentId) checked++;
        }
      }
    }
    expect(checked).toBe(3); // two claims and the leg
  });

  it('in documents.json paragraphs and mentions', () => {
    const doc = documents().get(HOSTILE.documentId)!;
    expect(doc.paragraphs.map((p) => cut(doc.body, p.start, p.end))).toEqual(doc.body.split('\n\n'));
    expect(doc.mentions.length).toBeGreaterThan(1);
    for (const m of doc.mentions) expect(cut(doc.body, m.start, m.end)).toBe(m.text);
  });

  it('in passages.csv and legs.csv', () => {
    const docs = documents();
    for (const name of ['passages.csv', 'legs.csv']) {
      const rows = parseCsv(readAstral(name), { columns: true, bom: true }) as Array<Record<string, string>>;
      const hostile = rows.filter((r) => r.document === HOSTILE.documentId);
      expect(hostile.length).toBeGreaterThan(0);
      for (const row of rows) expect(cut(docs.get(row.document!)!.body, Number(row.start), Number(row.end)), name).toBe(row.quote);
    }
  });

  it('in the context quotes of legs.csv, passages.csv and annotations.jsonld', () => {
    const body = documents().get(HOSTILE.documentId)!.body;
    for (const name of ['legs.csv', 'passages.csv']) {
      const rows = parseCsv(readAstral(name), { columns: true, bom: true }) as Array<Record<string, string>>;
      const leg = rows.find((r) => r.document === HOSTILE.documentId && r.context_offsets !== '')!;
      const [start, end] = leg.context_offsets!.split('-').map(Number);
      expect(cut(body, start!, end!), name).toBe(HOSTILE.quote);
      expect(leg.context, name).toBe(`“${HOSTILE.quote}”`);
    }
    const items = JSON.parse(readAstral('annotations.jsonld')).first.items as Array<{ body: Array<{ source?: string; selector?: Array<{ exact?: string; prefix?: string; start?: number; end?: number }> }> }>;
    const context = items.flatMap((a) => a.body).find((b) => b.source?.endsWith(HOSTILE.documentId) && b.selector)!;
    const [quote, position] = context.selector!;
    expect(cut(body, position!.start!, position!.end!)).toBe(HOSTILE.quote);
    expect(quote!.exact).toBe(HOSTILE.quote);
    expect(quote!.prefix!.startsWith('🛩')).toBe(true);
  });

  it('in annotations, whose prefix and suffix are whole characters (valid UTF-8), never half of one', () => {
    const collection = JSON.parse(readAstral('annotations.jsonld'));
    const docs = new Map(astralAtlas.documents.map((d) => [`urn:archive-atlas:document:${d.id}`, d]));
    const hostile = collection.first.items.filter((a: { target: { source: string } }) => a.target.source.endsWith(HOSTILE.documentId));
    expect(hostile).toHaveLength(3);
    for (const a of collection.first.items) {
      const body = docs.get(a.target.source)!.body;
      const [quote, position] = a.target.selector;
      expect(cut(body, position.start, position.end)).toBe(quote.exact);
      expect(Array.from(quote.prefix as string)).toHaveLength(Math.min(32, position.start));
      for (const text of [quote.prefix, quote.suffix] as string[]) expect(/\p{Cs}/u.test(text), `lone surrogate in ${JSON.stringify(text)}`).toBe(false);
    }
    // The quote after the emoji: its 32-character prefix begins with the emoji itself, whole.
    const afterEmoji = hostile.find((a: { target: { selector: Array<{ exact?: string }> } }) => a.target.selector[0]!.exact === HOSTILE.quote);
    expect(afterEmoji.target.selector[0].prefix.startsWith('🛩')).toBe(true);
    expect(Buffer.from(readAstral('annotations.jsonld'), 'utf8').toString('utf8')).not.toContain('\ufffd');
  });
});

describe('zones and countries in places.geojson', () => {
  it('stay within ±180° and never jump across the map, so a state across the meridian (the Soviet Union) is cut there', () => {
    const fc = JSON.parse(read('places.geojson')) as FeatureCollection<Polygon | MultiPolygon | null, { id: string }>;
    const jumps: string[] = [];
    for (const f of fc.features) {
      if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const ring of rings) {
        ring.forEach(([lon], i) => {
          const next = ring[i + 1];
          if (Math.abs(lon!) > 180 || (next && Math.abs(next[0]! - lon!) > 180)) jumps.push(`${f.properties.id} at point ${i}`);
        });
      }
    }
    expect(jumps).toEqual([]);
    const ussr = fc.features.find((f) => f.properties.id === 'ussr')!.geometry as MultiPolygon;
    const lons = ussr.coordinates.flat(2).map((p) => p[0]!);
    expect([Math.min(...lons), Math.max(...lons)]).toEqual([-180, 180]);
  });
});

describe('the basemap', () => {
  const basemap = () => JSON.parse(read('basemap.geojson')) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;

  it('has every coordinate within ±180° and ±90° (RFC 7946: shapes that cross the antimeridian are cut there)', () => {
    const fc = basemap();
    expect(fc.features.length).toBeGreaterThan(170);
    for (const f of fc.features) {
      const positions = f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);
      for (const [lon, lat] of positions) {
        expect(Math.abs(lon!), f.properties.name).toBeLessThanOrEqual(180);
        expect(Math.abs(lat!), f.properties.name).toBeLessThanOrEqual(90);
      }
    }
    const russia = fc.features.find((f) => f.properties.name === 'Russia')!;
    const fiji = fc.features.find((f) => f.properties.name === 'Fiji')!;
    for (const country of [russia, fiji]) {
      const lons = (country.geometry as MultiPolygon).coordinates.flat(2).map((p) => p[0]!);
      expect([Math.min(...lons), Math.max(...lons)], country.properties.name).toEqual([-180, 180]); // cut, on both sides
    }
  });

  it('passes a GeoJSON validator, and every polygon is valid for turf (no crossing edges, no degenerate rings)', () => {
    expect(() => checkGeoJson(read('basemap.geojson'))).not.toThrow();
    const invalid = basemap().features.filter((f) => !booleanValid(f) || kinks(f).features.length > 0).map((f) => f.properties.name);
    expect(invalid).toEqual([]);
  });

  it('has every polygon valid for GDAL (GEOS’s IsValid)', () => {
    const count = (where: string) =>
      ogrinfo('-ro', '-q', '-dialect', 'sqlite', '-sql', `SELECT count(*) AS n FROM basemap WHERE ${where}`, join(out, 'basemap.geojson')).match(/n \(Integer\) = (\d+)/)?.[1];
    expect(count('1')).toBe(String(basemap().features.length));
    expect(count('NOT ST_IsValid(geometry)')).toBe('0');
  });
});

describe('Linked Places Format', () => {
  it('every place passes the World Historical Gazetteer’s LPF schema', () => {
    expect(existsSync(LPF_SCHEMA), `${LPF_SCHEMA} (shared/ beside the checkout) is needed`).toBe(true);
    // The schema reuses nested "$id"s (WHG validates with Python's jsonschema, which ignores them); Ajv refuses
    // duplicates. The schema has no $ref, so dropping the nested ids in memory leaves its rules unchanged.
    const schema = JSON.parse(readFileSync(LPF_SCHEMA, 'utf8'), function (key, value) {
      return key === '$id' && this !== undefined && !('$schema' in this) ? undefined : value;
    });
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const lpf = JSON.parse(read('places.lpf.json'));
    expect(lpf.type).toBe('FeatureCollection');
    expect(lpf.features).toHaveLength(atlas.places.features.length);
    for (const feature of lpf.features) expect(validate(feature) ? [] : validate.errors, feature['@id']).toEqual([]);
    const { names: _names, ...nameless } = lpf.features[0];
    expect(validate(nameless), 'the validator itself rejects a feature without names').toBe(false);
  });

  it('marks vague places as uncertain and carries names, citations and dates', () => {
    const lpf = JSON.parse(read('places.lpf.json'));
    const byId = (id: string) => lpf.features.find((f: { '@id': string }) => f['@id'] === `urn:archive-atlas:place:${id}`);
    expect(byId('west-indies').geometry.geometries[0].certainty).toBe('uncertain');
    expect(byId('paris').geometry.geometries[0].certainty).toBe('certain');
    expect(byId('havana').names.map((n: { toponym: string }) => n.toponym)).toEqual(['Havana', 'Habana', 'La Habana']);
    expect(byId('peru').when.timespans).toContainEqual({ start: { in: '1962-06' }, end: { in: '1962-12' } });
    // "In July he was appointed …": the event's month, not the memo's date.
    expect(byId('mexico').when.timespans).toContainEqual({ start: { in: '1962-07' }, end: { in: '1962-07' } });
    // "over the past three months": approximate, so bounds rather than exact dates.
    // (Venezuela is an origin and, on the same words "and their return to these countries", a destination.)
    expect(byId('venezuela').when.timespans).toEqual([
      { start: { earliest: '1962-01' }, end: { latest: '1962-04' } },
      { start: { earliest: '1962-01' }, end: { latest: '1962-04' } },
    ]);
    expect(byId('paris').links).toContainEqual({ type: 'closeMatch', identifier: 'wd:Q90' });
  });
});

describe('W3C Web Annotations', () => {
  it('targets each claim’s exact words by quote and by position', () => {
    const collection = JSON.parse(read('annotations.jsonld'));
    const docs = new Map(atlas.documents.map((d) => [`urn:archive-atlas:document:${d.id}`, d]));
    const items = collection.first.items;
    expect(collection.total).toBe(items.length);
    const claims = atlas.places.features.reduce((n, f) => n + f.properties.evidence.length, 0);
    expect(items.length).toBe(claims + atlas.legs.features.length);
    for (const a of items) {
      const body = [...docs.get(a.target.source)!.body];
      const [quote, position] = a.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(body.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(body.join('')).toContain(quote.prefix + quote.exact + quote.suffix);
    }
  });
});

describe('exports with caveats', () => {
  type Row = Record<string, string>;
  const rows = (name: string) => parseCsv(read(name), { columns: true, bom: true }) as Row[];
  /** A row's context quotes, cut from the document at the offsets the row gives, checked against the quotes it prints. */
  const readContext = (row: Row, body: string): string[] => {
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['context', 'context_offsets']));
    if (row.context_offsets === '') {
      expect(row.context).toBe('');
      return [];
    }
    const quotes = row.context_offsets!.split('; ').map((span) => {
      const [start, end] = span.split('-').map(Number);
      return Array.from(body).slice(start, end).join('');
    });
    expect(row.context).toBe(quotes.map((q) => `“${q}”`).join('; '));
    return quotes;
  };
  const allEvidence = () => [
    ...atlas.places.features.flatMap(({ properties: p }) => p.evidence.map((e) => ({ feature: p.id, kind: 'place', e }))),
    ...atlas.legs.features.flatMap(({ properties: l }) => l.evidence.map((e) => ({ feature: l.id, kind: 'leg', e }))),
  ];

  it('keeps the columns the tables always had, in their places, and adds the caveats after them', () => {
    const header = (name: string) => Object.keys(rows(name)[0]!);
    expect(header('legs.csv')).toEqual([
      ...['id', 'route', 'route_name', 'order', 'from', 'to', 'direction', 'from_longitude', 'from_latitude', 'to_longitude', 'to_latitude', 'document', 'quote', 'start', 'end'],
      ...['unstated', 'branch', 'branch_es', 'context', 'context_offsets', 'context_supports', 'period_from', 'period_to', 'approximate', 'note', 'note_es'],
    ]);
    expect(header('passages.csv')).toEqual([
      ...['feature', 'feature_kind', 'document', 'role', 'quote', 'start', 'end', 'period_from', 'period_to', 'approximate'],
      ...['context', 'context_offsets', 'context_supports', 'note', 'note_es'],
    ]);
    expect(header('places.csv').slice(-3)).toEqual(['coordinate_source', 'note', 'note_es']);
  });

  it('legs.csv says, leg by leg, which ends are read from context, the step the text names them in, and the note', () => {
    const table = rows('legs.csv');
    expect(table).toHaveLength(atlas.legs.features.length);
    for (const { properties: l } of atlas.legs.features) {
      const row = table.find((r) => r.id === l.id)!;
      expect({ id: l.id, unstated: row.unstated, branch: row.branch, branch_es: row.branch_es, note: row.note, note_es: row.note_es }).toEqual({
        id: l.id,
        unstated: (l.unstated ?? []).join('; '),
        branch: l.branch ?? '',
        branch_es: l.branch_es ?? '',
        note: l.note ?? '',
        note_es: l.note_es ?? '',
      });
    }
    // A leg whose start the sentence does not give must not read, in the table, like one it does.
    expect(table.filter((r) => r.unstated !== '').length).toBeGreaterThan(0);
    expect(table.filter((r) => r.unstated !== '').every((r) => r.note !== '')).toBe(true);
  });

  it('legs.csv gives each leg’s direction, its period and the context quotes that name an unstated end, read back from the document', () => {
    const table = rows('legs.csv');
    expect(Object.keys(table[0]!)).not.toContain('directed');
    const bodies = new Map(atlas.documents.map((d) => [d.id, d.body]));
    for (const { properties: l } of atlas.legs.features) {
      const row = table.find((r) => r.id === l.id)!;
      const e = l.evidence[0]!;
      expect({ id: l.id, direction: row.direction, from: row.period_from, to: row.period_to, approximate: row.approximate }).toEqual({
        id: l.id,
        direction: l.direction,
        from: e.period?.from ?? '',
        to: e.period?.to ?? '',
        approximate: String(e.period?.approximate ?? false),
      });
      expect({ id: l.id, context: readContext(row, bodies.get(row.document!)!) }).toEqual({ id: l.id, context: (e.context ?? []).map((c) => c.exact) });
      // Every end the leg lists as unstated is named in a context quote the row carries.
      for (const end of l.unstated ?? []) {
        const place = atlas.places.features.find((f) => f.properties.id === l[end])!.properties;
        expect(readContext(row, bodies.get(row.document!)!).some((q) => [place.name, ...place.aliases].some((n) => q.includes(n))), `${l.id} ${end}`).toBe(true);
      }
    }
    expect(table.find((r) => r.direction === 'round-trip'), 'the KGB legs are round trips').toBeDefined();
    const fromPeru = table.find((r) => r.unstated === 'from' && r.from === 'peru' && r.to === 'mexico')!;
    expect(fromPeru.context).toContain('“Although many left Peru openly on valid papers”');
    // What each context quote gives words for, in the order of the quotes: the start, then the period.
    expect(fromPeru.context).toBe('“Although many left Peru openly on valid papers”; “from June until December 1962”');
    expect(fromPeru.context_supports).toBe('from; period');
    for (const { properties: l } of atlas.legs.features) {
      const row = table.find((r) => r.id === l.id)!;
      expect({ id: l.id, supports: row.context_supports }).toEqual({ id: l.id, supports: (l.evidence[0]!.context ?? []).map((c) => (c.supports ?? []).join('+')).join('; ') });
      // Every unstated end has a context quote that says it gives words for that end.
      for (const end of l.unstated ?? []) expect(row.context_supports!.split('; ').some((s) => s.split('+').includes(end)), `${l.id} ${end}`).toBe(true);
    }
  });

  it('legs.csv reads the same in GDAL: the legs with an end from context, their direction and their context quotes', () => {
    const info = ogrinfo('-ro', '-q', join(out, 'legs.csv'), '-sql', "SELECT id, direction, unstated, context FROM legs WHERE unstated <> ''");
    const features = info.split('OGRFeature(legs)').slice(1).map((block) => Object.fromEntries([...block.matchAll(/^\s+(\w+) \(String\) = (.*)$/gm)].map((m) => [m[1], m[2]])));
    const expected = atlas.legs.features
      .map((f) => f.properties)
      .filter((l) => l.unstated?.length)
      .map((l) => ({ id: l.id, direction: l.direction, unstated: l.unstated!.join('; '), context: l.evidence[0]!.context!.map((c) => `“${c.exact}”`).join('; ') }));
    expect(expected.length).toBeGreaterThan(0);
    expect(features).toEqual(expected);
  });

  it('passages.csv gives the context quote a claim’s period is read from', () => {
    const table = rows('passages.csv');
    const bodies = new Map(atlas.documents.map((d) => [d.id, d.body]));
    const withContext = allEvidence().filter(({ e }) => e.context?.length);
    expect(withContext.filter(({ kind }) => kind === 'place').length, 'the corpus dates claims from context').toBeGreaterThan(0);
    for (const { feature, e } of allEvidence()) {
      const row = table.find((r) => r.feature === feature && r.document === e.document && Number(r.start) === e.start && r.role === e.role)!;
      expect({ feature, context: readContext(row, bodies.get(e.document)!) }).toEqual({ feature, context: (e.context ?? []).map((c) => c.exact) });
    }
  });

  it('annotations.jsonld links each passage to its context quotes, selected like the target', () => {
    const items = JSON.parse(read('annotations.jsonld')).first.items as Array<{ id: string; target: { source: string }; body: Array<{ type: string; purpose: string; value?: string; source?: string; selector?: Array<{ type: string; exact?: string; start?: number; end?: number; prefix?: string; suffix?: string }> }> }>;
    const docs = new Map(atlas.documents.map((d) => [`urn:archive-atlas:document:${d.id}`, Array.from(d.body)]));
    const contextOf = (id: string) => {
      const a = items.find((item) => item.id === id)!;
      return a.body
        .filter((b) => b.type === 'SpecificResource' && b.source === a.target.source && b.selector)
        .map((b) => {
          expect((b as { label?: string }).label).toMatch(/^context: the words for (the leg’s (start|end)|the period)( and (the leg’s (start|end)|the period))*$|^context$/);
          const [quote, position] = b.selector!;
          const body = docs.get(b.source!)!;
          expect(body.slice(position!.start, position!.end).join('')).toBe(quote!.exact);
          expect(body.join('')).toContain(quote!.prefix! + quote!.exact + quote!.suffix!);
          expect(b.purpose).toBe('linking');
          return quote!.exact;
        });
    };
    let linked = 0;
    for (const { properties: p } of atlas.places.features) {
      p.evidence.forEach((e, i) => {
        const id = `urn:archive-atlas:annotation:claim:${p.id}-${i + 1}`;
        expect({ id, context: contextOf(id) }).toEqual({ id, context: (e.context ?? []).map((c) => c.exact) });
        linked += e.context?.length ?? 0;
      });
    }
    for (const { properties: l } of atlas.legs.features) {
      const id = `urn:archive-atlas:annotation:leg:${l.id}`;
      expect({ id, context: contextOf(id) }).toEqual({ id, context: (l.evidence[0]!.context ?? []).map((c) => c.exact) });
      linked += l.evidence[0]!.context?.length ?? 0;
    }
    expect(linked).toBeGreaterThan(3);
    const fromPeruLeg = atlas.legs.features.find((f) => f.properties.from === 'peru' && f.properties.to === 'mexico')!.properties;
    const labels = items.find((a) => a.id === `urn:archive-atlas:annotation:leg:${fromPeruLeg.id}`)!.body.filter((b) => b.selector).map((b) => (b as { label?: string }).label);
    expect(labels).toEqual(['context: the words for the leg’s start', 'context: the words for the period']);
    // The leg's description says what the words give: the direction, and an end read from context.
    const describing = (legId: string) => items.find((a) => a.id === `urn:archive-atlas:annotation:leg:${legId}`)!.body.find((b) => b.purpose === 'describing')!;
    const fromPeru = atlas.legs.features.find((f) => f.properties.from === 'peru' && f.properties.to === 'mexico')!.properties;
    expect(describing(fromPeru.id).value).toBe('route leg: Peru → Mexico (in the order the text gives; its start is not named in this passage: read from context)');
    const roundTrip = atlas.legs.features.find((f) => f.properties.direction === 'round-trip')!.properties;
    expect(describing(roundTrip.id).value).toBe(`route leg: ${roundTrip.name} (there and back, as the text says)`);
  });

  it('passages.csv gives every passage its curator’s note and its Spanish, read back cell by cell', () => {
    const table = rows('passages.csv');
    const row = (feature: string, e: { document: string; start: number; end: number; role: string }) =>
      table.find((r) => r.feature === feature && r.document === e.document && Number(r.start) === e.start && Number(r.end) === e.end && r.role === e.role);
    const evidence = allEvidence();
    expect(evidence.filter(({ e }) => e.note).length, 'the corpus has notes to carry').toBeGreaterThan(10);
    for (const { feature, e } of evidence) {
      expect({ feature, note: row(feature, e)?.note, note_es: row(feature, e)?.note_es }).toEqual({ feature, note: e.note ?? '', note_es: e.note_es ?? '' });
    }
    // What a researcher reads beside Havana's "were to be given …": that it is an intention, not a fact.
    const havana = table.find((r) => r.feature === 'havana' && r.quote!.includes('were to be given training sites'))!;
    expect(havana.note).toMatch(/intention/i);
    const mexico = table.find((r) => r.feature === 'mexico' && r.role === 'contact')!;
    expect(mexico.note).toMatch(/contradicts/);
    expect(mexico.note_es).toMatch(/contradice/);
  });

  it('places.csv carries each place’s note', () => {
    const table = rows('places.csv');
    for (const { properties: p } of atlas.places.features) {
      const row = table.find((r) => r.id === p.id)!;
      expect({ id: p.id, note: row.note, note_es: row.note_es }).toEqual({ id: p.id, note: p.note ?? '', note_es: p.note_es ?? '' });
    }
    expect(table.filter((r) => r.note !== '').length).toBeGreaterThan(5);
  });

  it('annotations.jsonld gives every claim’s note as a commenting body, in English and in Spanish', () => {
    const items = JSON.parse(read('annotations.jsonld')).first.items as Array<{ id: string; body: Array<{ type: string; purpose: string; value?: string; language?: string }> }>;
    const comments = (id: string, language: string) =>
      items.find((a) => a.id === id)!.body.filter((b) => b.type === 'TextualBody' && b.purpose === 'commenting' && b.language === language).map((b) => b.value);
    for (const { properties: p } of atlas.places.features) {
      p.evidence.forEach((e, i) => {
        const id = `urn:archive-atlas:annotation:claim:${p.id}-${i + 1}`;
        expect({ id, en: comments(id, 'en'), es: comments(id, 'es') }).toEqual({ id, en: e.note ? [e.note] : [], es: e.note_es ? [e.note_es] : [] });
      });
    }
    for (const { properties: l } of atlas.legs.features) {
      const id = `urn:archive-atlas:annotation:leg:${l.id}`;
      expect({ id, en: comments(id, 'en') }).toEqual({ id, en: l.evidence[0]!.note ? [l.evidence[0]!.note] : [] });
    }
    const havana = items.find((a) => a.id.startsWith('urn:archive-atlas:annotation:claim:havana-') && JSON.stringify(a).includes('were to be given training sites'))!;
    expect(havana.body.find((b) => b.purpose === 'commenting')?.value).toMatch(/intention/i);
  });

  it('places.lpf.json gives each passage’s note in its description', () => {
    const lpf = JSON.parse(read('places.lpf.json')) as { features: Array<{ '@id': string; descriptions: Array<{ value: string }> }> };
    const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const { properties: p } of atlas.places.features) {
      const descriptions = lpf.features.find((f) => f['@id'] === `urn:archive-atlas:place:${p.id}`)!.descriptions;
      p.evidence.forEach((e, i) => {
        const value = descriptions[i]!.value;
        expect(value, `${p.id} ${i + 1}`).toContain(oneLine(`“${e.exact}”`));
        if (e.note) expect(value.endsWith(`. Note: ${oneLine(e.note)}`), `${p.id} ${i + 1}: ${value}`).toBe(true);
        else expect(value).not.toContain('Note:');
      });
    }
  });

  it('places.lpf.json cites a document for a name only where that document uses the name', () => {
    const lpf = JSON.parse(read('places.lpf.json')) as { features: Array<{ '@id': string; names: Array<{ toponym: string; citations?: Array<{ '@id': string }> }> }> };
    const bodies = new Map(atlas.documents.map((d) => [`urn:archive-atlas:document:${d.id}`, d.body]));
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const wrong: string[] = [];
    let cited = 0;
    for (const f of lpf.features) {
      for (const n of f.names) {
        for (const c of n.citations ?? []) {
          cited++;
          if (!new RegExp(`(?<![\\p{L}\\p{N}])${escape(n.toponym)}(?![\\p{L}\\p{N}])`, 'u').test(bodies.get(c['@id'])!)) wrong.push(`${f['@id']}: "${n.toponym}" in ${c['@id']}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(cited).toBeGreaterThan(30);
    // The letter speaks of "Berlin", never of "West Berlin": the gazetteer's name stays, uncited.
    const berlin = lpf.features.find((f) => f['@id'] === 'urn:archive-atlas:place:berlin')!;
    expect(berlin.names.map((n) => [n.toponym, (n.citations ?? []).map((c) => c['@id'])])).toEqual([
      ['West Berlin', []],
      ['Berlin', ['urn:archive-atlas:document:dorticos-1962-11-25']],
    ]);
  });
});
