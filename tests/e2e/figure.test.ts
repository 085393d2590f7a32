import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { LAYERS } from '../../src/lib/map/ids.ts';
import { axeViolations, expectCleanRun, openAtlas, renderedIds, useBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const withWebgl = useBrowser();
const withoutWebgl = useBrowser(['--disable-webgl', '--disable-webgl2']);

const PLACE_LAYERS = [LAYERS.points, LAYERS.areaFill, LAYERS.countryFill];
const LEG_LAYERS = [LAYERS.legs, LAYERS.legsFromContext];
const OUT = 'test-results/figure';

/**
 * Clicks "Save this view", then one format, and returns every file it downloads: one per A4 page (the first page's
 * SVG says how many there are), or `count` when given.
 */
async function saveAllAs(page: Page, format: RegExp, count?: number): Promise<Array<{ name: string; bytes: Buffer }>> {
  // Open the formats, unless the test has already opened them (to choose the framing).
  const toggle = page.getByRole('button', { name: 'Save this view' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const downloads: Download[] = [];
  const onDownload = (d: Download) => downloads.push(d);
  page.on('download', onDownload);
  try {
    await page.getByRole('button', { name: format }).click();
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const files = async () => Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), bytes: readFileSync(await d.path()) })));
    const pages = count ?? Number(/data-pages="(\d+)"/.exec((await files())[0]!.bytes.toString('utf8'))?.[1] ?? 1); // every page says how many
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(pages);
    // In page order: the browser may report two downloads started together in either order (a CI run had page 2 first).
    const pageOf = (name: string) => Number(/-page-(\d+)\.[a-z]+$/.exec(name)?.[1] ?? 1);
    return (await files()).sort((a, b) => pageOf(a.name) - pageOf(b.name));
  } finally {
    page.off('download', onDownload);
  }
}

interface ParsedFigure {
  parseError: string | null;
  places: string[];
  legs: string[];
  /** Each footnote's lines joined as the figure wrapped them (a space between, none after a cut word). */
  footnotes: string[];
  text: string;
  deepLink: string;
  version: string | null;
  external: string[];
  fontSizes: number[];
  viewBoxWidth: number;
  widthMm: number;
  heightMm: number;
}

/** The downloaded SVG, read by the browser's own XML parser. */
function parseFigure(page: Page, svg: string): Promise<ParsedFigure> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const ids = (kind: string) => [...new Set([...doc.querySelectorAll(`[data-feature-kind="${kind}"]`)].map((n) => n.getAttribute('data-feature-id')!))].sort();
    const joined = (text: Element) =>
      [...text.querySelectorAll('tspan.line')].reduce((all, line, i, lines) => all + (i > 0 && lines[i - 1]!.getAttribute('data-joined') !== 'true' ? ' ' : '') + line.textContent, '');
    const external = [...doc.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => /href|src/i.test(a.name) || /url\((?!#)/.test(a.value)).map((a) => `${n.tagName} ${a.name}=${a.value}`));
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      places: ids('place'),
      legs: ids('leg'),
      footnotes: [...doc.querySelectorAll('text.footnote')].map(joined),
      text: root.textContent ?? '',
      deepLink: joined(doc.querySelector('text.deep-link')!),
      version: root.getAttribute('data-atlas-version'),
      external: external.concat(doc.querySelectorAll('style, script, image, foreignObject').length ? ['a style, script, image or foreignObject element'] : []),
      fontSizes: [...doc.querySelectorAll('text:not(.map text)')].map((t) => Number(t.getAttribute('font-size'))),
      viewBoxWidth: Number(root.getAttribute('viewBox')!.split(' ')[2]),
      widthMm: parseFloat(root.getAttribute('width')!),
      heightMm: parseFloat(root.getAttribute('height')!),
    };
  }, svg);
}

/** A PNG's size from its header (IHDR: width and height, big-endian, at bytes 16 and 20). */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

/** Ids drawn on screen now: MapLibre's own query on the atlas's drawn layers, or the SVG map's shown features in its frame. */
async function onScreen(page: Page): Promise<{ places: string[]; legs: string[] }> {
  const renderer = await page.evaluate(() => (window as unknown as { atlas: { renderer: string } }).atlas.renderer);
  if (renderer === 'maplibre') return { places: await renderedIds(page, PLACE_LAYERS), legs: await renderedIds(page, LEG_LAYERS) };
  return page.evaluate(() => {
    const svg = document.querySelector('svg.atlas-svg')!;
    const frame = svg.getBoundingClientRect();
    const shown = (n: Element) =>
      getComputedStyle(n).display !== 'none' &&
      [...n.children].some((c) => {
        const r = c.getBoundingClientRect();
        return !c.classList.contains('hit') && r.right >= frame.left && r.left <= frame.right && r.bottom >= frame.top && r.top <= frame.bottom;
      });
    const ids = (kind: string) => [...svg.querySelectorAll(`[data-feature-kind="${kind}"]`)].filter(shown).map((n) => n.getAttribute('data-feature-id')!).sort();
    return { places: ids('place'), legs: ids('leg') };
  });
}

/** What the side panel shows as each quote's archival citation, and the quoted (marked) words. */
async function panelQuotes(page: Page, panel: string) {
  // The panel sets the quote on its own line; the figure's footnote runs it into one line.
  const citations = (await page.getByTestId(panel).locator('.cite-text').allTextContents()).map((c) => c.replace('\n', ' '));
  const marks = (await page.getByTestId(panel).locator('mark').allTextContents()).map((m) => m.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return { citations, marks };
}

async function checkFigure(browser: Browser, hash: string, panel: string, name: string) {
  const atlas = await openAtlas(browser, baseURL, { acceptDownloads: true }, hash);
  const { page } = atlas;
  const visible = await onScreen(page);
  const quotes = await panelQuotes(page, panel);
  expect(visible.places.length + visible.legs.length, 'features on screen').toBeGreaterThan(0);
  expect(quotes.citations.length, 'quotes in the panel').toBeGreaterThan(0);

  const svgFiles = await saveAllAs(page, /^SVG/);
  const svgFile = svgFiles[0]!;
  expect(svgFile.name).toMatch(/^archive-atlas-[a-z0-9-]+\.svg$/);
  expect(svgFiles.slice(1).map((f) => f.name)).toEqual(svgFiles.slice(1).map((_, i) => svgFile.name.replace(/\.svg$/, `-page-${i + 2}.svg`)));
  // The first page with the quotes carried onto the next ones: what the reader of the printed figure has.
  const svg = svgFile.bytes.toString('utf8');
  const continued = svgFiles.slice(1).map((f) => f.bytes.toString('utf8'));
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/${name}.svg`, svg);
  const figure = await parseFigure(page, svg);
  expect(figure.parseError).toBeNull();
  // Every feature on screen is in the file, by the ids the map uses.
  expect(figure.places).toEqual(expect.arrayContaining(visible.places));
  expect(figure.legs).toEqual(expect.arrayContaining(visible.legs));
  // Every quote the panel shows, in its order, verbatim with its citation; no tag printed as text.
  const laterFootnotes = (await Promise.all(continued.map((page2) => parseFigure(page, page2)))).flatMap((f) => f.footnotes);
  expect([...figure.footnotes, ...laterFootnotes]).toEqual(quotes.citations);
  for (const mark of quotes.marks) expect([...figure.footnotes, ...laterFootnotes].join(' ')).toContain(mark);
  expect(figure.text).not.toMatch(/<\/?sup>/i);
  expect(figure.deepLink).toBe(`This view: ${page.url()}`);
  expect(figure.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(figure.text).toContain(`Archive Atlas ${figure.version}`);
  expect(figure.external).toEqual([]);
  // Exactly A4 (quotes that do not fit go on further pages), nothing under 8 pt there (the viewBox is in points).
  expect(figure.widthMm).toBe(210);
  expect(figure.heightMm).toBe(297);
  expect(figure.viewBoxWidth).toBeCloseTo(595.28, 1);
  expect(Math.min(...figure.fontSizes)).toBeGreaterThanOrEqual(8);

  // The PNGs: 2× and 4× the figure's size in CSS px (96 per inch).
  const px = { width: Math.round((figure.widthMm / 25.4) * 96), height: Math.round((figure.heightMm / 25.4) * 96) };
  for (const scale of [2, 4]) {
    // One PNG a page, as for the SVG: wait for them all, so none arrives in the next save's place.
    const png = (await saveAllAs(page, new RegExp(`^PNG, ${scale}×`), svgFiles.length))[0]!;
    expect(png.name).toMatch(new RegExp(`-${scale}x\\.png$`));
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pngSize(png.bytes)).toEqual({ width: px.width * scale, height: px.height * scale });
    if (scale === 2) writeFileSync(`${OUT}/${name}-2x.png`, png.bytes);
  }
  await page.getByRole('button', { name: 'Save this view' }).click();
  await expect.poll(() => page.getByRole('list', { name: 'Save this view as' }).isVisible()).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
  await expectCleanRun(atlas);
  return figure;
}

describe('Save this view', () => {
  it('saves Havana: every feature on the MapLibre map and every quote of its panel are in the SVG; PNGs at 2× and 4×', async () => {
    const figure = await checkFigure(withWebgl(), '#place=havana', 'passage-panel', 'havana');
    expect(figure.places).toContain('havana');
    expect(figure.text).toContain('Havana');
  });

  it('saves a journey step: its legs, places and quotes', async () => {
    const figure = await checkFigure(withWebgl(), '#journey=outbound-via-mexico:3', 'journey', 'journey-step');
    expect(figure.places).toEqual(expect.arrayContaining(['havana', 'cuba-rural-hills']));
    expect(figure.text).toContain('Step 3 of 3');
  });

  it('frames the subject when asked: the place with its connections, not the whole network on screen (issue 32)', async () => {
    // Mexico selected, the map zoomed out to the whole network: Paris and Prague are on screen.
    const atlas = await openAtlas(withWebgl(), baseURL, { acceptDownloads: true }, '#place=mexico&view=-30,20,1.2');
    const { page } = atlas;
    expect((await onScreen(page)).places).toEqual(expect.arrayContaining(['mexico', 'paris', 'prague']));
    await page.getByRole('button', { name: 'Save this view' }).click();
    await page.getByRole('radio', { name: 'Mexico with its connections' }).check();
    const figure = await parseFigure(page, (await saveAllAs(page, /^SVG/))[0]!.bytes.toString('utf8'));
    // Mexico, both ends of each of its legs and the legs themselves; Europe is out of the frame.
    expect(figure.places).toEqual(expect.arrayContaining(['mexico', 'cuba', 'peru']));
    expect(figure.legs).toEqual(expect.arrayContaining(['outbound-via-mexico-1', 'outbound-via-mexico-2', 'return-via-mexico-1']));
    expect(figure.places).not.toContain('paris');
    expect(figure.places).not.toContain('prague');
    // Its link opens Mexico framed the same way, not the zoomed-out camera.
    expect(figure.deepLink).toBe(`This view: ${new URL('#place=mexico', page.url()).href}`);
    await expectCleanRun(atlas);
  });

  it('saves Havana without WebGL, from the SVG map', async () => {
    const figure = await checkFigure(withoutWebgl(), '#place=havana', 'passage-panel', 'havana-no-webgl');
    expect(figure.places).toContain('havana');
  });
});
