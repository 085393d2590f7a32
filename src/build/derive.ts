/**
 * Build step: geodata/ → static/data/*.geojson. Run by `npm start`, `npm run build` and `npm test`.
 * Usage: tsx src/build/derive.ts [--corpus geodata] [--out static/data]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../lib/corpus/load.ts';
import { deriveAtlas } from '../lib/corpus/derive.ts';
import { PUBLISHED_FILES as FILE, documentFile, type AlwaysPublishedFile, type Atlas, type DocumentSummary } from '../lib/atlas/contract.ts';
import { CorpusError, CorpusInvalid } from '../lib/corpus/errors.ts';
import { readCorpusFiles, loadWorldAtlas } from './corpus-files.ts';
import { clearStaleRuns, writeFolderAtomically } from './write-atomic.ts';
import { toLinkedPlaces } from '../lib/export/lpf.ts';
import { toWebAnnotations } from '../lib/export/annotations.ts';
import { toCsvTables } from '../lib/export/tables.ts';
import { kioskValidatorIsCurrent, STALE_VALIDATOR } from './kiosk-validator.ts';
import { buildSearchShards, searchShardFile } from '../lib/corpus/search-index.ts';
import { gzipSync } from 'node:zlib';
import { TILES_FROM_DOCUMENTS, withAtlasTiles } from '../lib/tiles/atlas-tiles.ts';

/** What the page lists of a document before it is opened: all but its words. */
export function summarizeDocument({ body, paragraphs: _paragraphs, ...summary }: Atlas['documents'][number]): DocumentSummary {
  return { ...summary, bodyLength: body.length };
}

/**
 * The published files' contents, by the names researchers download them under (PUBLISHED_FILES), each document's own
 * file (documentFile), which the page fetches when the document is opened, and the search index's shards.
 */
export function serializeAtlas(atlas: Atlas): Record<AlwaysPublishedFile, string> & Record<string, string> {
  const tables = toCsvTables(atlas);
  return {
    ...Object.fromEntries(atlas.documents.map((d) => [documentFile(d.id), JSON.stringify(d)])),
    ...Object.fromEntries(buildSearchShards(atlas.documents).map((shard, n) => [searchShardFile(n), shard])),
    [FILE.documentIndex]: JSON.stringify(atlas.documents.map(summarizeDocument)),
    [FILE.places]: JSON.stringify(atlas.places),
    [FILE.labels]: JSON.stringify(atlas.labels),
    [FILE.legs]: JSON.stringify(atlas.legs),
    [FILE.documents]: JSON.stringify(atlas.documents),
    [FILE.journeys]: JSON.stringify(atlas.journeys),
    [FILE.basemap]: JSON.stringify(atlas.basemap),
    [FILE.meta]: JSON.stringify(atlas.meta, null, 2),
    [FILE.linkedPlaces]: JSON.stringify(toLinkedPlaces(atlas)),
    [FILE.annotations]: JSON.stringify(toWebAnnotations(atlas)),
    [FILE.placesTable]: tables.places,
    [FILE.legsTable]: tables.legs,
    [FILE.passagesTable]: tables.passages,
  };
}

/**
 * A progress display for long runs: `say` is given a line at most every `everyMs`, and only once a run has taken
 * that long, so a normal build (under a second) prints nothing.
 */
export function throttledProgress(say: (line: string) => void, everyMs = 2000, now = () => performance.now()): (line: string) => void {
  let last = now();
  return (line) => {
    if (now() - last < everyMs) return;
    last = now();
    say(line);
  };
}

/** `tilesFromDocuments`: the corpus size from which the map is published as vector tiles (atlas-tiles.ts). */
export function buildCorpus(corpusDir: string, outDir: string, progress?: (line: string) => void, tilesFromDocuments = TILES_FROM_DOCUMENTS): Atlas {
  clearStaleRuns(outDir); // first, so a run killed mid-swap gets its last good output back even if this one fails
  const files = readCorpusFiles(corpusDir);
  const { places50m, basemap110m } = loadWorldAtlas();
  const corpus = loadCorpus(files, { progress });
  progress?.('deriving places, legs and journeys');
  const atlas = deriveAtlas(corpus, places50m, basemap110m);
  progress?.('writing the published files');
  writeFolderAtomically(outDir, withAtlasTiles(serializeAtlas(atlas), atlas, (bytes) => gzipSync(bytes, { level: 9 }), tilesFromDocuments));
  return atlas;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'geodata' }, out: { type: 'string', default: 'static/data' } } });
  // The kiosk configuration's validator is compiled ahead of time (the page may not compile it) and committed.
  if (!kioskValidatorIsCurrent()) {
    console.error(`derive: ${STALE_VALIDATOR}`);
    process.exit(1);
  }
  try {
    const atlas = buildCorpus(resolve(values.corpus), resolve(values.out), throttledProgress((line) => console.error(`derive: ${line}`)));
    const c = atlas.meta.counts;
    console.log(`derive: ${c.documents} documents, ${c.claims} claims → ${c.places} places, ${c.legs} route legs in ${values.out}/`);
  } catch (e) {
    if (e instanceof CorpusInvalid || e instanceof CorpusError) {
      console.error(`derive: ${values.corpus}/ not built; the last good output is left in place.\n${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}
