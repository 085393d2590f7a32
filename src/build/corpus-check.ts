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
import { missingSpanish } from '../lib/corpus/translations.ts';
import { CorpusError, CorpusInvalid } from '../lib/corpus/errors.ts';
import { readCorpusFiles, readDraftFiles, loadWorldAtlas } from './corpus-files.ts';
import { pendingSuggestions } from './pending-suggestions.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: 'geodata' } } });
try {
  const files = readCorpusFiles(resolve(values.corpus));
  // Listed first: derive refuses each of them until a curator has reviewed it.
  const pending = pendingSuggestions(files, readDraftFiles(resolve(values.corpus)));
  if (pending.length) console.log(`pending suggestions from corpus:suggest (review each, then write status: reviewed and delete confidence and why):\n${pending.join('\n')}\n`);
  const corpus = loadCorpus(files);
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
  // A gap, not an error: the Spanish interface shows the English, marked "solo en inglés".
  const untranslated = missingSpanish(files);
  if (!untranslated.length) console.log('every journey name, branch label and note has its Spanish');
  else console.log(`\n${untranslated.length} curator text${untranslated.length === 1 ? '' : 's'} without Spanish (shown in English, marked "solo en inglés"):`);
  for (const gap of untranslated) console.log(`  ${gap.file}${gap.line ? ` line ${gap.line}` : ''}: ${gap.field} has no ${gap.field}_es: "${gap.english}"`);
} catch (e) {
  if (e instanceof CorpusInvalid || e instanceof CorpusError) {
    console.error(`corpus:check: errors in ${values.corpus}/ (the map cannot be built until they are fixed)\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
