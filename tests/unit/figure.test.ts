import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from '../../src/build/derive.ts';
import type { Atlas } from '../../src/lib/atlas/contract.ts';
import { passagesByRole } from '../../src/lib/corpus/passage.ts';
import { passageCitation as citation } from '../../src/lib/corpus/citation.ts';
import { ROLES, roleEntry } from '../../src/lib/atlas/roles.ts';
import { svgLookProperties } from '../../src/lib/map/look.ts';
import { formatMessage } from '../../src/lib/i18n/format.ts';
import type { MessageKey } from '../../src/lib/i18n/en.ts';

/** A footnote is the passage's citation on one line: the quote, then its note, with its link from the figure's address. */
const passageCitation = (doc: Parameters<typeof citation>[0], passage: Parameters<typeof citation>[1]) => citation(doc, passage, 'http://127.0.0.1:4173/').replace('\n', ' ');
import { A4, buildFigurePages, legendItems, type MapPicture } from '../../src/lib/figure/figure-svg.ts';
import { figureSubject, quoteSegments, type FigureData } from '../../src/lib/figure/footnotes.ts';
import { estimateWidth, wordsOf, wrapWords } from '../../src/lib/figure/text-width.ts';
import { figureFileName } from '../../src/lib/figure/scene.ts';

// The derivation's data, passages on every feature: what the page hands the figure once it has fetched them.
let data: Omit<Atlas, 'basemap'>;
beforeAll(() => {
  const { basemap: _basemap, ...atlas }: Atlas = buildCorpus('geodata', mkdtempSync(join(tmpdir(), 'figure-')));
  data = atlas;
});

const DEEP_LINK = 'http://127.0.0.1:4173/#place=havana&view=-82.366,23.113,5';
const createMap = (places: string[], legs: string[] = []): MapPicture => ({
  markup: '<rect width="800" height="500" fill="#dfe9ef"/>',
  width: 800,
  height: 500,
  drawn: { places, legs },
  emphasis: { current: false, connected: false, faded: false },
});
const createPages = (overrides: Partial<Parameters<typeof buildFigurePages>[0]> = {}) =>
  buildFigurePages({ data, map: createMap(['havana', 'cuba']), selected: { kind: 'place', id: 'havana' }, journey: null, deepLink: DEEP_LINK, version: '0.1.0', ...overrides });
/** Every page's markup together, for what the figure says wherever it says it. */
const createFigure = (overrides: Partial<Parameters<typeof buildFigurePages>[0]> = {}) => createPages(overrides).join('\n');

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The lines of each <text class="NAME">, as a reader of the file sees them (tags gone, entities read). */
function textLines(svg: string, className: string): Array<{ lines: Array<{ text: string; joined: boolean }>; fontSize: number }> {
  return [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*font-size="([\\d.]+)"[^>]*>(.*?)</text>`, 'g'))].map((m) => ({
    fontSize: Number(m[1]),
    lines: m[2]!
      .split('<tspan class="line"')
      .slice(1)
      .map((line) => ({ joined: /^[^>]*data-joined="true"/.test(line), text: unescape(line.replace(/^[^>]*>/, '').replace(/<[^>]+>/g, '')) })),
  }));
}
const joinLines = (lines: Array<{ text: string; joined: boolean }>) => lines.reduce((all, l, i) => all + (i > 0 && !lines[i - 1]!.joined ? ' ' : '') + l.text, '');

describe('the figure of a place', () => {
  it('numbers every quote of the panel in its order, each verbatim with its archival citation', () => {
    const havana = data.places.features.find((f) => f.properties.id === 'havana')!.properties;
    const documentById = (id: string) => data.documents.find((d) => d.id === id);
    const panelOrder = passagesByRole(havana.evidence, documentById).flatMap((s) => s.groups.flatMap((g) => g.evidence));
    const expected = panelOrder.map((e) => passageCitation(documentById(e.document)!, e));
    const footnotes = textLines(createFigure(), 'footnote').map((t) => joinLines(t.lines));
    expect(expected.length).toBeGreaterThan(2);
    expect(footnotes).toEqual(expected);
    const numbers = [...createFigure().matchAll(/<text class="footnote-number"[^>]*>(\d+)\.<\/text>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(expected.map((_, i) => i + 1));
  });

  it('heads the quotes by role when the place has several, as the panel does', () => {
    const headings = textLines(createFigure(), 'footnote-heading').map((t) => joinLines(t.lines));
    expect(headings).toEqual(['Training site', 'Political context']);
  });

  it('wraps long citations into lines that fit the A4 text width, nothing under 8 pt', () => {
    const svg = createFigure();
    const notes = textLines(svg, 'footnote');
    expect(notes.some((n) => n.lines.length >= 3)).toBe(true);
    const textWidth = A4.width - 2 * 42 - estimateWidth('00.', 9) - 4;
    for (const note of notes) for (const line of note.lines) expect(estimateWidth(line.text, note.fontSize)).toBeLessThanOrEqual(textWidth + 0.01);
    const sizes = [...svg.matchAll(/<text [^>]*font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    expect(svg).toMatch(/<svg [^>]*width="210mm"[^>]*viewBox="0 0 595.28 /);
  });

  it('titles the figure with the place and its roles, and ends with the version and the deep link', () => {
    const svg = createFigure({ version: '2.3.4' });
    expect(joinLines(textLines(svg, 'title')[0]!.lines)).toBe('Havana');
    expect(joinLines(textLines(svg, 'subtitle')[0]!.lines)).toBe('Training site · Political context');
    expect(joinLines(textLines(svg, 'version')[0]!.lines)).toMatch(/^Archive Atlas 2\.3\.4\. /);
    expect(joinLines(textLines(svg, 'deep-link')[0]!.lines)).toBe(`This view: ${DEEP_LINK}`);
    expect(svg).toContain('data-deep-link="http://127.0.0.1:4173/#place=havana&amp;view=-82.366,23.113,5"');
  });

  it('cuts a deep link too long for one line and gives it back whole when the lines are joined', () => {
    const long = `http://127.0.0.1:4173/#place=havana&hide=${'context,'.repeat(30)}front`;
    const link = textLines(createFigure({ deepLink: long }), 'deep-link')[0]!;
    expect(link.lines.length).toBeGreaterThan(1);
    expect(joinLines(link.lines)).toBe(`This view: ${long}`);
  });

  it('is self-contained: no stylesheet, script, image, font file or link to fetch', () => {
    const svg = createFigure();
    expect(svg).not.toMatch(/<(style|script|image|foreignObject|a)\b/);
    expect(svg).not.toMatch(/(href|src)=/);
    expect(svg).not.toMatch(/url\((?!#map-frame\))/);
    expect(svg).toContain('font-family="&apos;Noto Sans&apos;, Arial, Helvetica, sans-serif"');
  });
});

describe('the pages (issue 32: exactly A4, the quotes that do not fit flowing on)', () => {
  it('makes every page 210 × 297 mm, and carries a long list of quotes onto further pages in order, clear of the footer', () => {
    const documentById = (id: string) => data.documents.find((d) => d.id === id);
    // The place with the most passages, on a tall (phone) map: more than one page's worth.
    const busiest = [...data.places.features].sort((a, b) => b.properties.evidence.length - a.properties.evidence.length)[0]!.properties;
    const pages = createPages({ selected: { kind: 'place', id: busiest.id }, map: { ...createMap([busiest.id]), width: 390, height: 520 } });
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toMatch(/<svg [^>]*width="210mm" height="297mm" viewBox="0 0 595.28 841.89"/);
      // Each page names the view it comes from, and nothing is set below the footer's rule.
      expect(textLines(page, 'deep-link').map((t) => joinLines(t.lines))).toEqual([`This view: ${DEEP_LINK}`]);
      const rule = Number(/<line x1="42" y1="([\d.]+)"/.exec(page)![1]);
      const lowest = Math.max(...[...page.matchAll(/<text class="footnote"[^>]*>(.*?)<\/text>/g)].flatMap((m) => [...m[1]!.matchAll(/ y="([\d.]+)"/g)].map((y) => Number(y[1]))));
      if (Number.isFinite(lowest)) expect(lowest).toBeLessThan(rule);
    }
    expect(pages[1]).toContain(`${busiest.name}: notes, continued`);
    const panelOrder = passagesByRole(busiest.evidence, documentById).flatMap((s) => s.groups.flatMap((g) => g.evidence));
    const footnotes = pages.flatMap((page) => textLines(page, 'footnote').map((t) => joinLines(t.lines)));
    expect(footnotes).toEqual(panelOrder.map((e) => passageCitation(documentById(e.document)!, e)));
  });

  it('keeps a short figure on one A4 page', () => {
    const pages = createPages({ selected: null, journey: { id: 'return-via-mexico', step: 0 } });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatch(/height="297mm"/);
  });
});

describe('the key', () => {
  it('shows only the roles of the places drawn in the frame, in the legend order, with the style colours', () => {
    const drawn = ['havana', 'mexico', 'paris'];
    const roles = drawn.map((id) => data.places.features.find((f) => f.properties.id === id)!.properties.primaryRole);
    const labels = legendItems(data, createMap(drawn)).map((i) => i.label);
    expect(labels).toEqual([...new Set(roles)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).map((r) => roleEntry(r).key.en));
    expect(legendItems(data, createMap(['havana']))[0]!.swatch).toContain('fill="#b5400a"');
  });

  it('draws its lines and zones as the map does: the widths, dashes and opacities of the one look the SVG map reads', () => {
    const look = svgLookProperties();
    const unstated = data.legs.features.find((f) => f.properties.unstated?.length)!.properties.id;
    const zone = data.places.features.find((f) => f.properties.precision === 'area')!.properties.id;
    const map = { ...createMap([zone], [unstated]), emphasis: { current: true, connected: true, faded: true } };
    const swatch = (key: string) => legendItems(data, map).find((i) => i.label === formatMessage('en', key as MessageKey))!.swatch;
    expect(swatch('figure.legDashed')).toContain(`stroke-dasharray="${look['--unstated-dash']}"`);
    expect(swatch('figure.legDashed')).toContain(`stroke-width="${look['--leg-width']}"`);
    expect(swatch('figure.legDashed')).toContain(`stroke-opacity="${look['--leg-opacity']}"`);
    expect(swatch('figure.stepLegs')).toContain(`stroke-width="${look['--leg-current-width']}"`);
    expect(swatch('figure.connectedLegs')).toContain(`stroke-width="${look['--leg-connected-width']}"`);
    expect(swatch('figure.fadedLegs')).toContain(`stroke-opacity="${look['--leg-dim-opacity']}"`);
    expect(swatch('figure.zone')).toContain(`stroke-dasharray="${look['--zone-dash']}"`);
    expect(swatch('figure.zone')).toContain(`fill-opacity="${look['--zone-opacity']}"`);
  });

  it('names the roles in the page’s language, and draws each role’s pin with its family’s hue and its cue', () => {
    expect(legendItems(data, createMap(['havana', 'mexico', 'paris']), 'es').map((i) => i.label).slice(0, 3)).toEqual(['Entrenamiento', 'Centro de mando', 'Tránsito']);
    // Paris (command centre) and Mexico (transit hub) share the hubs' hue; Mexico's pin is hollow (a ring).
    const [, paris, mexico] = legendItems(data, createMap(['havana', 'mexico', 'paris']));
    expect(paris!.swatch).toContain('fill="#3b2a8c"');
    expect(mexico!.swatch).toContain('fill="#ffffff" stroke="#3b2a8c"');
  });

  it('writes all its own words in the page’s language: title, subtitle, key, footer and the link line (issue 25)', () => {
    const svg = unescape(createFigure({ locale: 'es', map: createMap(['havana', 'cuba-rural-hills'], ['return-via-paris-1']) }));
    // The first page's text of this class (the footer is on every page).
    const text = (className: string) => joinLines(textLines(svg, className)[0]!.lines);
    expect(text('subtitle')).toBe('Lugar de entrenamiento · Contexto político');
    expect(text('deep-link')).toBe(`Esta vista: ${DEEP_LINK}`);
    expect(text('version')).toContain('Mapa base: Natural Earth.');
    expect(svg).toContain('Lugar impreciso: una zona, no un punto');
    expect(svg).toContain('Tramo de ruta (flecha: sentido del viaje)');
    expect(svg).not.toMatch(/This view|Basemap|Route leg|Vague place|Training site/);
    // The archive's words stay as published: the quotes are in English.
    expect(svg).toContain('He received his first training in Habana.');
  });

  it('explains a route leg, a dashed leg and a zone only when one is drawn', () => {
    const leg = data.legs.features.find((f) => !f.properties.unstated?.length)!.properties.id;
    const dashed = data.legs.features.find((f) => f.properties.unstated?.length)?.properties.id;
    const zone = data.places.features.find((f) => f.properties.precision === 'area')!.properties.id;
    expect(legendItems(data, createMap(['havana'])).map((i) => i.label)).toEqual(['Training site']);
    const labels = legendItems(data, createMap(['havana', zone], [leg, ...(dashed ? [dashed] : [])])).map((i) => i.label);
    expect(labels).toContain('Route leg (arrow: direction of travel)');
    expect(labels).toContain('Vague place: a zone, not a pin');
    if (dashed) expect(labels).toContain('Dashed leg: an end read from context');

  });

  it('keys a round trip as there and back, and only when one is drawn', () => {
    const roundTrip = data.legs.features.find((f) => f.properties.direction === 'round-trip')!.properties.id;
    const oneWay = data.legs.features.find((f) => f.properties.direction === 'directed' && !f.properties.unstated?.length)!.properties.id;
    expect(legendItems(data, createMap([], [roundTrip])).map((i) => i.label)).toEqual(['Round trip (arrowheads both ways): there and back, as the text says']);
    expect(legendItems(data, createMap([], [oneWay])).map((i) => i.label)).toEqual(['Route leg (arrow: direction of travel)']);
  });
});

describe('the figure of a journey step', () => {
  it('titles it with the journey and the step, and quotes the step’s passage', () => {
    const journey = data.journeys.find((j) => j.steps.some((s) => s.evidence))!;
    const step = journey.steps.findIndex((s) => s.evidence);
    const svg = createFigure({ selected: null, journey: { id: journey.id, step } });
    expect(joinLines(textLines(svg, 'title')[0]!.lines)).toBe(journey.name);
    expect(joinLines(textLines(svg, 'subtitle')[0]!.lines)).toMatch(new RegExp(`^Step ${step + 1} of ${journey.steps.length}: `));
    const documentById = (id: string) => data.documents.find((d) => d.id === id)!;
    expect(textLines(svg, 'footnote').map((t) => joinLines(t.lines))).toEqual(journey.steps[step]!.evidence!.map((e) => passageCitation(documentById(e.document), e)));
  });

  it('quotes each of a step’s legs’ passages once', () => {
    const journey = data.journeys.find((j) => j.steps.some((s) => s.legs.length > 1))!;
    const step = journey.steps.findIndex((s) => s.legs.length > 1);
    const subject = figureSubject(data, null, { id: journey.id, step });
    const texts = subject.groups.flatMap((g) => g.notes.map((n) => n.text));
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
    expect(subject.groups.flatMap((g) => g.notes.map((n) => n.number))).toEqual(texts.map((_, i) => i + 1));
  });
});

describe('the archive’s markup in a quote', () => {
  it('sets <sup> as a raised, smaller run and never prints the tag', () => {
    expect(quoteSegments('to President Dorticos.<sup>[1]</sup> In')).toEqual([
      { text: 'to President Dorticos.', sup: false },
      { text: '[1]', sup: true },
      { text: ' In', sup: false },
    ]);
    // A real passage of the corpus with its footnote marker quoted.
    const doc = data.documents.find((d) => d.body.includes('Dorticos.<sup>[1]</sup>'))!;
    const start = Array.from(doc.body).join('').indexOf('I gave both letters');
    const exact = 'I gave both letters to President Dorticos.<sup>[1]</sup>';
    const havana = data.places.features.find((f) => f.properties.id === 'havana')!;
    const withMarker: FigureData = {
      ...data,
      places: { ...data.places, features: [{ ...havana, properties: { ...havana.properties, evidence: [{ document: doc.id, role: 'context', exact, start, end: start + Array.from(exact).length }] } }] },
    };
    const svg = createFigure({ data: withMarker });
    expect(svg).not.toMatch(/&lt;\/?sup&gt;|<sup>/);
    expect(svg).toMatch(/<tspan dy="-[\d.]+" font-size="6.3">\[1\]<\/tspan>/);
    expect(joinLines(textLines(svg, 'footnote')[0]!.lines)).toBe(passageCitation(doc, { exact, start, end: start + Array.from(exact).length }));
  });
});

describe('line breaking', () => {
  it.each([
    ['one two three four five six seven', 60],
    ['a verylongwordthatdoesnotfitanywhere b', 40],
    ['single', 1000],
  ])('breaks %j at width %d only between words (or inside one too wide), losing nothing', (text, width) => {
    const lines = wrapWords(wordsOf([{ text, sup: false }]), width, 9);
    const rejoined = lines.reduce((all, l, i) => all + (i > 0 && !lines[i - 1]!.joined ? ' ' : '') + l.words.map((w) => w.map((s) => s.text).join('')).join(' '), '');
    expect(rejoined).toBe(text);
    for (const l of lines) expect(l.words.length === 1 || estimateWidth(l.words.map((w) => w.map((s) => s.text).join('')).join(' '), 9) <= width).toBe(true);
  });
});

describe('file names', () => {
  it.each([
    [{ kind: 'place' as const, id: 'havana' }, null, '.svg', 'archive-atlas-havana.svg'],
    [null, { id: 'outbound-via-mexico', step: 2 }, '-4x.png', 'archive-atlas-outbound-via-mexico-step-3-4x.png'],
    [null, null, '-2x.png', 'archive-atlas-map-2x.png'],
  ])('%j %j → %s', (selected, journey, suffix, name) => {
    expect(figureFileName(selected, journey, suffix)).toBe(name);
  });
});

it('names the document a passage cites when documents.json lacks it', () => {
  const broken: FigureData = { ...data, documents: data.documents.filter((d) => !data.places.features.find((f) => f.properties.id === 'havana')!.properties.documents.includes(d.id)) };
  expect(() => createFigure({ data: broken })).toThrow(/cites document "[a-z0-9-]+", which documents.json does not have/);
});
