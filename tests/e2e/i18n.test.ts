import { describe, expect, inject, it } from 'vitest';
import { axeViolations, type AtlasWindow, clippedControls, expectCleanRun, openAtlas, useBrowser } from './browser.ts';

const baseURL = inject('baseURL');
const browser = useBrowser();

const htmlLang = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.lang);

/** The texts MapLibre draws for the place labels on screen now. */
const mapLabels = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const map = (window as unknown as { atlas: { map: { queryRenderedFeatures(o: { layers: string[] }): Array<{ properties: { label: string } }> } } }).atlas.map;
    return [...new Set(map.queryRenderedFeatures({ layers: ['place-labels'] }).map((f) => f.properties.label))];
  });

describe('the atlas in Spanish (issue 15)', () => {
  it('names the places on the map in Spanish, and in English again after switching, live', async () => {
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1280, height: 800 } }, '?lang=es');
    const { page } = atlas;
    const spanish = await mapLabels(page);
    expect(spanish).toEqual(expect.arrayContaining(['La Habana', 'México', 'Perú', 'Brasil', 'Praga', 'París', 'Estados Unidos']));
    expect(spanish).not.toContain('Havana');
    expect(spanish).not.toContain('Mexico');
    // The basemap's credit too: the map is read in one language.
    const credit = () => page.locator('.maplibregl-ctrl-attrib').textContent();
    expect(await credit()).toContain('Mapa base: Natural Earth');
    // Search takes the Spanish name, and the panel gives it.
    await page.getByRole('search').getByRole('searchbox').fill('La Habana');
    await page.getByTestId('search-results').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('La Habana');
    await page.getByRole('button', { name: 'Idioma de la interfaz: English' }).click();
    await expect.poll(() => page.getByTestId('passage-panel').locator('h2').textContent()).toBe('Havana');
    // The map is on Havana now (the search framed it): its label, in English.
    await expect.poll(async () => (await mapLabels(page)).includes('Havana')).toBe(true);
    expect(await mapLabels(page)).not.toContain('La Habana');
    await expect.poll(credit).toContain('Basemap: Natural Earth');
    expect(await credit()).not.toContain('Mapa base');
    await expectCleanRun(atlas);
  });

  it('opens in Spanish with ?lang=es: the interface in Spanish, the passage in the English the archive published, and a line that says so', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '?lang=es#place=havana');
    const { page } = atlas;
    expect(await htmlLang(page)).toBe('es');
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('La Habana');
    expect(await panel.locator('.roles').innerText()).toBe('Lugar de entrenamiento · Contexto político');
    expect(await panel.getByTestId('translation-note').innerText()).toBe('Los documentos se muestran en inglés tal como se publicaron: el memorando de la CIA en su inglés original, los demás en las traducciones al inglés que publicaron sus archivos o quienes los tradujeron.');
    // The document's words stay in English, marked as English for screen readers.
    expect(await panel.locator('mark').allTextContents()).toContain('He received his first training in Habana.');
    expect(await panel.locator('blockquote').first().getAttribute('lang')).toBe('en');
    // The curator's note on the passage is in Spanish.
    expect(await panel.innerText()).toContain('Una intención («were to be given»)');
    expect(await panel.innerText()).toContain('Cuándo: sin fecha');
    expect(await panel.innerText()).toContain('11 de abril de 1963');
    await expect.poll(() => page.getByRole('button', { name: 'Leer el documento completo' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Idioma de la interfaz: English' }).count()).toBe(1);
    expect(await page.getByRole('search').getByRole('searchbox').getAttribute('placeholder')).toBe('Buscar lugares y fragmentos');
    // Spanish spelling finds the place across accents, and a line says why Spanish words find no passage (issue 32).
    await page.getByRole('searchbox').fill('París');
    await expect.poll(() => page.getByTestId('search-results').getByRole('button').first().textContent()).toMatch(/^Par[ií]s/);
    expect(await page.getByTestId('search-language-note').innerText()).toBe('Los fragmentos se buscan en el inglés de los documentos; los nombres de lugares, en inglés y en español.');
    await page.getByRole('searchbox').fill('');
    // The coordinates' source is the curators' English: marked so, not passed off as Spanish (issue 31).
    expect(await panel.locator('.coords').innerText()).toBe('Ubicación: GeoNames 3553478 (city centre) (solo en inglés)');
    expect(await panel.innerText()).toContain('Referencia de archivo');
    expect(await panel.innerText()).not.toMatch(/Cita de archivo|pasaje/i);

    await page.getByRole('button', { name: 'Leer el documento completo' }).first().click();
    const reader = page.getByTestId('document-reader');
    await reader.waitFor();
    expect(await reader.getByTestId('translation-note').innerText()).toBe('Los documentos se muestran en inglés tal como se publicaron: el memorando de la CIA en su inglés original, los demás en las traducciones al inglés que publicaron sus archivos o quienes los tradujeron.');
    expect(await reader.locator('h2').innerText()).toBe('Activities of Cuban-Trained Peruvian Guerrillas');
    expect(await reader.locator('h2').getAttribute('lang')).toBe('en');
    expect(await reader.locator('dt').allTextContents()).toEqual(expect.arrayContaining(['Fecha', 'De', 'Archivo']));
    expect(await reader.locator('dd').first().innerText()).toBe('11 de abril de 1963');
    // The curators' own metadata in Spanish; the archive's (title, classification) stays English, marked lang="en".
    const fact = (label: string) => reader.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
    expect(await fact('De').innerText()).toBe('CIA');
    expect(await fact('Idioma original').innerText()).toBe('Inglés');
    expect(await fact('Idioma original').getAttribute('lang')).toBe('es');
    expect(await fact('Clasificación').getAttribute('lang')).toBe('en');
    await expectCleanRun(atlas);
  });

  it('gives an undated passage its document’s date in grammatical Spanish, for a year (“1961”) as for a day', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '?lang=es#place=moscow');
    const panel = atlas.page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Moscú');
    const when = await panel.locator('.when').allInnerTexts();
    expect(when).toContain('Cuándo: sin fecha; el texto no da fecha para esto. Fecha del documento: 1961.');
    expect(when).toContain('Cuándo: sin fecha; el texto no da fecha para esto. Fecha del documento: 28 de octubre de 1962.');
    expect(when.join(' ')).not.toMatch(/del (\d{4}|[a-z]+ de \d{4})/);
    await expectCleanRun(atlas);
  });

  it('tells a journey in Spanish: its name, the step, the branch label and the notes from the corpus’s Spanish fields', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '?lang=es#journey=return-via-paris:2');
    const { page } = atlas;
    const journey = page.getByTestId('journey');
    await expect.poll(() => journey.locator('h2').innerText()).toBe('De regreso por París');
    expect(await journey.locator('.count').innerText()).toBe('Paso 2 de 3: A varios países latinoamericanos, entre ellos Colombia y Brasil');
    expect(await journey.innerText()).toContain('El texto nombra estos 2 tramos en conjunto');
    expect(await journey.innerText()).toContain('El memorando nombra a Colombia y Brasil como ejemplos');
    expect(await journey.innerText()).not.toContain('solo en inglés');
    expect(await journey.getByRole('button', { name: 'Siguiente →' }).count()).toBe(1);
    await journey.getByRole('button', { name: 'Siguiente →' }).click();
    await expect.poll(() => journey.locator('.count').innerText()).toBe('Paso 3 de 3: De los puntos de reingreso al Perú');
    // (Place names follow the map's names in the interface's language.)
    expect(await journey.getByTestId('step-words').innerText()).toMatch(
      /^La oración nombra juntos a Colombia y Bra[sz]il; Per[uú] no está en ella y se deduce de «for eventual re-entry into Peru» \(en línea discontinua en el mapa\)\. Se dibujan todos los tramos, sin preferir ninguno\.$/,
    );
    await expectCleanRun(atlas);
  });

  it('switches language live with the one button, keeping the selection, and keeps <html lang> right', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '#place=paris');
    const { page } = atlas;
    const panel = page.getByTestId('passage-panel');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Paris');
    expect(await htmlLang(page)).toBe('en');
    expect(await panel.locator('.roles').innerText()).toContain('Command centre of the network');
    const toSpanish = page.getByRole('button', { name: 'Interface language: Español' });
    expect(await toSpanish.locator('[lang="es"]').innerText()).toBe('Español');
    const box = await toSpanish.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);

    await toSpanish.click();
    await expect.poll(() => htmlLang(page)).toBe('es');
    await expect.poll(() => panel.locator('.roles').innerText()).toContain('Centro de mando de la red');
    // The same place, now named in Spanish.
    expect(await panel.locator('h2').textContent()).toBe('París');
    expect(await panel.getByTestId('translation-note').count()).toBe(1);
    expect(await page.getByTestId('legend').innerText()).toContain('Rutas y documentos');
    // The address keeps the selection and now says the language, for a reload or a shared link.
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('es');
    expect(url.hash).toContain('place=paris');

    await page.getByRole('button', { name: 'Idioma de la interfaz: English' }).click();
    await expect.poll(() => htmlLang(page)).toBe('en');
    await expect.poll(() => panel.locator('.roles').innerText()).toContain('Command centre of the network');
    expect(await panel.getByTestId('translation-note').count()).toBe(0);

    // A journey's step keeps the map on it: framed again for the new words' key, not sent back to the place framed
    // before it (the camera's last request). The view after the switch is the one the step itself gives.
    await page.evaluate(() => (location.hash = '#journey=return-via-paris:2'));
    await expect.poll(() => page.getByTestId('journey').locator('.count').innerText()).toContain('Step 2 of 3');
    await page.evaluate(() => (window as unknown as AtlasWindow).atlas.idle());
    const centre = () => page.evaluate(() => (window as unknown as AtlasWindow).atlas.map!.getCenter().toArray().map((v) => Math.round(v)));
    await page.getByRole('button', { name: 'Interface language: Español' }).click();
    await expect.poll(() => page.getByTestId('journey').locator('.count').innerText()).toContain('Paso 2 de 3');
    await page.evaluate(() => (window as unknown as AtlasWindow).atlas.idle());
    const afterSwitch = await centre();
    await page.evaluate(() => (location.hash = '#journey=return-via-paris:3'));
    await expect.poll(() => page.getByTestId('journey').locator('.count').innerText()).toContain('Paso 3 de 3');
    await page.evaluate(() => (location.hash = '#journey=return-via-paris:2'));
    await expect.poll(() => page.getByTestId('journey').locator('.count').innerText()).toContain('Paso 2 de 3');
    await page.evaluate(() => (window as unknown as AtlasWindow).atlas.idle());
    expect(afterSwitch).toEqual(await centre());
    await expectCleanRun(atlas);
  });

  it('folds the header into its menu where the Spanish row does not fit, and never lets a control run off the screen', async () => {
    // What of the header shows: its buttons, and any whose box runs past the window's right edge.
    const header = (page: import('playwright-core').Page) =>
      page.evaluate(() => {
        const shown = [...document.querySelectorAll('header button')].filter((b) => b.checkVisibility());
        return { buttons: shown.map((b) => b.textContent!.trim()), offScreen: shown.filter((b) => b.getBoundingClientRect().right > innerWidth).map((b) => b.textContent!.trim()) };
      });
    // 1080 wide (the portrait kiosk): the English row fits; the Spanish one is folded into "Menú".
    const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 1080, height: 1920 } }, '?lang=en');
    const { page } = atlas;
    expect(await header(page)).toEqual({ buttons: expect.arrayContaining(['Start here', 'Journeys', 'About this data']), offScreen: [] });
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => header(page)).toEqual({ buttons: ['Buscar', 'Menú', expect.stringContaining('English')], offScreen: [] });
    await page.getByRole('button', { name: 'Menú' }).click();
    await page.getByRole('button', { name: 'Empiece aquí' }).click();
    await expect.poll(() => page.getByTestId('start-card').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(async () => (await header(page)).buttons).toContain('Start here');
    // 960 wide in Spanish: the row ran off the screen (the language button was cut off) before it folded.
    await page.setViewportSize({ width: 960, height: 800 });
    await page.getByRole('button', { name: 'Español' }).click();
    await expect.poll(() => header(page)).toEqual({ buttons: ['Buscar', 'Menú', expect.stringContaining('English')], offScreen: [] });
    await expectCleanRun(atlas);
  });

  it('shows every word of the phone menu and the map’s controls at 360 px, in both languages (issue 32)', async () => {
    for (const [lang, menu] of [['es', 'Menú'], ['en', 'Menu']] as const) {
      const atlas = await openAtlas(browser(), baseURL, { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true }, `?lang=${lang}`);
      const { page } = atlas;
      await page.getByRole('button', { name: 'Explore the map' }).or(page.getByRole('button', { name: 'Explorar el mapa' })).click();
      expect(await clippedControls(page), `${lang}, the map's controls`).toEqual([]);
      // A passage open: the sheet leaves a short map, its view buttons in a row ("Guardar esta vista" ran off the screen).
      await page.evaluate(() => (location.hash = '#place=havana'));
      await page.getByTestId('passage-panel').waitFor();
      expect(await clippedControls(page), `${lang}, a passage open`).toEqual([]);
      await page.getByRole('button', { name: menu }).click();
      expect(await clippedControls(page), `${lang}, the menu open`).toEqual([]);
      await expectCleanRun(atlas);
    }
  });

  it('follows the browser’s language on the web, and ?lang= over it', async () => {
    const spanish = await openAtlas(browser(), baseURL, { locale: 'es-MX' });
    expect(await htmlLang(spanish.page)).toBe('es');
    expect(await spanish.page.getByTestId('start-card').locator('h2').innerText()).toBe('Empiece aquí');
    await expectCleanRun(spanish);
    const english = await openAtlas(browser(), baseURL, { locale: 'es-MX' }, '?lang=en');
    expect(await htmlLang(english.page)).toBe('en');
    expect(await english.page.getByTestId('start-card').locator('h2').innerText()).toBe('Start here');
    await expectCleanRun(english);
  });

  it('has no accessibility violations (axe-core) in Spanish: start card, passage panel, reader', async () => {
    const atlas = await openAtlas(browser(), baseURL, {}, '?lang=es');
    const { page } = atlas;
    expect(await htmlLang(page)).toBe('es');
    expect(await axeViolations(page)).toEqual([]);
    await expectCleanRun(atlas);
    const withPanel = await openAtlas(browser(), baseURL, {}, '?lang=es');
    // The list, then a place chosen from it: the passage opens above the list (opening the list replaces a passage).
    await withPanel.page.getByRole('button', { name: 'Lista' }).click();
    await withPanel.page.getByRole('navigation', { name: 'Lugares y rutas' }).getByRole('button', { name: 'París', exact: true }).click();
    await withPanel.page.getByTestId('passage-panel').waitFor();
    expect(await axeViolations(withPanel.page)).toEqual([]);
    await withPanel.page.getByRole('button', { name: 'Leer el documento completo' }).first().click();
    await withPanel.page.getByTestId('document-reader').waitFor();
    expect(await axeViolations(withPanel.page)).toEqual([]);
    await expectCleanRun(withPanel);
  });
});
