/**
 * `npm run bench`: the app against two baselines measured in the same run, on this machine, in Debian's Chromium.
 * Usage: tsx src/build/bench/bench.ts [--only derive,idle,tap,soak,lighthouse,server,scale] [--runs 7] [--taps 20] [--cycles 2000]
 *        [--requests 20000] [--sizes 1000,10000,100000] [--quick] [--out test-results/bench.json]
 * Prints tables and writes every figure as JSON. Exits 0 whether or not a target is met: the verdicts are in the output.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStaticServer } from '../static-server.ts';
import { launchChromium } from '../chromium.ts';
import { buildApp, buildBaselines, withData } from './sites.ts';
import { measureFirstIdle, measureTapToPassage, median, soak, SOAK_VIEWPORT, VIEWPORT, type FirstIdleRun, type SoakResult, type Target } from './page-metrics.ts';
import { auditWithLighthouse, type LighthouseScores } from './lighthouse.ts';
import { benchDerivation, type DerivationBench } from './derive-bench.ts';
import { burstServer } from './server-burst.ts';
import { kb, mb, ms, table, verdictTable, type Verdict } from './report.ts';
import { RESULTS_FILE, writeLatestResults, type ResultBlock } from './results-file.ts';
import { benchScale, reportScale } from './scale-bench.ts';
import type { FeatureCollection, Point } from 'geojson';
import { DATA_DIR, DATA_FILES, PUBLISHED_FILES } from '../../lib/atlas/contract.ts';
import { readSiteData } from '../site-data.ts';

const SECTIONS = ['derive', 'idle', 'tap', 'soak', 'lighthouse', 'server', 'scale'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string' },
    taps: { type: 'string' },
    cycles: { type: 'string' },
    requests: { type: 'string' },
    sizes: { type: 'string', default: '1000,10000,100000' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'test-results/bench.json' },
  },
});
const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length) {
  console.error(`bench: unknown section ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const run = (section: Section) => only.includes(section);
const quick = values.quick;
const runs = Number(values.runs ?? (quick ? 3 : 7));
const taps = Number(values.taps ?? (quick ? 6 : 20));
const cycles = Number(values.cycles ?? (quick ? 40 : 2000));
const warmupCycles = quick ? 5 : 20;
// At least 5,000 even with --quick: the burst exists to show a long run of hostile requests changes nothing.
const burstRequests = Math.max(5000, Number(values.requests ?? 20_000));
const sampleEvery = Math.max(1, Math.round(cycles / 20));

const work = '.tmp/bench';
const log = (message: string) => console.error(`bench: ${message}`);
const stats = (list: number[]) => ({ median: median(list), min: Math.min(...list), max: Math.max(...list) });
const date = new Date().toISOString().slice(0, 10);
const sections: string[] = [];
const verdicts: Verdict[] = [];
const figures: Record<string, unknown> = { date, options: { only, runs, taps, cycles, warmupCycles, sampleEvery, burstRequests } };
/** Where each part's tables and targets begin in `sections` and `verdicts`: the results file keeps a block per part. */
const partStarts: Array<{ part: string; section: number; verdict: number }> = [];
const startPart = (part: string) => partStarts.push({ part, section: sections.length, verdict: verdicts.length });
/** Each part's block; `end` is where the parts' sections stop (the run's summary of every target follows them). */
function partBlocks(end: number): ResultBlock[] {
  return partStarts.map((start, i) => {
    const next = partStarts[i + 1];
    const own = verdicts.slice(start.verdict, next?.verdict);
    const text = sections.slice(start.section, next?.section ?? end).join('\n\n');
    return { part: start.part, text: own.length ? `${text}\n\nTargets\n${verdictTable(own)}` : text };
  });
}

// 1. Derivation first: its 1,000-document output is what the map is then measured on.
let derivation: DerivationBench | null = null;
if (run('derive')) {
  log('deriving the corpus at 1×, 100 and 1,000 documents …');
  derivation = benchDerivation({ workDir: join(work, 'derive'), log: (line) => log(`  ${line}`) });
}
const largeDataDir = derivation?.largestOutDir ?? join(work, 'derive', 'out-1000');

// 2. The sites: the app (production build), the baselines with the same data, the app on the 1,000-document data.
log('building the app and the baseline pages …');
await buildApp(join(work, 'app'));
await buildBaselines(join(work, 'baselines'), join(work, 'app', DATA_DIR));
const haveLarge = existsSync(join(largeDataDir, PUBLISHED_FILES.documents));
if (haveLarge) withData(join(work, 'app'), largeDataDir, join(work, 'app-large'));
const largeDocuments = haveLarge ? (JSON.parse(readFileSync(join(largeDataDir, PUBLISHED_FILES.documentIndex), 'utf8')) as unknown[]).length : 0;

const [app, baselines, appLarge] = await Promise.all(
  [join(work, 'app'), join(work, 'baselines'), ...(haveLarge ? [join(work, 'app-large')] : [])].map((dir) => startStaticServer(dir)),
);
const pages = {
  app: { label: 'Archive Atlas', url: app!.url },
  maplibre: { label: 'bare MapLibre page', url: new URL('maplibre.html', baselines!.url).href },
  leaflet: { label: 'Leaflet page', url: new URL('leaflet.html', baselines!.url).href },
};
/** The floor for tap → passage: a click that writes a heading, no map and no framework. */
const tapPage = { label: 'bare tap page (click → heading)', url: new URL('tap.html', baselines!.url).href };
type PageKey = keyof typeof pages;
const browser = await launchChromium();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}, Chromium ${browser.version()} (SwiftShader WebGL, headless)`;
figures.machine = machine;
sections.push(`Archive Atlas benchmark — ${date}\n${machine}\nreduced motion, a fresh browser context (empty cache) per load, gzip from the project's static server on 127.0.0.1`);

const labels = readSiteData<FeatureCollection<Point, { id: string; name: string }>>(join(work, 'app'), PUBLISHED_FILES.labels);
const target = (id: string): Target => {
  const feature = labels.features.find((f) => f.properties.id === id);
  if (!feature) throw new Error(`bench: no place "${id}" in the derived labels`);
  return { name: feature.properties.name, lngLat: feature.geometry.coordinates as [number, number] };
};

try {
  if (run('idle')) {
    startPart('idle');
    // First idle, interleaved so that a busy moment of the machine falls on every page alike; one warm-up round first.
    log(`first idle: ${runs} runs of each page …`);
    for (const page of Object.values(pages)) await measureFirstIdle(browser, page.url);
    const firstIdle: Record<PageKey, FirstIdleRun[]> = { app: [], maplibre: [], leaflet: [] };
    for (let i = 0; i < runs; i++) for (const [key, page] of Object.entries(pages)) firstIdle[key as PageKey].push(await measureFirstIdle(browser, page.url));
    const largeRuns: FirstIdleRun[] = [];
    if (appLarge) for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) largeRuns.push(await measureFirstIdle(browser, appLarge.url));

    const idle = Object.fromEntries(Object.entries(firstIdle).map(([k, list]) => [k, stats(list.map((r) => r.firstIdleMs))])) as Record<PageKey, ReturnType<typeof stats>>;
    const ratio = idle.app.median / idle.maplibre.median;
    const transfer = Object.fromEntries(Object.entries(firstIdle).map(([k, list]) => [k, list[0]!.transfer])) as Record<PageKey, FirstIdleRun['transfer']>;
    const largeLabel = `Archive Atlas, ${largeDocuments} documents`;
    const idleRow = (label: string, s: ReturnType<typeof stats>) => [label, ms(s.median), ms(s.min), ms(s.max), (s.median / idle.maplibre.median).toFixed(2)];
    const bytesRow = (label: string, t: FirstIdleRun['transfer']) => [label, kb(t.byKind.js), kb(t.jsBeyondMapLibre), kb(t.byKind.css), kb(t.byKind.data), kb(t.byKind.fonts), kb(t.byKind.html), kb(t.total), String(t.requests)];
    const largeIdle = largeRuns.length ? stats(largeRuns.map((r) => r.firstIdleMs)) : null;
    sections.push(
      `First idle (navigation → data drawn and the map still), ${VIEWPORT.width}×${VIEWPORT.height}, ${runs} runs each, interleaved\n` +
        table(['page', 'median', 'min', 'max', '× bare MapLibre'], [
          ...Object.entries(pages).map(([k, p]) => idleRow(p.label, idle[k as PageKey])),
          ...(largeIdle ? [idleRow(largeLabel, largeIdle)] : []),
        ]),
    );
    sections.push(
      'Bytes transferred (compressed, headers included), first load\n' +
        table(['page', 'JS', 'of which not MapLibre', 'CSS', 'data', 'fonts', 'HTML', 'total', 'requests'], [
          ...Object.entries(pages).map(([k, p]) => bytesRow(p.label, transfer[k as PageKey])),
          ...(largeRuns[0] ? [bytesRow(largeLabel, largeRuns[0].transfer)] : []),
        ]),
    );
    // The first paint (issue 13): the app's SVG map against the baselines' only map, all from the same runs.
    const firstMap = Object.fromEntries(Object.entries(firstIdle).map(([k, list]) => [k, stats(list.map((r) => r.firstMapMs))])) as Record<PageKey, ReturnType<typeof stats>>;
    const firstMapRatio = firstMap.app.median / idle.leaflet.median;
    sections.push(
      'First map on screen, same runs (a map in the HTML itself, shown before any script ran: its first contentful paint; else the app\'s SVG map, before MapLibre takes over; the baselines: their first idle)\n' +
        table(['page', 'median', 'min', 'max', '× Leaflet first idle', 'map in the HTML'], Object.entries(pages).map(([k, p]) => {
          const s = firstMap[k as PageKey];
          const inHtml = firstIdle[k as PageKey].filter((r) => r.mapInHtml).length;
          return [p.label, ms(s.median), ms(s.min), ms(s.max), (s.median / idle.leaflet.median).toFixed(2), `${inHtml} of ${firstIdle[k as PageKey].length} runs`];
        })),
    );
    // Where the time goes: network, then parsing (the app's own mark), then MapLibre (worker tiling, drawing).
    const phaseRow = (label: string, list: FirstIdleRun[]) => {
      const arrived = median(list.map((r) => r.dataArrivedMs));
      const parsed = median(list.map((r) => r.dataParsedMs ?? Number.NaN));
      const idleAt = median(list.map((r) => r.firstIdleMs));
      return [label, ms(arrived), ms(parsed - arrived), ms(idleAt - parsed), ms(idleAt)];
    };
    sections.push(
      'Where first idle goes in the app (medians; "+ parsed" includes waiting for the main thread, busy starting MapLibre)\n' +
        table(['data', 'last data byte', '+ parsed', '+ map drawn and still', '= first idle'], [
          phaseRow('bundled corpus', firstIdle.app),
          ...(largeRuns.length ? [phaseRow(`${largeDocuments} documents`, largeRuns)] : []),
        ]),
    );
    // Issue 27's targets, from this one run.
    verdicts.push(
      { target: "app's own JS on the first view < 50 KB gz (all but MapLibre, to first idle)", measured: kb(transfer.app.jsBeyondMapLibre), met: transfer.app.jsBeyondMapLibre < 50 * 1024 },
      { target: "app's first map on screen ≤ 0.5 × Leaflet first idle", measured: `${firstMapRatio.toFixed(2)} ×`, met: firstMapRatio <= 0.5 },
      { target: "app's first map on screen ≤ 1.0 × Leaflet first idle (minimum)", measured: `${firstMapRatio.toFixed(2)} ×`, met: firstMapRatio <= 1 },
      { target: 'first idle ≤ 0.7 × bare MapLibre', measured: `${ratio.toFixed(2)} ×`, met: ratio <= 0.7 },
    );
    Object.assign(figures, { firstIdle, largeRuns, idle, largeIdle, ratio, transfer, firstMap, firstMapRatio });
  }

  if (run('tap')) {
    startPart('tap');
    log(`tap → passage: ${taps} taps, then as many on the bare tap page …`);
    const targets = [target('paris'), target('prague')];
    const latencies = await measureTapToPassage(browser, pages.app.url, targets, taps);
    const bareLatencies = await measureTapToPassage(browser, tapPage.url, targets, taps, 'button');
    const p90Of = (list: number[]) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(list.length * 0.9))]!;
    const tap = { ...stats(latencies), p90: p90Of(latencies) };
    const bare = { ...stats(bareLatencies), p90: p90Of(bareLatencies) };
    const tapRow = (label: string, s: typeof tap) => [label, ms(s.median), ms(s.p90), ms(s.min), ms(s.max), (s.median / bare.median).toFixed(2)];
    sections.push(
      `Tap → passage on screen (touch, ${VIEWPORT.width}×${VIEWPORT.height}, ${taps} taps each alternating Paris and Prague, each once the map's last frame is on screen; pointer down → the first frame after the heading shows the name)\n` +
        table(['page', 'median', 'p90', 'min', 'max', '× bare tap page'], [tapRow(`${pages.app.label} (tap on the map)`, tap), tapRow(tapPage.label, bare)]),
    );
    verdicts.push(
      { target: 'tap → passage median ≤ 50 ms', measured: ms(tap.median), met: tap.median <= 50 },
      { target: 'tap → passage p90 ≤ 80 ms', measured: ms(tap.p90), met: tap.p90 <= 80 },
    );
    Object.assign(figures, { tapLatencies: latencies, bareTapLatencies: bareLatencies, tap, bareTap: bare });
  }

  if (run('soak')) {
    startPart('soak');
    log(`soak: ${cycles} visitor cycles (after ${warmupCycles} to warm up) …`);
    const result: SoakResult = await soak(browser, pages.app.url, target('havana'), { cycles, warmupCycles, sampleEvery, onProgress: (cycle) => log(`  soak ${cycle}/${cycles}`) });
    const { start, end } = result;
    const heapGrowth = end.heapBytes / result.plateauHeapBytes - 1;
    const change = (a: number, b: number) => (b - a > 0 ? `+${b - a}` : String(b - a));
    sections.push(
      `Soak: ${cycles} visitor cycles (tap Havana, open the reader, step a journey, reset) after ${warmupCycles} to warm up, ${SOAK_VIEWPORT.width}×${SOAK_VIEWPORT.height}, ${(result.seconds / 60).toFixed(0)} min; counted after a forced GC\n` +
        table(['', 'start (warm)', 'warm plateau', `end (cycle ${cycles})`, 'change'], [
          ['JS heap', mb(start.heapBytes), mb(result.plateauHeapBytes), mb(end.heapBytes), `${(heapGrowth * 100).toFixed(2)} % of plateau`],
          ['DOM nodes', String(start.domNodes), '', String(end.domNodes), change(start.domNodes, end.domNodes)],
          ['event listeners', String(start.listeners), '', String(end.listeners), change(start.listeners, end.listeners)],
          ['WebGL contexts', String(start.webglContexts), '', String(end.webglContexts), change(start.webglContexts, end.webglContexts)],
        ]) +
        '\n(warm plateau: median heap of the samples in the first quarter of the soak)',
    );
    verdicts.push(
      { target: 'heap at end within 3 % of warm plateau', measured: `${(heapGrowth * 100).toFixed(2)} %`, met: heapGrowth <= 0.03 },
      {
        target: 'DOM nodes, listeners, WebGL contexts unchanged',
        measured: [change(start.domNodes, end.domNodes), change(start.listeners, end.listeners), change(start.webglContexts, end.webglContexts)].join(', '),
        met: end.domNodes === start.domNodes && end.listeners === start.listeners && end.webglContexts === start.webglContexts,
      },
    );
    figures.soak = result;
  }

  if (derivation) {
    startPart('derive');
    sections.push(
      'Derivation (geodata/ → data/: read, load and validate, derive, exports, atomic write)\n' +
        table(
          ['corpus', 'documents', 'claims', 'places', 'legs', 'median', 'min', 'max', 'output', 'gzip'],
          derivation.cases.map((c) => [c.label, String(c.counts.documents), String(c.counts.claims), String(c.counts.places), String(c.counts.legs), ms(c.wallMs.median), ms(c.wallMs.min), ms(c.wallMs.max), mb(c.output.totalBytes), mb(c.output.gzipBytes)]),
        ),
    );
    const large = derivation.cases.find((c) => c.counts.documents >= 1000);
    if (large) {
      const p = large.phasesMs;
      sections[sections.length - 1] += `\n${large.label}, phase by phase: read ${ms(p.read)}, load ${ms(p.load)}, derive ${ms(p.derive)}, serialize ${ms(p.serialize)}, write ${ms(p.write)}`;
      verdicts.push({ target: `derive ${large.counts.documents} documents < 5 s`, measured: ms(large.wallMs.median), met: large.wallMs.median < 5000 });
    }
    figures.derivation = derivation;
  }

  if (run('lighthouse')) {
    startPart('lighthouse');
    log('Lighthouse, desktop then phone …');
    const desktop: LighthouseScores = await auditWithLighthouse(pages.app.url, 'desktop');
    const phone: LighthouseScores = await auditWithLighthouse(pages.app.url, 'phone');
    const notPassed = (label: string, scores: LighthouseScores) =>
      scores.failed.length ? `\n${label}, not passed: ${scores.failed.join('; ')}` : `\n${label}: every weighted audit passed`;
    sections.push(
      "Lighthouse 12 on the built app (desktop settings; phone: Lighthouse's default mobile emulation)\n" +
        table(['settings', 'accessibility', 'best practices'], [
          ['desktop', String(desktop.accessibility), String(desktop.bestPractices)],
          ['phone', String(phone.accessibility), String(phone.bestPractices)],
        ]) +
        notPassed('desktop', desktop) +
        notPassed('phone', phone),
    );
    verdicts.push(
      { target: 'Lighthouse accessibility 100, desktop', measured: String(desktop.accessibility), met: desktop.accessibility === 100 },
      { target: 'Lighthouse accessibility 100, phone', measured: String(phone.accessibility), met: phone.accessibility === 100 },
    );
    figures.lighthouse = { desktop, phone };
  }

  if (run('server')) {
    startPart('server');
    log(`server burst: ${burstRequests} requests …`);
    const burst = await burstServer({ site: join(work, 'app'), requests: burstRequests, rounds: 10, concurrency: 32, log });
    const answers = (tally: Record<string, number>) =>
      Object.entries(tally)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([outcome, count]) => `${outcome} × ${count}`)
        .join(', ');
    const hostile = Object.entries(burst.kinds).filter(([kind]) => !kind.startsWith('site files')).reduce((sum, [, k]) => sum + k.count, 0);
    sections.push(
      `Server burst: ${burst.requests} requests (${hostile} of them 404s, malformed, other methods, foreign Hosts or cut off), 32 at a time, at the kiosk's server (its own process) on 127.0.0.1, ${burst.seconds.toFixed(1)} s\n` +
        table(['requests', 'count', 'answers'], Object.entries(burst.kinds).map(([kind, k]) => [kind, String(k.count), answers(k.answers)])) +
        "\n\nThe server process's memory, after a forced GC\n" +
        table(['after', 'requests', 'RSS', 'JS heap', 'external'], burst.samples.map((s) => [s.after, String(s.requests), mb(s.rss), mb(s.heapUsed), mb(s.external)])) +
        `\nheap: ${mb(burst.plateauHeap)} warm (median of rounds 2–4), ${mb(burst.endHeap)} at the end (median of the last 3), ${burst.heapBytesPerRequest.toFixed(1)} bytes per request in between` +
        `\nstill serving after the burst (GET / and ${DATA_FILES.journeys} answered 200, process alive): ${burst.stillServing ? 'yes' : 'NO'}`,
    );
    verdicts.push(
      { target: 'server up after the burst', measured: burst.stillServing ? 'answers' : 'down', met: burst.stillServing },
      { target: 'server heap growth after warm-up < 100 B per request', measured: `${burst.heapBytesPerRequest.toFixed(1)} B`, met: burst.heapBytesPerRequest < 100 },
    );
    figures.serverBurst = burst;
  }

  if (run('scale')) {
    startPart('scale');
    // Held against the bundled corpus in this run: the bare MapLibre page's first idle and the app's first-view bytes.
    const sizes = values.sizes.split(',').map(Number);
    log(`corpus sizes ${sizes.join(', ')}: the bundled corpus first, for the ratios …`);
    const baseRuns = Math.max(3, Math.ceil(runs / 2));
    const mapLibreIdle: number[] = [];
    for (let i = 0; i < baseRuns; i++) mapLibreIdle.push((await measureFirstIdle(browser, pages.maplibre.url)).firstIdleMs);
    const appBytes = (await measureFirstIdle(browser, pages.app.url)).transfer.total;
    const rows = await benchScale({ browser, appDir: join(work, 'app'), sizes, workDir: join(work, 'scale'), targets: [target('paris'), target('prague')], runs: baseRuns, log });
    const scale = reportScale(rows, { mapLibreFirstIdleMs: median(mapLibreIdle), appBytes });
    sections.push(scale.text);
    verdicts.push(...scale.verdicts);
    figures.scale = { rows, mapLibreIdle, appBytes };
  }

  const blocks = partBlocks(sections.length);
  if (verdicts.length) sections.push('Targets\n' + verdictTable(verdicts));
  figures.verdicts = verdicts;
  console.log(sections.join('\n\n'));
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, JSON.stringify(figures, null, 2));
  log(`figures written to ${values.out}`);
  writeLatestResults(blocks, { date, machine, options: process.argv.slice(2).join(' ') }, SECTIONS);
  log(`latest tables written to ${RESULTS_FILE} (the parts run: ${partStarts.map((p) => p.part).join(', ')})`);
} finally {
  await browser.close();
  await Promise.all([app, baselines, appLarge].map((server) => server?.close()));
}
