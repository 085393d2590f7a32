/**
 * How derive's time grows with one document's length: the real corpus plus one long generated memo (distinct
 * paragraphs, its raw source the same paragraphs between web-page chrome), built with `buildCorpus` at each size.
 * Time per MB that stays flat as the size grows is linear work. A script, not a test: it prints figures.
 *
 * Usage: tsx src/build/bench/long-document-bench.ts [--sizes 1,2,4,8,16,32,50] [--runs 1]
 * Corpora and outputs go to .tmp/bench/long-document/ (gitignored), one size at a time.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from '../derive.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const WORDS = 'the courier went from havana to prague and met the contact again before the embassy sent word of a shipment by sea through mexico city with papers for the delegation'.split(' ');

/** Distinct paragraphs of about 500 bytes each, `bytes` in all; the same every run. */
export function longBody(bytes: number): string[] {
  let seed = 1;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words = [`Paragraph ${paragraphs.length + 1}:`];
    while (words.join(' ').length < 480) words.push(WORDS[next() % WORDS.length]!);
    const p = `${words.join(' ')}.`;
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs;
}

/** The real corpus with one more document of `megabytes` MB (and its raw source) in `dir`. */
export function writeLongCorpus(dir: string, megabytes: number): { paragraphs: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(REPO, 'geodata'), dir, { recursive: true });
  const paragraphs = longBody(megabytes * 1_000_000);
  const meta = readFileSync(join(REPO, 'geodata/documents/cia-1963-04-11.md'), 'utf8').split(/^---$/m)[1]!;
  const ownMeta = meta.replace(/^id: .*$/m, 'id: long-memo').replace(/^source: .*$/m, 'source: long-memo.txt');
  const body = paragraphs.join('\n\n');
  writeFileSync(join(dir, 'documents/long-memo.md'), `---${ownMeta}---\n${body}\n`);
  writeFileSync(join(dir, 'sources/long-memo.txt'), `Wilson Center Digital Archive\n\n${body}\n\nLeave a comment\n`);
  return { paragraphs: paragraphs.length, bytes: Buffer.byteLength(body) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1,2,4,8,16,32,50' }, runs: { type: 'string', default: '1' } } });
  const work = resolve(REPO, '.tmp/bench/long-document');
  const rows: string[] = [];
  console.log('one long document in the real corpus: buildCorpus (read, load and validate, derive, exports, atomic write)');
  console.log('| document | paragraphs | seconds | seconds per MB |');
  console.log('|----------|------------|---------|----------------|');
  for (const mb of values.sizes.split(',').map(Number)) {
    const corpus = join(work, 'corpus');
    const { paragraphs, bytes } = writeLongCorpus(corpus, mb);
    const times: number[] = [];
    for (let i = 0; i < Number(values.runs); i++) {
      const t0 = performance.now();
      buildCorpus(corpus, join(work, 'out'));
      times.push((performance.now() - t0) / 1000);
    }
    const best = Math.min(...times);
    const row = `| ${(bytes / 1e6).toFixed(1).padStart(5)} MB | ${String(paragraphs).padStart(10)} | ${best.toFixed(1).padStart(7)} | ${(best / (bytes / 1e6)).toFixed(2).padStart(14)} |`;
    rows.push(row);
    console.log(row);
  }
  rmSync(work, { recursive: true, force: true });
}
