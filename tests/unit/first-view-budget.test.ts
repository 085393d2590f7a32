import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_VIEW_BUDGET_BYTES, firstViewChunks } from '../../src/build/first-view-bytes.ts';

// Over the production build (npm test builds first). Bytes are deterministic: a test, unlike a time.
const site = 'dist';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const firstView = () => {
  if (!existsSync(join(site, 'index.html'))) throw new Error('dist/ is missing: run "npm run build" first (npm test does)');
  return firstViewChunks(site);
};

describe('the first view’s own JavaScript (dist/)', () => {
  it(`stays under its budget, ${kb(FIRST_VIEW_BUDGET_BYTES)} gzipped (MapLibre's chunk not counted)`, () => {
    const chunks = firstView();
    const total = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
    const list = chunks.map((c) => `${c.file} ${kb(c.gzipBytes)}`).join(', ');
    expect(total, `the first view loads ${kb(total)} of its own JavaScript gzipped (${list}); make what it does not need a lazy chunk (src/ui/lazy.ts)`).toBeLessThan(FIRST_VIEW_BUDGET_BYTES);
  });

  // Each of these is a chunk of its own, loaded when asked for or when the page is idle, never by the first view.
  it.each([
    ['the figure export', 'save-figure'],
    ['the QR codes', 'take-home'],
    ['kiosk mode', 'KioskMode'],
    ["the kiosk settings' validator", 'validate-config'],
    ['the document reader', 'DocumentReader'],
    ['the passage panel', 'PassagePanel'],
    ['the journeys', 'JourneyStepper'],
    ['d3-zoom (the SVG map’s pan and zoom)', 'd3-zoom'],
  ])('%s is a lazy chunk', (_what, chunk) => {
    const files = readdirSync(join(site, 'assets')).filter((f) => f.startsWith(`${chunk}-`) && f.endsWith('.js'));
    expect(files, `no ${chunk}-*.js chunk in the build: something imports it statically`).toHaveLength(1);
    expect(firstView().map((c) => c.file)).not.toContain(`assets/${files[0]}`);
  });

  it('ships no ICU message parser: the messages are compiled at build time', () => {
    const code = firstView().map((c) => readFileSync(join(site, c.file), 'utf8')).join('\n');
    // An error name only the parser has (its no-parser entry, which the build uses, has none).
    expect(code).not.toContain('EXPECT_ARGUMENT_CLOSING_BRACE');
    // The messages are there, as data: an English one with an argument, compiled.
    expect(code.includes('"panel.legOf":[{type:0,value:`Route leg `},{type:1,value:`order`}'), 'panel.legOf, compiled').toBe(true);
  });

  it('brings the default language’s messages only: Spanish is a chunk of its own, fetched when the page shows Spanish', () => {
    const code = firstView().map((c) => readFileSync(join(site, c.file), 'utf8')).join('\n');
    // The Spanish name of a route leg, which no English message has.
    expect(code).not.toContain('Tramo de ruta');
    const spanish = readdirSync(join(site, 'assets')).filter((f) => f.endsWith('.js') && readFileSync(join(site, 'assets', f), 'utf8').includes('"role.route":`Tramo de ruta`'));
    expect(spanish, 'one chunk holds the Spanish messages').toHaveLength(1);
    expect(firstView().map((c) => c.file)).not.toContain(`assets/${spanish[0]}`);
    // The language button names the other language in itself before loading it.
    expect(code).toContain('Español');
  });
});
