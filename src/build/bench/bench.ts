/**
 * `npm run bench`: the app against two baselines measured in the same run, on this machine, in Debian's Chromium.
 * Usage: tsx src/build/bench/bench.ts [--runs 7] [--taps 20] [--cycles 2000] [--quick] [--no-lighthouse] [--out test-results/bench.json]
 * Prints tables and writes every figure as JSON. Exits 0 whether or not a target is met: the verdicts are in the output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startKioskServer } from '../kiosk-server.ts';
import { launchChromium } from '../chromium.ts';
import { buildApp, buildBaselines, withData } from './sites.ts';
import { measureFirstIdle, measureTapToPassage, median, soak, VIEWPORT, type FirstIdleRun, type Target } from './page-metrics.ts';
import { auditWithLighthouse, type LighthouseScores } from './lighthouse.ts';
import { benchDerivation } from './derive-bench.ts';
import { kb, mb, ms, table, verdictTable, type Verdict } from './report.ts';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    taps: { type: 'string' },
    cycles: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    out: { type: 'string', default: 'test-results/bench.json' },
  },
});
const quick = values.quick;
const runs = Number(values.runs ?? (quick ? 3 : 7));
const taps = Number(values.taps ?? (quick ? 6 : 20));
const cycles = Number(values.cycles ?? (quick ? 40 : 2000));
const warmupCycles = quick ? 5 : 20;
const sampleEvery = Math.max(1, Math.round(cycles / 20));

const work = '.tmp/bench';
const log = (message: string) => console.error(`bench: ${message}`);

// 1. Derivation first: its 1,000-document output is what the map is then measured on.
log('deriving the corpus at 1×, 100 and 1,000 documents …');
const derivation = benchDerivation({ workDir: join(work, 'derive'), log: (line) => log(`  ${line}`) });
const largest = derivation.cases[derivation.cases.length - 1]!;

// 2. The sites: the app (production build), the baselines with the same data, the app on the 1,000-document data.
log('building the app and the baseline pages …');
await buildApp(join(work, 'app'));
await buildBaselines(join(work, 'baselines'), join(work, 'app', 'data'));
withData(join(work, 'app'), derivation.largestOutDir, join(work, 'app-large'));

const [app, baselines, appLarge] = await Promise.all([join(work, 'app'), join(work, 'baselines'), join(work, 'app-large')].map((dir) => startKioskServer(dir)));
const pages = {
  app: { label: 'Archive Atlas', url: app!.url },
  maplibre: { label: 'bare MapLibre page', url: new URL('maplibre.html', baselines!.url).href },
  leaflet: { label: 'Leaflet page', url: new URL('leaflet.html', baselines!.url).href },
};
const browser = await launchChromium();
const chromiumVersion = browser.version();

const labels = JSON.parse(readFileSync(join(work, 'app', 'data', 'labels.geojson'), 'utf8')) as FeatureCollection<Point, { id: string; name: string }>;
const target = (id: string): Target => {
  const feature = labels.features.find((f) => f.properties.id === id);
  if (!feature) throw new Error(`bench: no place "${id}" in the derived labels`);
  return { name: feature.properties.name, lngLat: feature.geometry.coordinates as [number, number] };
};

try {
  // 3. First idle, interleaved so that a busy moment of the machine falls on every page alike. One warm-up round first.
  log(`first idle: ${runs} runs of each page …`);
  for (const page of Object.values(pages)) await measureFirstIdle(browser, page.url);
  const firstIdle: Record<keyof typeof pages, FirstIdleRun[]> = { app: [], maplibre: [], leaflet: [] };
  for (let run = 0; run < runs; run++) for (const [key, page] of Object.entries(pages)) firstIdle[key as keyof typeof pages].push(await measureFirstIdle(browser, page.url));
  const largeRuns: FirstIdleRun[] = [];
  for (let run = 0; run < Math.max(3, Math.ceil(runs / 2)); run++) largeRuns.push(await measureFirstIdle(browser, appLarge!.url));

  // 4. Tap → passage.
  log(`tap → passage: ${taps} taps …`);
  const tapLatencies = await measureTapToPassage(browser, pages.app.url, [target('paris'), target('prague')], taps);

  // 5. The soak.
  log(`soak: ${cycles} visitor cycles (after ${warmupCycles} to warm up) …`);
  const soakResult = await soak(browser, pages.app.url, target('havana'), {
    cycles,
    warmupCycles,
    sampleEvery,
    onProgress: (cycle) => log(`  soak ${cycle}/${cycles}`),
  });

  // 6. Lighthouse.
  let lighthouse: LighthouseScores | null = null;
  if (!values['no-lighthouse']) {
    log('Lighthouse …');
    lighthouse = await auditWithLighthouse(pages.app.url);
  }

  // The report.
  const stats = (list: number[]) => ({ median: median(list), min: Math.min(...list), max: Math.max(...list) });
  const idle = Object.fromEntries(Object.entries(firstIdle).map(([k, list]) => [k, stats(list.map((r) => r.firstIdleMs))])) as Record<keyof typeof pages, ReturnType<typeof stats>>;
  const largeIdle = stats(largeRuns.map((r) => r.firstIdleMs));
  const largeData = stats(largeRuns.map((r) => r.dataArrivedMs));
  const ratio = idle.app.median / idle.maplibre.median;
  const transfer = Object.fromEntries(Object.entries(firstIdle).map(([k, list]) => [k, list[0]!.transfer])) as Record<keyof typeof pages, FirstIdleRun['transfer']>;
  const tap = stats(tapLatencies);
  const tapP90 = [...tapLatencies].sort((a, b) => a - b)[Math.min(tapLatencies.length - 1, Math.floor(tapLatencies.length * 0.9))]!;
  const heapGrowth = soakResult.end.heapBytes / soakResult.plateauHeapBytes - 1;

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}, Chromium ${chromiumVersion} (SwiftShader WebGL, headless)`;
  const date = new Date().toISOString().slice(0, 10);
  const sections: string[] = [];
  sections.push(`Archive Atlas benchmark — ${date}\n${machine}\nviewport ${VIEWPORT.width}×${VIEWPORT.height}, reduced motion, fresh browser context (empty cache) per load, gzip from the project's static server on 127.0.0.1`);
  sections.push(
    `First idle (navigation → data drawn and the map still), ${runs} runs each, interleaved\n` +
      table(
        ['page', 'median', 'min', 'max', '× bare MapLibre'],
        [
          ...Object.entries(pages).map(([k, p]) => {
            const s = idle[k as keyof typeof pages];
            return [p.label, ms(s.median), ms(s.min), ms(s.max), (s.median / idle.maplibre.median).toFixed(2)];
          }),
          [`Archive Atlas, ${largest.counts.documents} documents`, ms(largeIdle.median), ms(largeIdle.min), ms(largeIdle.max), (largeIdle.median / idle.maplibre.median).toFixed(2)],
        ],
      ),
  );
  sections.push(
    'Bytes transferred (compressed, headers included), first load\n' +
      table(
        ['page', 'JS', 'of which not MapLibre', 'CSS', 'data', 'fonts', 'HTML', 'total', 'requests'],
        [
          ...Object.entries(pages).map(([k, p]) => {
            const t = transfer[k as keyof typeof pages];
            return [p.label, kb(t.byKind.js), kb(t.jsBeyondMapLibre), kb(t.byKind.css), kb(t.byKind.data), kb(t.byKind.fonts), kb(t.byKind.html), kb(t.total), String(t.requests)];
          }),
          (() => {
            const t = largeRuns[0]!.transfer;
            return [`Archive Atlas, ${largest.counts.documents} documents`, kb(t.byKind.js), kb(t.jsBeyondMapLibre), kb(t.byKind.css), kb(t.byKind.data), kb(t.byKind.fonts), kb(t.byKind.html), kb(t.total), String(t.requests)];
          })(),
        ],
      ),
  );
  sections.push(
    `Tap on a place → its passage on screen (touch, ${taps} taps alternating Paris and Prague)\n` +
      table(['median', 'p90', 'min', 'max'], [[ms(tap.median), ms(tapP90), ms(tap.min), ms(tap.max)]]),
  );
  sections.push(
    `Soak: ${cycles} visitor cycles (tap Havana, open the reader, step a journey, reset) after ${warmupCycles} to warm up, ${soakResult.seconds.toFixed(0)} s; after forced GC\n` +
      table(
        ['', 'start (warm)', `warm plateau (median, first quarter)`, `end (cycle ${cycles})`, 'change'],
        [
          ['JS heap', mb(soakResult.start.heapBytes), mb(soakResult.plateauHeapBytes), mb(soakResult.end.heapBytes), `${(heapGrowth * 100).toFixed(2)} % vs plateau`],
          ['DOM nodes', String(soakResult.start.domNodes), '', String(soakResult.end.domNodes), String(soakResult.end.domNodes - soakResult.start.domNodes)],
          ['event listeners', String(soakResult.start.listeners), '', String(soakResult.end.listeners), String(soakResult.end.listeners - soakResult.start.listeners)],
          ['WebGL contexts', String(soakResult.start.webglContexts), '', String(soakResult.end.webglContexts), String(soakResult.end.webglContexts - soakResult.start.webglContexts)],
        ],
      ),
  );
  sections.push(
    'Derivation (geodata/ → data/: load, validate, derive, exports, atomic write)\n' +
      table(
        ['corpus', 'documents', 'claims', 'places', 'legs', 'median', 'min', 'max', 'output', 'gzip'],
        derivation.cases.map((c) => [c.label, String(c.counts.documents), String(c.counts.claims), String(c.counts.places), String(c.counts.legs), ms(c.wallMs.median), ms(c.wallMs.min), ms(c.wallMs.max), mb(c.output.totalBytes), mb(c.output.gzipBytes)]),
      ),
  );
  sections.push(
    `The map on the ${largest.counts.documents}-document output: data arrived after ${ms(largeData.median)} (median), first idle ${ms(largeIdle.median)}; ` +
      `${ms(largeIdle.median - largeData.median)} from the last data byte to the first idle (parse, index, tiling in the worker, drawing).`,
  );
  if (lighthouse) {
    sections.push(
      'Lighthouse 12 (desktop settings) on the built app\n' +
        table(['accessibility', 'best practices'], [[String(lighthouse.accessibility), String(lighthouse.bestPractices)]]) +
        (lighthouse.failed.length ? `\nnot passed: ${lighthouse.failed.join('; ')}` : '\nevery weighted audit passed'),
    );
  }
  const derive1000 = derivation.cases.find((c) => c.counts.documents >= 1000);
  const verdicts: Verdict[] = [
    { target: 'first idle ≤ 1.10 × bare MapLibre', measured: `${ratio.toFixed(2)} ×`, met: ratio <= 1.1 },
    { target: "app's own JS < 50 KB compressed", measured: kb(transfer.app.jsBeyondMapLibre), met: transfer.app.jsBeyondMapLibre < 50 * 1024 },
    { target: 'heap at end within 3 % of warm plateau', measured: `${(heapGrowth * 100).toFixed(2)} %`, met: heapGrowth <= 0.03 },
    {
      target: 'DOM nodes, listeners, WebGL contexts unchanged',
      measured: `${soakResult.end.domNodes - soakResult.start.domNodes}, ${soakResult.end.listeners - soakResult.start.listeners}, ${soakResult.end.webglContexts - soakResult.start.webglContexts}`,
      met: soakResult.end.domNodes === soakResult.start.domNodes && soakResult.end.listeners === soakResult.start.listeners && soakResult.end.webglContexts === soakResult.start.webglContexts,
    },
    ...(derive1000 ? [{ target: `derive ${derive1000.counts.documents} documents < 5 s`, measured: ms(derive1000.wallMs.median), met: derive1000.wallMs.median < 5000 }] : []),
  ];
  sections.push('Targets\n' + verdictTable(verdicts));
  console.log(sections.join('\n\n'));

  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(
    values.out,
    JSON.stringify(
      { date, machine, options: { runs, taps, cycles, warmupCycles, sampleEvery }, firstIdle, largeRuns, idle, ratio, tapLatencies, soak: soakResult, derivation, lighthouse, verdicts },
      null,
      2,
    ),
  );
  log(`figures written to ${values.out}`);
} finally {
  await browser.close();
  await Promise.all([app, baselines, appLarge].map((s) => s!.close()));
}
