/**
 * Build step: geodata/ → static/data/*.geojson. Run by `npm start`, `npm run build` and `npm test`.
 * Usage: tsx src/build/derive.ts [--corpus geodata] [--out static/data]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../lib/corpus/load.ts';
import { deriveAtlas } from '../lib/corpus/derive.ts';
import { PUBLISHED_FILES as FILE, FEATURE_BUNDLE, FEATURE_DETAILS_PRELOADED_UP_TO, FEATURE_SOURCES, documentFile, featureFile, featureKey, featurePageFile, journeyPassagesFile, JOURNEY_PASSAGES_BUNDLE, type Atlas, type Evidence, type FeatureRef, type PlaceMention, type DocumentSummary, type AlwaysPublishedFile, type FeatureDetail } from '../lib/atlas/contract.ts';
import { firstMentionsByPlace } from '../lib/corpus/queries.ts';
import { featureSourcesChunks, journeyPassages, pagePlaces, reportedDays } from '../lib/corpus/page-layer.ts';
import { pageRoutes } from '../lib/corpus/routes-page.ts';
import { passagePages } from '../lib/corpus/passage-pages.ts';
import { CorpusError, CorpusInvalid } from '../lib/corpus/errors.ts';
import { readCorpusFiles, loadWorldAtlas } from './corpus-files.ts';
import { clearStaleRuns, writeFolderAtomically, type FileContent } from './write-atomic.ts';
import { linkedPlaceFeatures, linkedPlacesCollection } from '../lib/export/lpf.ts';
import { webAnnotationCollection, webAnnotationCount, webAnnotationItems } from '../lib/export/annotations.ts';
import { csvChunks, legRows, passageRows, placeRows } from '../lib/export/tables.ts';
import { jsonArrayOf, jsonChunks } from '../lib/export/json-chunks.ts';
import { kioskValidatorIsCurrent, STALE_VALIDATOR } from './kiosk-validator.ts';
import { searchShards, searchShardFile } from '../lib/corpus/search-index.ts';
import { gzipSync } from 'node:zlib';
import { drawnFromTiles, TILES_FROM_DOCUMENTS, withAtlasTiles } from '../lib/tiles/atlas-tiles.ts';

/** What the page lists of a document before it is opened (DocumentSummary): its title, date and originator. */
export function summarizeDocument({ id, title, date, originator, originator_es, body }: Atlas['documents'][number]): DocumentSummary {
  return { id, title, date, originator, ...(originator_es === undefined ? {} : { originator_es }), bodyLength: body.length };
}

/**
 * Every drawn feature's own file (featureFile): its first page of passages (passagePages), and for a place the documents
 * that name it, with the names of its further page files (featurePageFile), written after it.
 */
export function* featureDetailFiles(atlas: Pick<Atlas, 'places' | 'legs' | 'documents'>): Generator<readonly [string, string]> {
  const namedIn = firstMentionsByPlace(atlas.documents);
  // A small corpus's files in one too, which the page loads with its first view (FEATURE_DETAILS_PRELOADED_UP_TO):
  // every passage in it, so nothing more is fetched on the bundled corpus.
  const bundle: Record<string, FeatureDetail> | null = atlas.places.features.length + atlas.legs.features.length <= FEATURE_DETAILS_PRELOADED_UP_TO ? {} : null;
  function* filesOf(ref: FeatureRef, evidence: Evidence[], mentions?: PlaceMention[]) {
    if (bundle) bundle[featureKey(ref)] = { evidence, ...(mentions ? { namedIn: mentions, namedInCount: mentions.length } : {}), passageCount: evidence.length, pages: [] };
    const [first, ...further] = passagePages(evidence, mentions);
    const pages = further.map((_, i) => featurePageFile(ref, i + 2));
    const detail: FeatureDetail = { ...first!, ...(mentions ? { namedInCount: mentions.length } : {}), passageCount: evidence.length, pages };
    yield [featureFile(ref), JSON.stringify(detail)] as const;
    for (const [i, page] of further.entries()) yield [pages[i]!, JSON.stringify(page)] as const;
  }
  for (const { properties: p } of atlas.places.features) yield* filesOf({ kind: 'place', id: p.id }, p.evidence, namedIn.get(p.id) ?? []);
  for (const { properties: l } of atlas.legs.features) yield* filesOf({ kind: 'leg', id: l.id }, l.evidence);
  if (bundle) yield [FEATURE_BUNDLE, JSON.stringify(bundle)];
}

/** Each journey's own passages (journeyPassagesFile), and a small corpus's in one (JOURNEY_PASSAGES_BUNDLE), as the features'. */
export function* journeyPassageFiles(atlas: Pick<Atlas, 'places' | 'legs' | 'journeys'>): Generator<readonly [string, string]> {
  const small = atlas.places.features.length + atlas.legs.features.length <= FEATURE_DETAILS_PRELOADED_UP_TO;
  for (const j of atlas.journeys) yield [journeyPassagesFile(j.id), JSON.stringify(journeyPassages(j))];
  if (small) yield [JOURNEY_PASSAGES_BUNDLE, JSON.stringify(Object.fromEntries(atlas.journeys.map((j) => [j.id, journeyPassages(j)])))];
}

/**
 * The published files, by the names researchers download them under (PUBLISHED_FILES), each document's own file
 * (documentFile), which the page fetches when the document is opened, and the search index's shards. Each file is made
 * only when the writer asks for the next one, and the big ones in pieces (jsonChunks, csvChunks): at 100,000 documents
 * the files come to gigabytes, and at most one file's piece, never the set, is alive at once. A new output is one more
 * `yield [name, content]` (content: text, bytes, or pieces of either).
 *
 * documents.json (every document's words, in one file) is kept at any size: it is the download of the whole corpus, not
 * something the page loads (the page reads documents.index.json and each document's own file), and written in pieces
 * it costs the derivation no memory, only disk.
 */
export function* publishedFiles(atlas: Atlas, tilesFromDocuments = TILES_FROM_DOCUMENTS): Generator<readonly [string, FileContent]> {
  for (const d of atlas.documents) yield [documentFile(d.id), JSON.stringify(d)];
  yield* featureDetailFiles(atlas);
  yield* journeyPassageFiles(atlas);
  let n = 0;
  for (const shard of searchShards(atlas.documents)) yield [searchShardFile(n++), shard];
  yield [
    FILE.documentIndex,
    jsonChunks(
      jsonArrayOf(function* () {
        for (const d of atlas.documents) yield summarizeDocument(d);
      }),
      0,
    ),
  ];
  const reportedDayOf = reportedDays(atlas.documents);
  yield [FILE.pagePlaces, jsonChunks(pagePlaces(atlas.places, reportedDayOf))];
  // Past the tiles threshold the lines come from the tiles, and the page draws the rest from the legs' ends.
  yield [FILE.pageRoutes, jsonChunks(pageRoutes(atlas, reportedDayOf, { lines: !drawnFromTiles(atlas.meta.counts.documents, tilesFromDocuments) }), 2)];
  yield [FEATURE_SOURCES, featureSourcesChunks(atlas)];
  yield [FILE.places, jsonChunks(atlas.places)];
  yield [FILE.labels, jsonChunks(atlas.labels)];
  yield [FILE.legs, jsonChunks(atlas.legs)];
  yield [FILE.documents, jsonChunks(atlas.documents, 1)];
  yield [FILE.journeys, jsonChunks(atlas.journeys, 1)];
  yield [FILE.basemap, JSON.stringify(atlas.basemap)];
  yield [FILE.meta, JSON.stringify(atlas.meta, null, 2)];
  yield [FILE.linkedPlaces, jsonChunks(linkedPlacesCollection(jsonArrayOf(() => linkedPlaceFeatures(atlas))))];
  yield [FILE.annotations, jsonChunks(webAnnotationCollection(jsonArrayOf(() => webAnnotationItems(atlas)), webAnnotationCount(atlas)))];
  yield [FILE.placesTable, csvChunks(placeRows(atlas))];
  yield [FILE.legsTable, csvChunks(legRows(atlas))];
  yield [FILE.passagesTable, csvChunks(passageRows(atlas))];
}

/** The published files as whole texts, for tests and the benchmark's phases: the same pieces as the build writes, joined. */
export function serializeAtlas(atlas: Atlas): Record<AlwaysPublishedFile, string> & Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, content] of publishedFiles(atlas)) {
    texts[name] = typeof content === 'string' ? content : content instanceof Uint8Array ? Buffer.from(content).toString('utf8') : [...content].join('');
  }
  return texts as Record<AlwaysPublishedFile, string> & Record<string, string>;
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

// Its own function so that the corpus's files and records are garbage once the atlas is made, before the writing.
export function deriveCorpus(corpusDir: string, progress?: (line: string) => void): Atlas {
  const { places50m, basemap110m } = loadWorldAtlas();
  const corpus = loadCorpus(readCorpusFiles(corpusDir), { progress });
  progress?.('deriving places, legs and journeys');
  return deriveAtlas(corpus, places50m, basemap110m);
}

/** `tilesFromDocuments`: the corpus size from which the map is published as vector tiles too (atlas-tiles.ts). */
export function buildCorpus(corpusDir: string, outDir: string, progress?: (line: string) => void, tilesFromDocuments = TILES_FROM_DOCUMENTS): Atlas {
  clearStaleRuns(outDir); // first, so a run killed mid-swap gets its last good output back even if this one fails
  const atlas = deriveCorpus(corpusDir, progress);
  // Each published file by name, a folder of per-document files (documents/, search/) once.
  const folders = new Set<string>();
  const announced = function* (files: Iterable<readonly [string, FileContent]>) {
    for (const [name, content] of files) {
      const folder = name.includes('/') ? name.slice(0, name.indexOf('/') + 1) : undefined;
      if (!folder) progress?.(`writing ${name}`);
      else if (!folders.has(folder)) progress?.(`writing ${folder}`);
      if (folder) folders.add(folder);
      yield [name, content] as const;
    }
  };
  writeFolderAtomically(outDir, announced(siteFiles(atlas, tilesFromDocuments)));
  return atlas;
}

/** Every file the build publishes, in the order it writes them: publishedFiles, and the tile archive past its threshold. */
export function siteFiles(atlas: Atlas, tilesFromDocuments = TILES_FROM_DOCUMENTS) {
  return withAtlasTiles(publishedFiles(atlas, tilesFromDocuments), atlas, (bytes) => gzipSync(bytes, { level: 9 }), tilesFromDocuments);
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
