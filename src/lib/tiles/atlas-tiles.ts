import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import type { Atlas, AtlasTiles } from '../atlas/contract.ts';
import { PUBLISHED_FILES } from '../atlas/contract.ts';
import { bundleFans } from '../map/bundle.ts';
import { SOURCES } from '../map/ids.ts';
import { legLines, trimToMapProperties } from '../map/map-features.ts';
import { writePmtiles, type TileToWrite } from './pmtiles-writer.ts';

/**
 * From this many documents up, the derivation writes the map's places, labels and legs as vector tiles (one PMTiles
 * archive) and the page's MapLibre draws from them: at 1,000 documents (4,055 legs) MapLibre's worker tiling the
 * GeoJSON on the page made first idle 6.6 s, 2.2 × the bare MapLibre page. The bundled corpus (5) stays on GeoJSON.
 */
export const TILES_FROM_DOCUMENTS = 500;
/**
 * Up to this many: when the tiles held one feature per leg, cutting held every leg's geometry in geojson-vt at once,
 * and at 100,000 documents that ran the derivation out of its 3 GB heap (after 9.3 min), so beyond it the derivation
 * wrote GeoJSON only. The tiles now hold legs drawn alike as one line (legLines: 228 lines for 38,992 legs at 10,000
 * documents, whose derive peak fell from 1.7 to 1.1 GB), and 100,000 documents derive with them in 6.5 min at a peak of
 * 3.2 GB (the bench, 2026-12-07): the limit is there, not higher, until a larger corpus is measured.
 */
export const TILES_UP_TO_DOCUMENTS = 100_000;

/**
 * The tiles' zoom range. At zoom 6 a tile's 4,096 units are about 2.4 km at the equator, finer than a pin; MapLibre
 * draws the map's deeper zooms (up to camera.ts's MAX_ZOOM) from the zoom-6 tiles.
 */
export const TILE_ZOOMS = { minzoom: 0, maxzoom: 6 } as const;

/** MVT's usual grid; vt-pbf and MapLibre read the same. */
const EXTENT = 4096;

/** The tiles' layers, named as the map's GeoJSON sources are (ids.ts): the style's layers keep their one name for each. */
export const TILE_LAYERS = [SOURCES.places, SOURCES.labels, SOURCES.legs] as const;

/** What the map draws, as the page would hand it to MapLibre: only the properties the style reads, fans bundled, legs drawn alike as one line (legLines). */
function mapCollections(atlas: Pick<Atlas, 'places' | 'labels' | 'legs'>): Record<(typeof TILE_LAYERS)[number], FeatureCollection> {
  return {
    [SOURCES.places]: trimToMapProperties(atlas.places),
    [SOURCES.labels]: trimToMapProperties(atlas.labels),
    [SOURCES.legs]: legLines(trimToMapProperties(bundleFans(atlas.legs))).lines,
  };
}

/** geojson-vt's key for a tile in its index (toID in its source). */
const tileKey = (z: number, x: number, y: number) => ((1 << z) * y + x) * 32 + z;

/**
 * geojson-vt keeps every tile it has made, at every zoom: for 10,000 documents' legs that was 2.2 GB, far more than the
 * derivation's heap. Its index is walked depth first here and each tile let go once its children are done, so only
 * the tiles along the current path (and their siblings' sources) are held. The index's tile table is internal to
 * geojson-vt; if a version renames it, this falls back to keeping every tile (more memory, the same output).
 */
function releaseTile(index: GeoJSONVT, z: number, x: number, y: number) {
  const tiles = (index as unknown as { tileIndex?: { tiles?: Record<number, unknown> } }).tileIndex?.tiles;
  if (tiles) delete tiles[tileKey(z, x, y)];
}

/** Every non-empty tile from zoom 0 to TILE_ZOOMS.maxzoom, each holding the three layers' features in it. */
export function cutAtlasTiles(atlas: Pick<Atlas, 'places' | 'labels' | 'legs'>): TileToWrite[] {
  const { maxzoom } = TILE_ZOOMS;
  const indexes = Object.entries(mapCollections(atlas)).map(
    // tolerance 1 (of 4,096): lines kept close to their great circles. indexMaxZoom 0: tiles are made as they are asked for.
    ([name, collection]) => [name, new GeoJSONVT(collection, { maxZoom: maxzoom, indexMaxZoom: 0, extent: EXTENT, buffer: 64, tolerance: 1 })] as const,
  );
  const tiles: TileToWrite[] = [];
  const visit = (z: number, x: number, y: number) => {
    const layers: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
    for (const [name, index] of indexes) {
      const tile = index.getTile(z, x, y);
      if (tile && tile.features.length) layers[name] = tile;
    }
    // A tile with nothing in it has nothing under it either.
    if (!Object.keys(layers).length) return;
    tiles.push({ z, x, y, data: fromGeojsonVt(layers, { version: 2, extent: EXTENT }) });
    if (z < maxzoom) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) visit(z + 1, 2 * x + dx, 2 * y + dy);
    for (const [, index] of indexes) releaseTile(index, z, x, y);
  };
  visit(0, 0, 0);
  return tiles;
}

/** The published archive and what meta.json says of it (AtlasMeta.tiles). */
export function buildAtlasTiles(atlas: Pick<Atlas, 'places' | 'labels' | 'legs' | 'meta'>, gzip: (bytes: Uint8Array) => Uint8Array): { archive: Uint8Array; meta: AtlasTiles } {
  const [west, south, east, north] = atlas.meta.bounds;
  const archive = writePmtiles(cutAtlasTiles(atlas), {
    gzip,
    minZoom: TILE_ZOOMS.minzoom,
    maxZoom: TILE_ZOOMS.maxzoom,
    bounds: [Math.max(west, -180), Math.max(south, -85.05), Math.min(east, 180), Math.min(north, 85.05)],
    metadata: { vector_layers: TILE_LAYERS.map((id) => ({ id, fields: {}, minzoom: TILE_ZOOMS.minzoom, maxzoom: TILE_ZOOMS.maxzoom })) },
  });
  return { archive, meta: { file: PUBLISHED_FILES.tiles, ...TILE_ZOOMS } };
}

/**
 * The one decision: the published files (name and content, as the derivation writes them one by one) gain the tile
 * archive, and meta.json says the page should draw from it, when the corpus has `threshold` documents or more; below,
 * the files pass through as they are (the map stays on GeoJSON).
 */
/** Whether a corpus of this many documents is published as tiles too, the map drawn from them (`threshold`: lowered in tests). */
export const drawnFromTiles = (documents: number, threshold: number = TILES_FROM_DOCUMENTS) => documents >= threshold && documents <= TILES_UP_TO_DOCUMENTS;

export function* withAtlasTiles<C>(
  files: Iterable<readonly [string, C]>,
  atlas: Pick<Atlas, 'places' | 'labels' | 'legs' | 'meta'>,
  gzip: (bytes: Uint8Array) => Uint8Array,
  threshold: number = TILES_FROM_DOCUMENTS,
): Generator<readonly [string, C | string | Uint8Array]> {
  if (!drawnFromTiles(atlas.meta.counts.documents, threshold)) return yield* files;
  const { archive, meta } = buildAtlasTiles(atlas, gzip);
  for (const [name, content] of files) yield name === PUBLISHED_FILES.meta ? [name, JSON.stringify({ ...atlas.meta, tiles: meta }, null, 2)] : [name, content];
  yield [PUBLISHED_FILES.tiles, archive];
}
