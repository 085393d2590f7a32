import { zxyToTileId } from 'pmtiles';

/**
 * A PMTiles v3 writer (the spec: github.com/protomaps/PMTiles, spec/v3/spec.md). npm has readers only; tippecanoe,
 * the usual writer, is not to be had here. Pure: the caller hands in gzip (Node's zlib at build time).
 * Layout: header (127 bytes), root directory, metadata, leaf directories, tile data; tiles in tile-id order (clustered),
 * identical tiles stored once, runs of identical neighbours as one entry.
 */

export interface TileToWrite {
  z: number;
  x: number;
  y: number;
  /** The tile as it is to be served, before compression (an MVT). */
  data: Uint8Array;
}

export interface PmtilesOptions {
  /** gzip, as the archive's internal (directories, metadata) and tile compression. */
  gzip: (bytes: Uint8Array) => Uint8Array;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** The archive's JSON metadata (for MVT, `vector_layers`). */
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The spec's limit: a reader fetches the header and root directory in one request of this size. */
const ROOT_LIMIT = 16_384;
const GZIP = 2;
const MVT = 1;

/** Appends an unsigned varint (protobuf style); numbers up to 2^53, so arithmetic rather than bit operations. */
function pushVarint(out: number[], value: number) {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** A directory as the spec encodes it: count, then delta-coded tile ids, run lengths, lengths, offsets (0: contiguous). */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    pushVarint(out, i > 0 && previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** The root directory, and the leaves it points to when all entries would not fit beside the header. */
function buildDirectories(entries: Entry[], gzip: (b: Uint8Array) => Uint8Array): { root: Uint8Array; leaves: Uint8Array } {
  const whole = gzip(serializeDirectory(entries));
  if (HEADER_BYTES + whole.length <= ROOT_LIMIT) return { root: whole, leaves: new Uint8Array(0) };
  // Leaves of `leafSize` entries each; the root lists them (run length 0 marks a leaf). Grown until the root fits.
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafParts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = gzip(serializeDirectory(entries.slice(i, i + leafSize)));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const root = gzip(serializeDirectory(rootEntries));
    if (HEADER_BYTES + root.length <= ROOT_LIMIT) return { root, leaves: concat(leafParts) };
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Same bytes: tiles of open sea and of one leg's middle repeat many times over. */
function contentKey(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
  return `${bytes.length}:${hash}`;
}
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** One PMTiles v3 archive holding these MVT tiles. */
export function writePmtiles(tiles: readonly TileToWrite[], options: PmtilesOptions): Uint8Array {
  const { gzip } = options;
  const sorted = tiles.map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const parts: Uint8Array[] = [];
  const stored = new Map<string, Array<{ raw: Uint8Array; offset: number; length: number }>>();
  let dataLength = 0;
  let contents = 0;
  for (const tile of sorted) {
    const previous = entries[entries.length - 1];
    if (previous && tile.tileId === previous.tileId) throw new Error(`writePmtiles: tile id ${tile.tileId} given twice`);
    const key = contentKey(tile.data);
    const same = stored.get(key)?.find((s) => sameBytes(s.raw, tile.data));
    let offset: number;
    let length: number;
    if (same) ({ offset, length } = same);
    else {
      const packed = gzip(tile.data);
      offset = dataLength;
      length = packed.length;
      parts.push(packed);
      dataLength += packed.length;
      contents++;
      stored.set(key, [...(stored.get(key) ?? []), { raw: tile.data, offset, length }]);
    }
    if (previous && previous.offset === offset && previous.tileId + previous.runLength === tile.tileId) previous.runLength++;
    else entries.push({ tileId: tile.tileId, offset, length, runLength: 1 });
  }
  const { root, leaves } = buildDirectories(entries, gzip);
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));
  const tileData = concat(parts);

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  const u64 = (at: number, v: number) => view.setBigUint64(at, BigInt(v), true);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const tileDataOffset = leavesOffset + leaves.length;
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leavesOffset);
  u64(48, leaves.length);
  u64(56, tileDataOffset);
  u64(64, tileData.length);
  u64(72, sorted.length);
  u64(80, entries.length);
  u64(88, contents);
  header[96] = 1; // clustered: tile data in tile-id order
  header[97] = GZIP;
  header[98] = GZIP;
  header[99] = MVT;
  header[100] = options.minZoom;
  header[101] = options.maxZoom;
  const e7 = (deg: number) => Math.round(deg * 1e7);
  const [west, south, east, north] = options.bounds;
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  header[118] = options.minZoom;
  view.setInt32(119, e7((west + east) / 2), true);
  view.setInt32(123, e7((south + north) / 2), true);
  return concat([header, root, metadata, leaves, tileData]);
}
