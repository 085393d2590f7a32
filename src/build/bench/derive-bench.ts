/**
 * Benchmark of the build step (`buildCorpus`: read, load and validate, derive, exports, atomic
 * write) on the real corpus and on generated corpora of 100 and 1,000 documents.
 * Used by the bench runner; alone it prints a small table: tsx src/build/bench/derive-bench.ts
 *
 * Corpora and outputs go to .tmp/bench/derive/ (gitignored); the outputs of the largest corpus are
 * kept there for measuring the map with that data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { buildCorpus, serializeAtlas } from '../derive.ts';
import { readCorpusFiles, loadWorldAtlas } from '../corpus-files.ts';
import { writeFolderAtomically } from '../write-atomic.ts';
import { loadCorpus } from '../../lib/corpus/load.ts';
import { deriveAtlas } from '../../lib/corpus/derive.ts';
import { generateCorpus, DEFAULT_SEED } from './generate-corpus.ts';

export interface DerivationBenchOptions {
  /** Sizes (documents, the real ones included) of the generated corpora; default [100, 1000]. */
  sizes?: number[];
  /** Timed runs per corpus below 1,000 documents; default 5. */
  runs?: number;
  /** Timed runs per corpus of 1,000 documents or more; default 3. */
  largeRuns?: number;
  /** Seed of the generated corpora; default 1. */
  seed?: number;
  /** Folder for generated corpora and outputs, relative to the repository; default .tmp/bench/derive. */
  workDir?: string;
  /** One untimed build of the real corpus first (module loading, JIT); default true. */
  warmup?: boolean;
  /** Progress lines; default none. */
  log?: (line: string) => void;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Every run, in order. */
  runs: number[];
}

export interface OutputFile {
  name: string;
  bytes: number;
  /** node:zlib gzip at its default level (6). */
  gzipBytes: number;
}

export interface DerivationCase {
  /** "real (1×)", "100 documents", "1000 documents". */
  label: string;
  /** Folder read, relative to the repository ("geodata" for the real corpus). */
  corpusDir: string;
  /** Folder written, relative to the repository. */
  outDir: string;
  /** Wall-clock time of `buildCorpus(corpusDir, outDir)`, milliseconds. */
  wallMs: Spread;
  /** CPU time (user + system, all threads of the process, so GC included) of the same runs, milliseconds. */
  cpuMs: Spread;
  /** Where the time goes: one further run, phase by phase, milliseconds (wall clock). */
  phasesMs: { read: number; load: number; derive: number; serialize: number; write: number };
  output: { totalBytes: number; gzipBytes: number; files: OutputFile[] };
  counts: { documents: number; claims: number; places: number; legs: number; routes: number; journeys: number };
}

export interface DerivationBench {
  node: string;
  cpus: number;
  cpuModel: string;
  seed: number;
  cases: DerivationCase[];
  /** Output folder of the largest corpus, relative to the repository root: the data to load the map with. */
  largestOutDir: string;
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const rel = (path: string) => relative(REPO, path) || '.';

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!), runs: values.map(round) };
}

function outputSizes(dir: string): DerivationCase['output'] {
  // Every file, those in folders too (documents/ID.json, search/N.json), named by its path in the output.
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
    .map((name) => {
      const content = readFileSync(join(dir, name));
      return { name, bytes: statSync(join(dir, name)).size, gzipBytes: gzipSync(content).length };
    });
  return { totalBytes: files.reduce((n, f) => n + f.bytes, 0), gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0), files };
}

function phases(corpusDir: string, outDir: string): DerivationCase['phasesMs'] {
  const t = [performance.now()];
  const files = readCorpusFiles(corpusDir);
  const world = loadWorldAtlas();
  t.push(performance.now());
  const corpus = loadCorpus(files);
  t.push(performance.now());
  const atlas = deriveAtlas(corpus, world.places50m, world.basemap110m);
  t.push(performance.now());
  const serialized = serializeAtlas(atlas);
  t.push(performance.now());
  writeFolderAtomically(outDir, serialized);
  t.push(performance.now());
  const d = (i: number) => Math.round(t[i + 1]! - t[i]!);
  return { read: d(0), load: d(1), derive: d(2), serialize: d(3), write: d(4) };
}

function benchCase(label: string, corpusDir: string, outDir: string, runs: number, log: (line: string) => void): DerivationCase {
  const wall: number[] = [];
  const cpu: number[] = [];
  let counts: DerivationCase['counts'] | undefined;
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const atlas = buildCorpus(corpusDir, outDir);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(cpu0);
    cpu.push((c.user + c.system) / 1000);
    counts ??= {
      ...atlas.meta.counts,
      routes: new Set(atlas.legs.features.map((f) => f.properties.route)).size,
      journeys: atlas.journeys.length,
    };
    log(`derive-bench: ${label} run ${i + 1}/${runs}: ${Math.round(wall[i]!)} ms (cpu ${Math.round(cpu[i]!)} ms)`);
  }
  const phasesMs = phases(corpusDir, outDir);
  return { label, corpusDir: rel(corpusDir), outDir: rel(outDir), wallMs: spread(wall), cpuMs: spread(cpu), phasesMs, output: outputSizes(outDir), counts: counts! };
}

/** Times the build on the real corpus and on generated ones; see DerivationBench for what comes back. */
export function benchDerivation(options: DerivationBenchOptions = {}): DerivationBench {
  const { sizes = [100, 1000], runs = 5, largeRuns = 3, seed = DEFAULT_SEED, workDir = '.tmp/bench/derive', warmup = true, log = () => {} } = options;
  const work = resolve(REPO, workDir);
  const real = join(REPO, 'geodata');
  if (warmup) buildCorpus(real, join(work, 'out-warmup'));

  const cases = [benchCase('real (1×)', real, join(work, 'out-real'), runs, log)];
  for (const size of sizes) {
    const corpusDir = join(work, `corpus-${size}`);
    const summary = generateCorpus(corpusDir, size, seed);
    log(`derive-bench: generated ${summary.documents} documents, ${summary.claims} claims, ${summary.legs} legs in ${rel(corpusDir)}`);
    cases.push(benchCase(`${size} documents`, corpusDir, join(work, `out-${size}`), size >= 1000 ? largeRuns : runs, log));
  }
  const largest = cases.reduce((a, b) => (b.counts.documents > a.counts.documents ? b : a));
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    seed,
    cases,
    largestOutDir: largest.outDir,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 1024 * 100 ? 1 : 0)} KiB`;

/** The bench as a small text table. */
export function formatDerivationBench(bench: DerivationBench): string {
  const rows = [
    ['corpus', 'docs', 'claims', 'places', 'legs', 'median', 'min', 'max', 'cpu median', 'output', 'gzip'],
    ...bench.cases.map((c) => [
      c.label,
      String(c.counts.documents),
      String(c.counts.claims),
      String(c.counts.places),
      String(c.counts.legs),
      `${Math.round(c.wallMs.median)} ms`,
      `${Math.round(c.wallMs.min)} ms`,
      `${Math.round(c.wallMs.max)} ms`,
      `${Math.round(c.cpuMs.median)} ms`,
      kb(c.output.totalBytes),
      kb(c.output.gzipBytes),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  const phaseLines = bench.cases.map((c) => `  ${c.label}: ${Object.entries(c.phasesMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
  return [
    `derivation (buildCorpus: load, validate, derive, exports, atomic write) — node ${bench.node}, ${bench.cpus} × ${bench.cpuModel}`,
    line(rows[0]!),
    ...rows.slice(1).map(line),
    'phases (one further run):',
    ...phaseLines,
    `outputs of the largest corpus: ${bench.largestOutDir}/`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, 'large-runs': { type: 'string' }, sizes: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const bench = benchDerivation({
    ...(values.runs ? { runs: Number(values.runs) } : {}),
    ...(values['large-runs'] ? { largeRuns: Number(values['large-runs']) } : {}),
    ...(values.sizes ? { sizes: values.sizes.split(',').map(Number) } : {}),
    log: (line) => console.error(line),
  });
  console.log(values.json ? JSON.stringify(bench, null, 2) : formatDerivationBench(bench));
}
