/**
 * `npm run corpus:check`: what the corpus covers and what it could still cover.
 * Exits 1 on errors (a quote that no longer matches, an unknown id, …), 0 on coverage gaps alone.
 * Usage: tsx src/build/corpus-check.ts [--corpus geodata]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../lib/corpus/load.ts';
import { deriveAtlas } from '../lib/corpus/derive.ts';
import { coverageReport } from '../lib/corpus/coverage.ts';
import { CorpusError, CorpusInvalid } from '../lib/corpus/errors.ts';
import { readCorpusFiles, loadWorldAtlas } from './corpus-files.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'geodata' } } });
try {
  const corpus = loadCorpus(readCorpusFiles(resolve(values.corpus)));
  const world = loadWorldAtlas();
  deriveAtlas(corpus, world.places50m, world.basemap110m); // geometry errors count as errors too
  const report = coverageReport(corpus);
  console.log(`corpus:check: ${corpus.documents.length} documents, ${corpus.places.length} places, ${corpus.claims.length} claims, ${corpus.routes.reduce((n, r) => n + r.legs.length, 0)} route legs: no errors.`);
  for (const doc of corpus.documents) {
    const gaps = report.unclaimedMentions.filter((g) => g.document === doc.id);
    console.log(`\n${doc.id} — ${doc.title}`);
    if (report.documentsWithoutFeatures.includes(doc.id)) console.log('  no features: no claim or route leg uses this document yet');
    if (!gaps.length) console.log('  every gazetteer place it names is claimed');
    for (const g of gaps) console.log(`  names ${g.name} (${g.place}) ${g.mentions}× but no claim uses it: "${g.passage}"`);
  }
  console.log(report.unusedPlaces.length ? `\nplaces no claim or route uses: ${report.unusedPlaces.join(', ')}` : '\nevery gazetteer place is used');
} catch (e) {
  if (e instanceof CorpusInvalid || e instanceof CorpusError) {
    console.error(`corpus:check: errors in ${values.corpus}/ (the map cannot be built until they are fixed)\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
