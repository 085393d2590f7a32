import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FeatureCollection } from 'geojson';
import { expectCleanRun, loseAndRestoreContext, mapIdle, openAtlas, renderedIds, screenPoint, takeCspViolations, useBrowser, type AtlasPage } from './browser.ts';
import { buildCorpus } from '../../src/build/derive.ts';
import { metaContentSecurityPolicy } from '../../src/build/security-headers.ts';
import { createHostileCorpus, HOSTILE, PAYLOADS } from '../helpers/hostile-corpus.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

type AtlasWindow = Window & { atlas: { map: { fitBounds(b: number[], o: object): void } }; __pwned?: unknown; __inlineRan?: unknown; __handlerRan?: unknown; __violations?: unknown[] };

/**
 * Serves the built site as a bare static host would: the same files with none of the server's security headers.
 * `stripMeta` also takes the page's own policy out of index.html, so that nothing but the rendering stands between
 * the data and the page.
 */
async function asBareStaticHost(page: Page, { stripMeta }: { stripMeta: boolean }) {
  const origin = new URL(baseURL).origin;
  await page.route(
    (url) => url.origin === origin,
    async (route) => {
      const response = await route.fetch();
      let body = await response.body();
      if (stripMeta && route.request().resourceType() === 'document') {
        const html = body.toString('utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
        if (html.includes('Content-Security-Policy')) throw new Error('asBareStaticHost: could not take the policy out of index.html');
        body = Buffer.from(html);
      }
      await route.fulfill({ status: response.status(), body, headers: { 'content-type': response.headers()['content-type'] ?? 'application/octet-stream' } });
    },
  );
}

describe('the Content-Security-Policy without the server', () => {
  it('blocks an injected inline script and inline handler by the page’s own meta policy, and the map still loads', async () => {
    const documentHeaders: Array<Record<string, string>> = [];
    const atlas = await openAtlas(browser(), baseURL, {}, '', async (page) => {
      await asBareStaticHost(page, { stripMeta: false });
      page.on('response', (r) => {
        if (r.request().resourceType() === 'document') documentHeaders.push(r.headers());
      });
    });
    const { page } = atlas;
    expect(documentHeaders).toHaveLength(1);
    expect(Object.keys(documentHeaders[0]!)).not.toContain('content-security-policy');
    expect(await renderedIds(page, ['place-points'])).toEqual(expect.arrayContaining(['havana', 'paris', 'prague']));

    const ran = await page.evaluate(() => {
      const w = window as unknown as AtlasWindow;
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations!.push({ directive: e.violatedDirective, policy: e.originalPolicy }));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handlerRan = true');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      return w.__inlineRan === true;
    });
    expect(ran).toBe(false);
    const policy = metaContentSecurityPolicy();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as AtlasWindow).__violations))
      .toEqual([
        { directive: 'script-src-elem', policy },
        { directive: 'script-src-attr', policy },
      ]);
    expect(await page.evaluate(() => [(window as unknown as AtlasWindow).__inlineRan, (window as unknown as AtlasWindow).__handlerRan])).toEqual([undefined, undefined]);
    // Exactly the two blocked injections, each reported by the page and logged by Chromium; nothing else went wrong.
    await expect.poll(() => atlas.cspViolations.length).toBe(4);
    const blocked = takeCspViolations(atlas);
    expect(blocked.filter((v) => v.startsWith('CSP violation:')).sort()).toEqual(['CSP violation: script-src-attr inline', 'CSP violation: script-src-elem inline']);
    expect(blocked.filter((v) => !v.startsWith('CSP violation:')).map((v) => v.replace(/ violates .*/s, '')).sort()).toEqual(['Executing inline event handler', 'Executing inline script']);
    await expectCleanRun(atlas);
  });
});

describe('a corpus whose words carry markup and script', () => {
  let out = '';
  beforeAll(() => {
    const dir = createHostileCorpus();
    out = join(dir, 'out');
    buildCorpus(join(dir, 'geodata'), out);
  });

  /** The app on the hostile build's data, with every dialog, main-frame navigation and window recorded. */
  async function openHostile(stripCsp: boolean) {
    const dialogs: string[] = [];
    const navigations: string[] = [];
    const atlas = await openAtlas(browser(), baseURL, {}, '', async (page) => {
      if (stripCsp) await asBareStaticHost(page, { stripMeta: true });
      // Every derived file, each document's own (data/documents/ID.json) and the search shards included.
      await page.route('**/data/**', (route) => route.fulfill({ path: join(out, new URL(route.request().url()).pathname.replace(/^.*\/data\//, '')) }));
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on('framenavigated', (f) => {
        if (f === page.mainFrame()) navigations.push(f.url());
      });
    });
    return { atlas, dialogs, navigations };
  }

  /** Elements or attributes that only a payload interpreted as markup would have made. */
  function liveMarkup(page: Page) {
    return page.evaluate(() => ({
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
      images: document.querySelectorAll('img').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      iframes: document.querySelectorAll('iframe').length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
      pwned: (window as unknown as AtlasWindow).__pwned,
    }));
  }
  const inert = { handlers: [], images: 0, svgOnload: 0, inlineScripts: 0, iframes: 0, javascriptLinks: 0, bold: 0, pwned: undefined };

  async function expectNothingRan(atlas: AtlasPage, dialogs: string[], navigations: string[]) {
    const { page } = atlas;
    expect(await liveMarkup(page)).toEqual(inert);
    expect(dialogs).toEqual([]);
    // Selections write the URL's hash (deep links); the page itself never changes.
    const first = new URL(navigations[0]!);
    for (const url of navigations) expect(`${new URL(url).origin}${new URL(url).pathname}${new URL(url).search}`).toBe(`${first.origin}${first.pathname}${first.search}`);
    expect(page.context().pages()).toHaveLength(1);
  }

  it.each([
    ['as served', false],
    ['with every Content-Security-Policy taken away', true],
  ])('shows every payload as literal text on the map, in the passage, the reader and search (%s)', { timeout: 90_000 }, async (_, stripCsp) => {
    const { atlas, dialogs, navigations } = await openHostile(stripCsp);
    const { page } = atlas;

    // The place, clicked where the map draws it.
    await mapIdle(page);
    expect(await renderedIds(page, ['place-labels'])).toContain(HOSTILE.placeId);
    const p = await screenPoint(page, HOSTILE.point);
    await page.mouse.click(p.x, p.y);
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe(HOSTILE.placeName);
    // Both quotes come after characters of two UTF-16 units each (HOSTILE.astral): highlighted exactly, not shifted.
    expect(await panel.locator('blockquote').first().textContent()).toContain(HOSTILE.astral);
    expect(await panel.locator('mark').allTextContents()).toEqual([HOSTILE.quote, HOSTILE.contextQuote]);
    const panelText = await panel.textContent();
    for (const text of [PAYLOADS.img, HOSTILE.note, HOSTILE.coordinateSource, PAYLOADS.script, HOSTILE.title]) expect(panelText).toContain(text);
    expect(panelText).toContain('<img src=x onerror=');
    await expectNothingRan(atlas, dialogs, navigations);

    // The whole document in the reader, its metadata included; the place name in the text is a link to the place.
    await panel.getByRole('button', { name: 'Read the whole document' }).first().click();
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    expect(await reader.locator('h2').textContent()).toBe(HOSTILE.title);
    const readerText = await reader.textContent();
    for (const text of Object.values(PAYLOADS)) expect(readerText).toContain(text);
    expect(await reader.locator('dd').allTextContents()).toEqual(expect.arrayContaining([PAYLOADS.svg, PAYLOADS.breakOut, PAYLOADS.link, PAYLOADS.svelte]));
    expect(await reader.getByRole('button', { name: HOSTILE.placeName, exact: true }).count()).toBe(1);
    await expectNothingRan(atlas, dialogs, navigations);
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'hidden' });

    // Search for the payloads' own words.
    const search = page.getByRole('searchbox', { name: 'Search places and passages' });
    const results = page.getByTestId('search-results');
    await search.fill('onerror');
    await expect.poll(() => results.textContent()).toContain(PAYLOADS.img);
    await search.fill('javascript:alert(4)');
    await expect.poll(() => results.textContent()).toContain(PAYLOADS.link);
    await results.getByRole('button').first().click();
    await reader.waitFor();
    expect((await reader.locator('mark').allTextContents()).join('')).toBe('javascript:alert(4)');
    expect(await reader.textContent()).toContain(HOSTILE.contextQuote);
    await expectNothingRan(atlas, dialogs, navigations);
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'hidden' });

    // Its journey, whose name carries a Svelte {@html} breaker.
    await page.getByRole('button', { name: 'Journeys' }).click();
    await page.getByRole('button', { name: HOSTILE.routeName }).click();
    await expect.poll(() => page.getByTestId('journey').textContent()).toContain(HOSTILE.routeName);
    await expectNothingRan(atlas, dialogs, navigations);
    await expectCleanRun(atlas);
  });

  it('exports the payloads verbatim, as data', () => {
    const read = (name: string) => readFileSync(join(out, name), 'utf8');
    const rows = (name: string) => parseCsv(read(name), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows('places.csv').find((r) => r.id === HOSTILE.placeId)).toMatchObject({ name: HOSTILE.placeName, coordinate_source: HOSTILE.coordinateSource });
    expect(rows('legs.csv').find((r) => r.route === 'hostile-route')).toMatchObject({ route_name: HOSTILE.routeName, quote: HOSTILE.legQuote });
    expect(rows('passages.csv').filter((r) => r.feature === HOSTILE.placeId).map((r) => r.quote)).toEqual([HOSTILE.quote, HOSTILE.contextQuote]);
    const documents = JSON.parse(read('documents.json')) as Array<{ id: string; title: string; body: string }>;
    const doc = documents.find((d) => d.id === HOSTILE.documentId)!;
    expect(doc.title).toBe(HOSTILE.title);
    for (const payload of Object.values(PAYLOADS)) expect(doc.body).toContain(payload);
    const places = JSON.parse(read('places.geojson')) as FeatureCollection<null, { id: string; name: string }>;
    expect(places.features.find((f) => f.properties.id === HOSTILE.placeId)?.properties.name).toBe(HOSTILE.placeName);
    expect(read('places.lpf.json')).toContain(JSON.stringify(HOSTILE.placeName));
    expect(read('annotations.jsonld')).toContain(JSON.stringify(HOSTILE.contextQuote));
  });
});

describe('the map on a GPU that keeps resetting', () => {
  const ids = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<null, { id: string }>).features.map((f) => f.properties.id).sort();

  it('draws every place and leg again after losing its WebGL context 20 times in a row', { timeout: 180_000 }, async () => {
    // A small window: every restore redraws the whole world in software (SwiftShader).
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 800, height: 500 } });
    const { page } = atlas;
    const all = { places: ids('dist/data/places.geojson'), legs: ids('dist/data/legs.geojson') };
    const { bounds } = JSON.parse(readFileSync('dist/data/meta.json', 'utf8')) as { bounds: number[] };
    // A block body: fitBounds returns the map, which Playwright would otherwise serialise whole as the result.
    await page.evaluate((b) => {
      (window as unknown as AtlasWindow).atlas.map!.fitBounds(b, { padding: 40, animate: false });
    }, bounds);
    await mapIdle(page);
    const drawn = async () => ({ places: await renderedIds(page, ['place-points', 'place-country-fill', 'place-area-fill']), legs: await renderedIds(page, ['legs-line', 'legs-line-from-context']) });
    expect(await drawn()).toEqual(all);
    const canvas = page.locator('canvas.maplibregl-canvas');
    // The picture to keep is the one after a first restore. Before it, a label may sit on another side of its pin:
    // MapLibre keeps the side a label took while the camera moved (so labels do not jump as the map pans), and a
    // restored map places every label afresh, the same way each time.
    await loseAndRestoreContext(page);
    await mapIdle(page);
    expect(await drawn(), 'after the first restore').toEqual(all);
    const picture = await canvas.screenshot();
    for (let i = 2; i <= 20; i++) {
      await loseAndRestoreContext(page);
      await mapIdle(page);
      expect(await drawn(), `after restore ${i}`).toEqual(all);
      expect(atlas.errors, `after restore ${i}`).toEqual([]);
    }
    // What a user sees at the end is the picture from before, not a blank or half-drawn map.
    expect((await canvas.screenshot()).equals(picture)).toBe(true);
    await expectCleanRun(atlas);
  });
});
