/**
 * One derivation alone in a process, for the benchmark's corpus-size rows (scale-bench.ts): its peak resident memory
 * is then the derivation's own. Prints one JSON line, { wallMs, maxRssBytes, counts }, on stdout.
 * Usage (by scale-bench.ts): node --import tsx derive-child.ts CORPUS OUT
 */
import { resolve } from 'node:path';
import { buildCorpus } from '../derive.ts';

const [corpus, out] = process.argv.slice(2);
if (!corpus || !out) throw new Error('derive-child.ts CORPUS OUT: both folders are needed');
const began = performance.now();
const atlas = buildCorpus(resolve(corpus), resolve(out));
const wallMs = performance.now() - began;
// resourceUsage().maxRSS is in kilobytes (getrusage's ru_maxrss on Linux).
console.log(JSON.stringify({ wallMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, counts: atlas.meta.counts }));
