/**
 * Build step: geodata/ → static/data/*.geojson. Run by `npm start`, `npm run build` and `npm test`.
 * Usage: tsx src/build/derive.ts [--corpus geodata] [--out static/data]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../lib/corpus/load.ts';
import { deriveAtlas } from '../lib/corpus/derive.ts';
import { PUBLISHED_FILES as FILE, type Atlas, type PublishedFile } from '../lib/atlas/contract.ts';
import { CorpusError, CorpusInvalid } from '../lib/corpus/errors.ts';
import { readCorpusFiles, loadWorldAtlas } from './corpus-files.ts';
import { clearStaleRuns, writeFolderAtomically } from './write-atomic.ts';
import { toLinkedPlaces } from '../lib/export/lpf.ts';
import { toWebAnnotations } from '../lib/export/annotations.ts';
import { toCsvTables } from '../lib/export/tables.ts';
import { kioskValidatorIsCurrent, STALE_VALIDATOR } from './kiosk-validator.ts';

/** The published files' contents, by the names researchers download them under (PUBLISHED_FILES). */
export function serializeAtlas(atlas: Atlas): Record<PublishedFile, string> {
  const tables = toCsvTables(atlas);
  return {
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

export function buildCorpus(corpusDir: string, outDir: string, progress?: (line: string) => void): Atlas {
  clearStaleRuns(outDir); // first, so a run killed mid-swap gets its last good output back even if this one fails
  const files = readCorpusFiles(corpusDir);
  const { places50m, basemap110m } = loadWorldAtlas();
  const corpus = loadCorpus(files, { progress });
  progress?.('deriving places, legs and journeys');
  const atlas = deriveAtlas(corpus, places50m, basemap110m);
  progress?.('writing the published files');
  writeFolderAtomically(outDir, serializeAtlas(atlas));
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
