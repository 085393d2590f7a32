/**
 * The corpus-size rows' derivation alone (issue 27), without the page: each size's corpus generated, then derived in
 * its own process exactly as the full scale bench does (deriveInChild), and the wall time and peak RSS held against
 * the targets. For working on the derivation; `npm run bench -- --only scale` measures the page rows as well.
 * Usage: tsx src/build/bench/derive-scale.ts [--documents 10000,100000] [--work .tmp/derive-scale]
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateCorpus, GENERATED_MARKER } from './generate-corpus.ts';
import { deriveInChild, SCALE_TARGETS } from './scale-bench.ts';
import { mb, table } from './report.ts';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '10000,100000' }, work: { type: 'string', default: '.tmp/derive-scale' } } });
const sizes = values.documents.split(',').map((s) => Number(s.trim()));
const work = resolve(values.work);
const rows: string[][] = [];
for (const size of sizes) {
  const corpus = join(work, `corpus-${size}`);
  // A corpus generated before (the same size and seed give the same files) is reused: generating 100,000 takes a while.
  const marker = join(corpus, GENERATED_MARKER);
  const made = existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as { documents: number; seed: number }) : undefined;
  if (made?.documents !== size || made.seed !== DEFAULT_SEED) {
    console.error(`derive-scale ${size}: generating the corpus …`);
    generateCorpus(corpus, size);
  }
  const out = join(work, `out-${size}`);
  rmSync(out, { recursive: true, force: true });
  console.error(`derive-scale ${size}: deriving (its own process) …`);
  const run = await deriveInChild(corpus, out, 30 * 60_000);
  const minutes = run.failed ? run.failed : `${(run.wallMs / 60_000).toFixed(1)} min`;
  rows.push([
    size.toLocaleString('en'),
    minutes,
    Number.isNaN(run.maxRssBytes) ? '—' : mb(run.maxRssBytes),
    run.failed ? 'no' : run.wallMs < SCALE_TARGETS.deriveMs ? 'yes' : 'no',
    run.failed ? 'no' : run.maxRssBytes < SCALE_TARGETS.deriveRssBytes ? 'yes' : 'no',
  ]);
}
console.log(table(['documents', 'derive', 'peak RSS', '< 10 min', '< 4 GB'], rows));
