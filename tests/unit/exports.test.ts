import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildCorpus } from '../../src/build/derive.ts';
import type { Atlas } from '../../src/lib/corpus/derive.ts';

// The exports are checked with the field's own tools: GDAL's ogrinfo, a GeoJSON validator and WHG's LPF schema.
const LPF_SCHEMA = '../shared/standards/lpf-schema-v1.2.json';
let out: string;
let atlas: Atlas;
const read = (name: string) => readFileSync(join(out, name), 'utf8');

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'atlas-export-')), 'data');
  atlas = buildCorpus('geodata', out);
});

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
    const rows = parseCsv(read('passages.csv'), { columns: true }) as Array<Record<string, string>>;
    const docs = new Map(atlas.documents.map((d) => [d.id, d]));
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) expect(docs.get(row.document!)!.body.slice(Number(row.start), Number(row.end))).toBe(row.quote);
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
    expect(byId('venezuela').when.timespans).toEqual([{ start: { earliest: '1962-01' }, end: { latest: '1962-04' } }]);
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
