import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describeUncovered, faceCharacters, jsonTexts, parseFontFaces, parseUnicodeRange, uncoveredCharacters, type FontFace, type ShownText } from '../../src/build/font-coverage.ts';
import { serializeAtlas } from '../../src/build/derive.ts';
import { realAtlas } from '../helpers/real-atlas.ts';
import { PUBLISHED_FILES } from '../../src/lib/atlas/contract.ts';
import { MESSAGES } from '../../src/lib/i18n/locales.ts';

/**
 * Characters no Noto Sans subset has, left to the system's fonts on purpose (Chromium draws each from a font that has
 * it). Arrows in journey steps and route legs ("Cuba → Paris", "← Back", a round trip's "Venezuela ↔ Cuba"), and the
 * close buttons' cross.
 */
const SYSTEM_FALLBACK: ReadonlySet<string> = new Set(['→', '←', '↔', '✕']);

/** The derived files the page fetches and shows (the exports, CSV and JSON-LD, are downloads, not drawn). */
const { documents, places, labels, legs, journeys, meta } = PUBLISHED_FILES;
const SHOWN_FILES = [documents, places, labels, legs, journeys, meta];

const require = createRequire(import.meta.url);
const facesCss = readFileSync('src/ui/fonts.css', 'utf8');
const createFaces = () => parseFontFaces(facesCss).map((f) => ({ ...f, chars: faceCharacters(f) }));

const published = serializeAtlas(realAtlas());
const publishedTexts = (): ShownText[] => SHOWN_FILES.flatMap((file) => jsonTexts(file, JSON.parse(published[file])));

/** The interface's own words: the components, the page, and the code they take labels from (less comments). */
const interfaceTexts = (): ShownText[] => {
  const files = (dir: string, ext: RegExp): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []));
  const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  return [
    ...[...files('src/ui', /\.svelte$/), 'src/index.html'].map((where) => ({ where, text: readFileSync(where, 'utf8') })),
    ...files('src/lib', /\.ts$/).map((where) => ({ where, text: withoutComments(readFileSync(where, 'utf8')) })),
    // Every language's messages by key, so a missing glyph is named by the message that shows it ("es: kiosk.stillThere").
    ...Object.entries(MESSAGES).flatMap(([locale, messages]) => Object.entries(messages).map(([key, text]) => ({ where: `${locale}: ${key}`, text }))),
  ];
};

describe('the fonts the page loads', () => {
  it('declares each subset with the unicode-range fontsource gives it, so a subset is fetched only for text that needs it', () => {
    const faces = parseFontFaces(facesCss);
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      // fontsource's all-subsets stylesheet per weight (400.css, 700.css) is the reference for each file's range.
      const reference = parseFontFaces(readFileSync(require.resolve(`@fontsource/noto-sans/${face.weight}.css`), 'utf8').replaceAll('./files/', '@fontsource/noto-sans/files/'));
      const same = reference.find((r) => r.src === face.src);
      expect(same, `${face.src} is not in fontsource's ${face.weight}.css`).toBeDefined();
      expect(face.ranges, face.src).toEqual(same!.ranges);
    }
  });

  it('are all in src/ui/fonts.css: main.ts imports none of fontsource’s single-subset stylesheets, which declare no range', () => {
    expect(readFileSync('src/main.ts', 'utf8')).not.toMatch(/@fontsource\/[^'"]*\.css/);
  });

  it('are checked against the Spanish interface and the corpus’s Spanish fields too', () => {
    const texts = [...publishedTexts(), ...interfaceTexts()];
    expect(texts.some((t) => t.where === 'es: kiosk.stillThere' && t.text.includes('¿'))).toBe(true);
    expect(texts.some((t) => /journeys\.json .*name_es/.test(t.where) && t.text.includes('México'))).toBe(true);
  });

  it.each([400, 700])('have a Noto Sans %i glyph for every character the published data and the interface show', (weight) => {
    const missing = uncoveredCharacters([...publishedTexts(), ...interfaceTexts()], createFaces(), weight, SYSTEM_FALLBACK);
    expect(missing, describeUncovered(missing)).toEqual([]);
  });

  it('give the map every character of its labels from the one file the map is given (latin 400)', () => {
    const labels = JSON.parse(published['labels.geojson']!) as FeatureCollection;
    const names = labels.features.map((f, i) => ({ where: `labels.geojson features[${i}].properties.name`, text: String(f.properties?.name) }));
    const latin400 = createFaces().filter((f) => f.weight === 400 && f.src.endsWith('noto-sans-latin-400-normal.woff2'));
    expect(latin400).toHaveLength(1);
    // The map draws its own glyphs from that file (controller.ts, font-faces in the style): no range, no fallback.
    const missing = uncoveredCharacters(names, [{ ...latin400[0]!, ranges: [[0, 0x10ffff]] }], 400, new Set());
    expect(missing, describeUncovered(missing)).toEqual([]);
  });
});

describe('the font check', () => {
  const createFace = (ranges: string, chars: string): FontFace & { chars: Set<number> } => ({
    weight: 400,
    src: 'test.woff2',
    ranges: parseUnicodeRange(ranges),
    chars: new Set([...chars].map((c) => c.codePointAt(0)!)),
  });

  it.each([
    { name: 'a character outside every range', text: 'Москва', face: createFace('U+0000-00FF', 'abc'), expected: ['М', 'о', 'с', 'к', 'в', 'а'] },
    { name: 'a character in range that the file lacks', text: 'Čech', face: createFace('U+0000-00FF, U+0100-017F', 'Cech'), expected: ['Č'] },
    { name: 'nothing, when the file has it', text: 'Čech', face: createFace('U+0000-017F', 'Čech'), expected: [] },
    { name: 'nothing for a line break or a fallback character', text: 'a\n→b', face: createFace('U+0000-00FF', 'ab'), expected: [] },
  ])('finds $name', ({ text, face, expected }) => {
    const found = uncoveredCharacters([{ where: 'documents.json [0].archive', text }], [face], 400, SYSTEM_FALLBACK);
    expect(found.map((u) => u.char)).toEqual(expected);
  });

  it('says which character, where, and what to do', () => {
    const found = uncoveredCharacters([{ where: 'documents.json [2].archive', text: 'ÚV KSČ' }], [createFace('U+0000-00FF', 'ÚV KS')], 400, new Set());
    expect(describeUncovered(found)).toBe(
      '"Č" (U+010C) has no loaded Noto Sans 400 glyph; it occurs in documents.json [2].archive. ' +
        'Add the fontsource subset that has it to src/ui/fonts.css (with its unicode-range), or, if the system font is good enough for it, to SYSTEM_FALLBACK in tests/unit/fonts.test.ts with the reason.',
    );
  });

  it('reads the glyphs of a real subset file: latin has "é" and "¿", not "Č"; latin-ext has "Č"', () => {
    const [latin, ext] = ['noto-sans-latin-400-normal', 'noto-sans-latin-ext-400-normal'].map((name) => faceCharacters({ weight: 400, src: `@fontsource/noto-sans/files/${name}.woff2`, ranges: [] }));
    expect(['é', '¿', 'ñ', 'Č'].map((c) => latin!.has(c.codePointAt(0)!))).toEqual([true, true, true, false]);
    expect(ext!.has('Č'.codePointAt(0)!)).toBe(true);
  });
});
