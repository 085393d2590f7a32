/**
 * `npm run kiosk:report -- --html FILE`: one page for the people who run the exhibit, with small charts drawn by
 * Observable Plot: sessions per hour, how long sessions last, how far visitors go into each journey, the passages
 * opened most. Self-contained: Plot and d3 are written into the page (their files from node_modules, at the exact
 * versions package.json pins), with the figures as JSON; it fetches nothing, and its policy forbids fetching anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { KioskRecord } from '../lib/kiosk/visit-event.ts';
import { groupSessions, type SessionFigures } from '../lib/kiosk/sessions.ts';
import type { Names, VisitSummary } from './kiosk-report.ts';

const require = createRequire(import.meta.url);
/** The libraries as their UMD bundles: d3 first, which Plot's bundle expects as the global `d3`. */
const LIBRARIES: Array<[string, string]> = [
  ['d3', 'dist/d3.min.js'],
  ['@observablehq/plot', 'dist/plot.umd.min.js'],
];

/** A file of an installed package that its "exports" do not list (the UMD bundles): found from the package's folder. */
function packageFile(name: string, file: string): string {
  let dir = dirname(require.resolve(name));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (run npm ci): the HTML report writes its ${file} into the page`);
    dir = dirname(dir);
  }
  return join(dir, file);
}

/** The figures the charts draw, computed here so the page only draws. */
export interface ChartData {
  perHour: Array<{ hour: number; sessions: number }>;
  lengths: Array<{ minutes: number }>;
  funnels: Array<{ journey: string; steps: Array<{ step: string; sessions: number }> }>;
  passages: Array<{ name: string; opened: number }>;
}

export function chartData(records: readonly KioskRecord[], summary: VisitSummary, byDay: readonly SessionFigures[], names: Names, top = 15): ChartData {
  const { sessions } = groupSessions(records);
  const hours = sessions.map((s) => s.hour);
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  return {
    perHour: hours.length ? Array.from({ length: last - first + 1 }, (_, i) => ({ hour: first + i, sessions: hours.filter((h) => h === first + i).length })) : [],
    lengths: sessions.flatMap((s) => (s.lengthMs === null ? [] : [{ minutes: Math.round(s.lengthMs / 600) / 100 }])),
    funnels: byDay.at(-1)!.journeys.map((f) => ({
      journey: names.journey.get(f.id) ?? `(${f.id}: not in this build)`,
      steps: f.reached.map((sessions, step) => ({ step: `Step ${step + 1}`, sessions })),
    })),
    passages: summary.rows.filter((r) => r.kind === 'place' || r.kind === 'leg').slice(0, top).map((r) => ({ name: r.name, opened: r.opened })),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Script text safe inside <script>: no "</script" or "<!--" can end or confuse the element. */
const inlineScript = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

// Runs in the page: each chart from the embedded figures, or a line saying there is nothing yet.
const DRAW = `
const data = JSON.parse(document.getElementById('report-data').textContent);
const colour = '#1f5fa8';
// Counts: whole numbers only on the axis (a half session means nothing).
const whole = (d) => (Number.isInteger(d) ? String(d) : '');
function show(id, rows, chart) {
  const place = document.getElementById(id);
  if (!rows.length) {
    const none = document.createElement('p');
    none.className = 'none';
    none.textContent = 'Nothing logged yet.';
    place.append(none);
    return;
  }
  place.append(chart());
}
show('per-hour', data.perHour, () => Plot.plot({
  ariaLabel: 'Sessions started in each hour of the day', height: 220, marginBottom: 40,
  x: { label: 'hour of the day (kiosk time)', tickFormat: (h) => h + ':00' },
  y: { label: 'sessions', grid: true, tickFormat: whole },
  marks: [Plot.barY(data.perHour, { x: 'hour', y: 'sessions', fill: colour, tip: true }), Plot.ruleY([0])],
}));
show('lengths', data.lengths, () => Plot.plot({
  ariaLabel: 'How long sessions lasted', height: 220, marginBottom: 40,
  x: { label: 'session length (minutes, first touch to last)' },
  y: { label: 'sessions', grid: true, tickFormat: whole },
  marks: [Plot.rectY(data.lengths, Plot.binX({ y: 'count' }, { x: 'minutes', fill: colour, tip: true })), Plot.ruleY([0])],
}));
show('funnels', data.funnels, () => {
  const all = document.createElement('div');
  for (const f of data.funnels) {
    const figure = document.createElement('figure');
    figure.className = 'funnel';
    const caption = document.createElement('figcaption');
    caption.textContent = f.journey;
    figure.append(caption, Plot.plot({
      ariaLabel: 'Sessions that reached each step of ' + f.journey, height: 40 + 28 * f.steps.length, marginLeft: 70,
      x: { label: 'sessions', grid: true, tickFormat: whole },
      y: { label: null, domain: f.steps.map((s) => s.step) },
      marks: [Plot.barX(f.steps, { x: 'sessions', y: 'step', fill: colour, tip: true }), Plot.textX(f.steps, { x: 'sessions', y: 'step', text: 'sessions', dx: 10 }), Plot.ruleX([0])],
    }));
    all.append(figure);
  }
  return all;
});
show('passages', data.passages, () => Plot.plot({
  ariaLabel: 'The passages opened most', height: 40 + 24 * data.passages.length, marginLeft: 260,
  x: { label: 'times opened', grid: true, tickFormat: whole },
  y: { label: null },
  marks: [Plot.barX(data.passages, { x: 'opened', y: 'name', fill: colour, sort: { y: '-x' }, tip: true }), Plot.ruleX([0])],
}));
`;

const secondsText = (s: number | null) => (s === null ? '–' : s >= 60 ? `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s` : `${Math.round(s)} s`);

/** The whole page: a line of headline figures, a row a day, and the four charts. */
export function reportHtml(records: readonly KioskRecord[], summary: VisitSummary, byDay: readonly SessionFigures[], names: Names): string {
  const data = chartData(records, summary, byDay, names);
  const all = byDay.at(-1)!;
  const libraries = LIBRARIES.map(([name, file]) => `<script>${inlineScript(readFileSync(packageFile(name, file), 'utf8'))}</script>`).join('\n');
  const rows = byDay
    .map((f) => {
      const sessions = f.sessions === 0 && f.visitsOutsideSessions > 0 ? 'unknown' : String(f.sessions);
      const cells = [f.day === 'all' ? 'all days' : f.day, sessions, secondsText(f.medianSeconds), secondsText(f.p90Seconds), f.openedShare === null ? '–' : `${Math.round(f.openedShare * 100)} %`, String(f.tapsNothing)];
      return `<tr>${cells.map((c, i) => (i ? `<td>${escapeHtml(c)}</td>` : `<th scope="row">${escapeHtml(c)}</th>`)).join('')}</tr>`;
    })
    .join('\n');
  const period = summary.from ? `${summary.from.slice(0, 10)} to ${summary.to!.slice(0, 10)}` : 'no visits yet';
  // JSON in a script element: "<" escaped, so no text in it can close the element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Archive Atlas kiosk: a day in numbers (${escapeHtml(period)})</title>
<style>
  body { font: 16px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1c1c1c; }
  h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; }
  table { border-collapse: collapse; }
  th, td { padding: 0.2rem 0.8rem 0.2rem 0; text-align: right; }
  th:first-child { text-align: left; }
  .lede, .none, figcaption { color: #444; }
  figure.funnel { margin: 0 0 1rem; }
  figcaption { font-weight: 600; }
</style>
</head>
<body>
<h1>Archive Atlas kiosk, ${escapeHtml(period)}</h1>
<p class="lede" data-testid="headline">${all.sessions} sessions; median length ${escapeHtml(secondsText(all.medianSeconds))}, 90th percentile ${escapeHtml(secondsText(all.p90Seconds))}; ${all.openedShare === null ? '–' : `${Math.round(all.openedShare * 100)} %`} opened at least one passage. A session runs from a visitor's first touch to the idle reset; its length from the first touch to the last.</p>
<table data-testid="days">
<thead><tr><th scope="col">day</th><th scope="col">sessions</th><th scope="col">median</th><th scope="col">90th percentile</th><th scope="col">opened ≥1</th><th scope="col">taps on nothing</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Sessions per hour</h2>
<div id="per-hour" data-testid="chart-per-hour"></div>
<h2>How long sessions last</h2>
<div id="lengths" data-testid="chart-lengths"></div>
<h2>How far visitors go into each journey</h2>
<div id="funnels" data-testid="chart-funnels"></div>
<h2>Passages opened most (places and route legs)</h2>
<div id="passages" data-testid="chart-passages"></div>
<script type="application/json" id="report-data">${json}</script>
${libraries}
<script>${inlineScript(DRAW)}</script>
</body>
</html>
`;
}
