import { appendFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Markup and script a hostile or careless source could carry; the atlas must show each as the characters it is. */
export const PAYLOADS = {
  img: '<img src=x onerror="window.__pwned=1;alert(1)">',
  svg: '<svg onload="alert(2)">',
  script: '<script>alert(3)</script>',
  link: '<a href="javascript:alert(4)">click</a>',
  svelte: "{@html '<img src=x onerror=alert(5)>'}",
  breakOut: '"><b>bold</b>',
  iframe: `'><iframe src="javascript:alert(6)"></iframe>`,
} as const;

export const HOSTILE = {
  documentId: 'hostile-payloads-1963',
  placeId: 'payload-town',
  /** A point in the open Pacific, clear of every other feature. */
  point: [-115, -5] as [number, number],
  placeName: `Payload Town ${PAYLOADS.img}`,
  title: `${PAYLOADS.script} Memo on Payload Town ${PAYLOADS.breakOut}`,
  routeName: `Lima to Payload Town ${PAYLOADS.svelte}`,
  note: `The memo says only ${PAYLOADS.svg}`,
  coordinateSource: `Made up for a test ${PAYLOADS.link}`,
  /** The claim's quote for the place. */
  quote: `The courier reached Payload Town ${PAYLOADS.img} in May 1963.`,
  /** A second passage carrying everything else. */
  contextQuote: `Training was held at ${PAYLOADS.svg} the farm; see ${PAYLOADS.link} and ${PAYLOADS.svelte} and ${PAYLOADS.breakOut} ${PAYLOADS.iframe}`,
  legQuote: 'The courier left Lima',
  /**
   * Characters outside the Basic Multilingual Plane, two UTF-16 units each, before the quotes: offsets counted in
   * one unit and read in the other put every highlight after them in the wrong place. The last ends exactly 31
   * units before the quote, so a 32-unit prefix cut in UTF-16 would start inside it, with a lone surrogate.
   */
  astral: '(𝔸𝔹 flight 🛩 by way of the island of Sal).',
};

/**
 * The bundled corpus plus one hostile document, added as geodata/CURATING.md says: a raw source, the document,
 * a place, claims and a route leg, with markup and script payloads in the text, title, metadata, names and quotes.
 * Returns the folder holding the copy (`<dir>/geodata`).
 */
export function createHostileCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
  const geodata = join(dir, 'geodata');
  cpSync('geodata', geodata, { recursive: true });
  const y = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
  const paragraphs = [
    `MEMORANDUM ${PAYLOADS.script} FOR THE RECORD`,
    `${HOSTILE.legQuote} in April 1963 ${HOSTILE.astral} ${HOSTILE.quote}`,
    HOSTILE.contextQuote,
  ];
  writeFileSync(join(geodata, 'sources', '999_hostile-payloads.txt'), ['Test Archive — Leave a comment', ...paragraphs, 'Share this page', ''].join('\n'));
  writeFileSync(
    join(geodata, 'documents', `${HOSTILE.documentId}.md`),
    [
      '---',
      `id: ${HOSTILE.documentId}`,
      `title: ${y(HOSTILE.title)}`,
      'date: "1963-05"',
      `originator: ${y(PAYLOADS.svg)}`,
      `recipient: ${y(PAYLOADS.breakOut)}`,
      `archive: ${y(PAYLOADS.link)}`,
      `recordId: ${y(PAYLOADS.svelte)}`,
      `citation: ${y(`Hostile memo ${PAYLOADS.iframe}, Test Archive.`)}`,
      'language: English',
      'source: 999_hostile-payloads.txt',
      `summary: ${y(`Made up for a test ${PAYLOADS.img}`)}`,
      '---',
      paragraphs.join('\n\n'),
      '',
    ].join('\n'),
  );
  appendFileSync(
    join(geodata, 'places.yaml'),
    [
      `- id: ${HOSTILE.placeId}`,
      `  name: ${y(HOSTILE.placeName)}`,
      '  aliases: ["Payload Town"]',
      '  kind: city',
      '  precision: point',
      `  point: [${HOSTILE.point.join(', ')}]`,
      `  source: ${y(HOSTILE.coordinateSource)}`,
      `  note: ${y(HOSTILE.note)}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(geodata, 'claims', `${HOSTILE.documentId}.yaml`),
    [
      `document: ${HOSTILE.documentId}`,
      'claims:',
      `  - place: ${HOSTILE.placeId}`,
      '    role: transit-hub',
      `    quote: { exact: ${y(HOSTILE.quote)} }`,
      '    period: { from: "1963-05", to: "1963-05" }',
      `  - place: ${HOSTILE.placeId}`,
      '    role: context',
      `    quote: { exact: ${y(HOSTILE.contextQuote)} }`,
      `    note: ${y(PAYLOADS.script)}`,
      '',
    ].join('\n'),
  );
  appendFileSync(
    join(geodata, 'routes.yaml'),
    [
      '- id: hostile-route',
      `  name: ${y(HOSTILE.routeName)}`,
      `  document: ${HOSTILE.documentId}`,
      '  legs:',
      '    - from: lima',
      `      to: ${HOSTILE.placeId}`,
      `      quote: { exact: ${y(HOSTILE.legQuote)} }`,
      // "The courier left Lima" does not say where to: the end is read from the next sentence, after the astral characters.
      '      unstated: [to]',
      `      context: [{ exact: ${y(HOSTILE.quote)} }]`,
      '',
    ].join('\n'),
  );
  return dir;
}
