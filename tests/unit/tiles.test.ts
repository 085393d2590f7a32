import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Compression, PMTiles, tileIdToZxy, zxyToTileId, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { serializeDirectory, writePmtiles, type TileToWrite } from '../../src/lib/tiles/pmtiles-writer.ts';
import { buildAtlasTiles, TILE_LAYERS, TILE_ZOOMS, TILES_FROM_DOCUMENTS, TILES_UP_TO_DOCUMENTS, withAtlasTiles } from '../../src/lib/tiles/atlas-tiles.ts';
import { legLines, MAP_PROPERTIES, trimToMapProperties } from '../../src/lib/map/map-features.ts';
import { bundleFans } from '../../src/lib/map/bundle.ts';
import { PUBLISHED_FILES, type AtlasData, type AtlasMeta, type Atlas, type PageRoutesFile } from '../../src/lib/atlas/contract.ts';
import { expandRoutes } from '../../src/lib/corpus/routes-page.ts';
import { arcsFrom } from '../../src/lib/geo/legs.ts';
import { buildCorpus } from '../../src/build/derive.ts';
import { generateCorpus } from '../../src/build/bench/generate-corpus.ts';

const gzip = (bytes: Uint8Array) => gzipSync(bytes);

/** An archive in memory, read by the pmtiles package's own reader (as the page's protocol reads it over HTTP). */
function readArchive(archive: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: archive.slice(offset, offset + length).buffer }),
  };
  return new PMTiles(source, undefined, async (buf, compression) => {
    if (compression === Compression.None) return buf;
    if (compression !== Compression.Gzip) throw new Error(`unexpected compression ${compression}`);
    return new Uint8Array(gunzipSync(new Uint8Array(buf))).buffer;
  });
}

/** A tile's features by layer, as MapLibre's decoder (@mapbox/vector-tile) reads them, in longitude and latitude. */
async function decodeTile(archive: PMTiles, z: number, x: number, y: number) {
  const response = await archive.getZxy(z, x, y);
  if (!response) return null;
  const tile = new VectorTile(new PbfReader(new Uint8Array(response.data)));
  return Object.fromEntries(
    Object.entries(tile.layers).map(([name, layer]) => [
      name,
      Array.from({ length: layer.length }, (_, i) => {
        const feature = layer.feature(i);
        return { properties: feature.properties, geometry: feature.toGeoJSON(x, y, z).geometry };
      }),
    ]),
  );
}

const createPoint = (id: string, name: string, at: [number, number]): Feature<Point> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { id, name, precision: 'point', primaryRole: 'training-site', evidence: [{ exact: 'a passage' }] } });
const createLeg = (id: string, name: string, line: Array<[number, number]>): Feature<LineString> => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: line }, properties: { id, name, direction: 'directed', from: 'a', to: 'b', unstated: ['from'], evidence: [{ exact: 'a passage' }] } });
const collection = <F extends Feature>(features: F[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** A tiny atlas: two places (Havana, Paris), their labels, and one leg between them. */
function createTinyAtlas(): Pick<Atlas, 'places' | 'labels' | 'legs' | 'meta'> {
  const havana = createPoint('havana', 'Havana', [-82.38, 23.13]);
  const paris = createPoint('paris', 'Paris', [2.35, 48.86]);
  const label = (f: Feature<Point>) => ({ ...f, properties: { ...f.properties, label: f.properties!.name, labelRank: 1 } });
  return {
    places: collection([havana, paris]) as Atlas['places'],
    labels: collection([label(havana), label(paris)]) as Atlas['labels'],
    legs: collection([createLeg('havana-paris', 'Havana → Paris', [[-82.38, 23.13], [-40, 45], [2.35, 48.86]])]) as Atlas['legs'],
    meta: { bounds: [-82.38, 23.13, 2.35, 48.86], networkBounds: [-82.38, 23.13, 2.35, 48.86], counts: { documents: 1, places: 2, legs: 1, claims: 2 } },
  };
}

/** The page's legs from a derived folder, as loadAtlasData expands them: routes.page.json, lines drawn again from labels.geojson. */
function pageLegsOf(dir: string) {
  const read = <T,>(file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  const places = read<AtlasData['places']>(PUBLISHED_FILES.pagePlaces);
  const labels = read<FeatureCollection<Point, { id: string }>>(PUBLISHED_FILES.labels);
  const routes = read<PageRoutesFile>(PUBLISHED_FILES.pageRoutes);
  return expandRoutes(routes, new Map(places.features.map((f) => [f.properties.id, f.properties])), arcsFrom(new Map(labels.features.map((f) => [f.properties.id, f.geometry.coordinates])))).legs;
}

describe('the PMTiles writer', () => {
  it('writes an archive the pmtiles reader opens: the header says what it holds, and each tile comes back byte for byte', async () => {
    const tiles: TileToWrite[] = [
      { z: 0, x: 0, y: 0, data: Uint8Array.from([1, 2, 3]) },
      { z: 3, x: 5, y: 2, data: Uint8Array.from([9, 9, 9, 9]) },
      { z: 1, x: 1, y: 0, data: Uint8Array.from([4, 5]) },
      // The same bytes as z1 1/0: stored once.
      { z: 1, x: 0, y: 1, data: Uint8Array.from([4, 5]) },
    ];
    const bytes = writePmtiles(tiles, { gzip, minZoom: 0, maxZoom: 3, bounds: [-10, -20, 30, 40], metadata: { vector_layers: [] } });
    const archive = readArchive(bytes);
    const header = await archive.getHeader();
    expect(header).toMatchObject({ specVersion: 3, minZoom: 0, maxZoom: 3, numAddressedTiles: 4, numTileContents: 3, clustered: true, tileType: 1, internalCompression: 2, tileCompression: 2 });
    expect([header.minLon, header.minLat, header.maxLon, header.maxLat]).toEqual([-10, -20, 30, 40]);
    for (const t of tiles) expect(new Uint8Array((await archive.getZxy(t.z, t.x, t.y))!.data)).toEqual(t.data);
    expect(await archive.getZxy(2, 0, 0)).toBeUndefined();
    expect(await archive.getMetadata()).toEqual({ vector_layers: [] });
  });

  it('splits a directory too large for the root into leaves, and every tile is still found', async () => {
    // 30,000 tiles scattered over zoom 9, each one of 40 contents: ids and offsets that gzip cannot fold into 16 KB.
    let seed = 1;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const contents = Array.from({ length: 40 }, (_, i) => new TextEncoder().encode(`content ${i} `.repeat(1 + (i % 7))));
    const tiles: TileToWrite[] = [];
    let id = zxyToTileId(9, 0, 0);
    for (let i = 0; i < 30_000; i++) {
      id += 1 + Math.floor(random() * 8);
      const [z, x, y] = tileIdToZxy(id);
      tiles.push({ z, x, y, data: contents[Math.floor(random() * contents.length)]! });
    }
    const bytes = writePmtiles(tiles, { gzip, minZoom: 9, maxZoom: 9, bounds: [-180, -85, 180, 85], metadata: {} });
    const archive = readArchive(bytes);
    const header = await archive.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    for (const i of [0, 1, 4095, 4096, 4097, 17_000, 29_999]) {
      const t = tiles[i]!;
      expect(new Uint8Array((await archive.getZxy(t.z, t.x, t.y))!.data), `tile ${i}`).toEqual(t.data);
    }
  });

  it('writes runs of one tile repeated along the Hilbert curve as one entry, which covers those tiles and no more', async () => {
    const sea = Uint8Array.from([7]);
    const ids = [10, 11, 12, 20];
    const tiles = ids.map((id) => {
      const [z, x, y] = tileIdToZxy(id);
      return { z, x, y, data: sea };
    });
    const bytes = writePmtiles(tiles, { gzip, minZoom: 0, maxZoom: 3, bounds: [0, 0, 1, 1], metadata: {} });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(Number(view.getBigUint64(72, true))).toBe(4); // addressed
    expect(Number(view.getBigUint64(80, true))).toBe(2); // entries: the run 10–12, and 20
    expect(Number(view.getBigUint64(88, true))).toBe(1); // contents
    const archive = readArchive(bytes);
    for (const id of ids) expect(new Uint8Array((await archive.getZxy(...tileIdToZxy(id)))!.data), `tile id ${id}`).toEqual(sea);
    for (const id of [9, 13, 19, 21]) expect(await archive.getZxy(...tileIdToZxy(id)), `tile id ${id}`).toBeUndefined();
  });

  it('encodes a directory as the spec says: count, delta-coded ids, run lengths, lengths, offsets (0 when contiguous)', () => {
    const entries = [
      { tileId: zxyToTileId(0, 0, 0), offset: 0, length: 300, runLength: 1 },
      { tileId: 5, offset: 300, length: 10, runLength: 2 },
      { tileId: 9, offset: 0, length: 300, runLength: 1 },
    ];
    // 300 as a varint is 0xac 0x02.
    expect([...serializeDirectory(entries)]).toEqual([3, 0, 5, 4, 1, 2, 1, 0xac, 0x02, 10, 0xac, 0x02, 1, 0, 1]);
  });
});

describe("the atlas's tiles", () => {
  it('hold every place, label and leg with its id and name, only the properties the style reads, where they are', async () => {
    const atlas = createTinyAtlas();
    const { archive, meta } = buildAtlasTiles(atlas, gzip);
    expect(meta).toEqual({ file: PUBLISHED_FILES.tiles, minzoom: TILE_ZOOMS.minzoom, maxzoom: TILE_ZOOMS.maxzoom });
    // The same input gives the same bytes, as every published file.
    expect(buildAtlasTiles(createTinyAtlas(), gzip).archive).toEqual(archive);
    const reader = readArchive(archive);
    const world = (await decodeTile(reader, 0, 0, 0))!;
    expect(Object.keys(world).sort()).toEqual([...TILE_LAYERS].sort());
    expect(world.places!.map((f) => [f.properties.id, f.properties.name])).toEqual([['havana', 'Havana'], ['paris', 'Paris']]);
    expect(world.labels!.map((f) => [f.properties.label, f.properties.labelRank])).toEqual([['Havana', 1], ['Paris', 1]]);
    const leg = world.legs![0]!;
    expect(leg.properties).toEqual({ id: 'havana-paris', name: 'Havana → Paris', direction: 'directed', unstated: 'from' });
    for (const f of [...world.places!, ...world.labels!, ...world.legs!]) {
      expect(Object.keys(f.properties).every((k) => (MAP_PROPERTIES as readonly string[]).includes(k)), JSON.stringify(f.properties)).toBe(true);
    }
    // Havana in the zoom-6 tile that holds it, within that tile's precision (4,096 units: about 0.001° across).
    const z = TILE_ZOOMS.maxzoom;
    const x = Math.floor(((-82.38 + 180) / 360) * 2 ** z);
    const lat = (23.13 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z);
    const deep = (await decodeTile(reader, z, x, y))!;
    const havana = deep.places!.find((f) => f.properties.id === 'havana')!;
    const [lng, la] = (havana.geometry as Point).coordinates as [number, number];
    expect(Math.abs(lng - -82.38)).toBeLessThan(0.001);
    expect(Math.abs(la - 23.13)).toBeLessThan(0.001);
    // Paris is not in Havana's tile; the sea between them has no tile at all.
    expect(deep.places!.some((f) => f.properties.id === 'paris')).toBe(false);
    expect(await reader.getZxy(z, 0, 0)).toBeUndefined();
  });

  it(`are added to the published files from ${TILES_FROM_DOCUMENTS} to ${TILES_UP_TO_DOCUMENTS} documents, meta.json then naming them`, () => {
    const files: Array<readonly [string, string]> = [[PUBLISHED_FILES.places, '{}'], [PUBLISHED_FILES.meta, '{}']];
    const sized = (documents: number) => {
      const atlas = createTinyAtlas();
      return { ...atlas, meta: { ...atlas.meta, counts: { ...atlas.meta.counts, documents } } };
    };
    const names = (documents: number) => [...withAtlasTiles(files, sized(documents), gzip)].map(([name]) => name);
    expect(names(TILES_FROM_DOCUMENTS - 1)).toEqual([PUBLISHED_FILES.places, PUBLISHED_FILES.meta]);
    expect(names(TILES_FROM_DOCUMENTS)).toEqual([PUBLISHED_FILES.places, PUBLISHED_FILES.meta, PUBLISHED_FILES.tiles]);
    expect(names(TILES_UP_TO_DOCUMENTS)).toEqual([PUBLISHED_FILES.places, PUBLISHED_FILES.meta, PUBLISHED_FILES.tiles]);
    expect(names(TILES_UP_TO_DOCUMENTS + 1)).toEqual([PUBLISHED_FILES.places, PUBLISHED_FILES.meta]);
    const meta = [...withAtlasTiles(files, sized(TILES_FROM_DOCUMENTS), gzip)].find(([name]) => name === PUBLISHED_FILES.meta)![1];
    expect((JSON.parse(String(meta)) as AtlasMeta).tiles).toEqual({ file: PUBLISHED_FILES.tiles, ...TILE_ZOOMS });
  });

  it(`are written by the derivation from ${TILES_FROM_DOCUMENTS} documents (here lowered): every leg and place at every zoom, meta.json pointing to them`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-tiles-'));
    generateCorpus(join(dir, 'corpus'), 12, 3);
    const below = buildCorpus(join(dir, 'corpus'), join(dir, 'geojson'), undefined, 13);
    expect(() => readFileSync(join(dir, 'geojson', PUBLISHED_FILES.tiles))).toThrow();
    expect((JSON.parse(readFileSync(join(dir, 'geojson', PUBLISHED_FILES.meta), 'utf8')) as AtlasMeta).tiles).toBeUndefined();

    const atlas = buildCorpus(join(dir, 'corpus'), join(dir, 'tiled'), undefined, 12);
    expect(atlas.legs.features.length).toBe(below.legs.features.length);
    const meta = JSON.parse(readFileSync(join(dir, 'tiled', PUBLISHED_FILES.meta), 'utf8')) as AtlasMeta;
    expect(meta.tiles).toEqual({ file: PUBLISHED_FILES.tiles, ...TILE_ZOOMS });
    expect(meta.counts).toEqual(atlas.meta.counts);
    const reader = readArchive(new Uint8Array(readFileSync(join(dir, 'tiled', meta.tiles!.file))));
    const names = (c: FeatureCollection) => new Map(c.features.map((f) => [String(f.properties!.id), String(f.properties!.name)]));
    // Legs drawn alike are one line in the tiles, named by the least id of its legs; every leg is on one.
    const lines = legLines(trimToMapProperties(bundleFans(atlas.legs)));
    expect(new Set(lines.lineOf.keys())).toEqual(new Set(atlas.legs.features.map((f) => String(f.properties.id))));
    expect(lines.lines.features.length, 'lines, of legs').toBeLessThan(atlas.legs.features.length);
    const want = { places: names(atlas.places), labels: names(atlas.labels), legs: names(lines.lines) };
    expect(want.legs.size).toBeGreaterThan(10);
    // The page groups its own legs (routes.page.json, lines drawn again from the label points) into the same lines:
    // the line a leg's highlight goes to is the one the tiles draw it on.
    const pageLegs = pageLegsOf(join(dir, 'tiled'));
    expect(legLines(trimToMapProperties(bundleFans(pageLegs as FeatureCollection))).lineOf).toEqual(lines.lineOf);
    for (let z = TILE_ZOOMS.minzoom; z <= TILE_ZOOMS.maxzoom; z++) {
      const found = { places: new Map<string, string>(), labels: new Map<string, string>(), legs: new Map<string, string>() };
      for (let x = 0; x < 2 ** z; x++) {
        for (let y = 0; y < 2 ** z; y++) {
          const tile = await decodeTile(reader, z, x, y);
          for (const [layer, features] of Object.entries(tile ?? {})) for (const f of features) found[layer as keyof typeof found].set(String(f.properties.id), String(f.properties.name));
        }
      }
      expect(found, `zoom ${z}`).toEqual(want);
    }
  });

  it('leave the lines out of routes.page.json past the threshold: the page draws each again, exactly as legs.geojson has it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-tiles-'));
    generateCorpus(join(dir, 'corpus'), 12, 3);
    buildCorpus(join(dir, 'corpus'), join(dir, 'geojson'), undefined, 13);
    buildCorpus(join(dir, 'corpus'), join(dir, 'tiled'), undefined, 12);
    const read = <T,>(site: string, file: string) => JSON.parse(readFileSync(join(dir, site, file), 'utf8')) as T;
    const bytes = (site: string) => readFileSync(join(dir, site, PUBLISHED_FILES.pageRoutes)).length;
    const drawnLegs = (site: string) => read<PageRoutesFile>(site, PUBLISHED_FILES.pageRoutes).routes.flatMap((r) => r.legs.filter((l) => !l.places));
    // Below the threshold the page's legs carry their lines, as MapLibre draws them from the GeoJSON.
    expect(drawnLegs('geojson').every((l) => l.line && l.bbox)).toBe(true);
    expect(drawnLegs('tiled').filter((l) => l.line || l.bbox), 'legs with a line in the tiled page file').toEqual([]);
    expect(bytes('tiled')).toBeLessThan(bytes('geojson') / 3);
    // Drawn again from the ends' label points, every line is the download's, coordinate for coordinate.
    const drawn = pageLegsOf(join(dir, 'tiled'));
    const download = read<FeatureCollection<LineString | MultiLineString, { id: string; bbox: number[] }>>('tiled', PUBLISHED_FILES.legs);
    expect(download.features.length).toBeGreaterThan(10);
    expect(drawn.features.map((f) => [f.properties.id, f.geometry, f.properties.bbox])).toEqual(download.features.map((f) => [f.properties.id, f.geometry, f.properties.bbox]));
  });
});
