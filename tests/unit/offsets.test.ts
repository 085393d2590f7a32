import { describe, expect, it } from 'vitest';
import { bodyOffsets, textOffsets } from '../../src/lib/corpus/offsets.ts';
import { splitParagraph } from '../../src/lib/corpus/passage.ts';
import { resolveQuote } from '../../src/lib/corpus/quote.ts';
import { findMentions } from '../../src/lib/corpus/mentions.ts';
import { parseDocumentFile } from '../../src/lib/corpus/documents.ts';
import { searchAtlas } from '../../src/lib/corpus/queries.ts';
import type { PlaceRecord } from '../../src/lib/corpus/types.ts';
import type { Atlas } from '../../src/lib/atlas/contract.ts';

// Published offsets count code points; these bodies have characters of two UTF-16 units (𝔸, emoji) before the words.
const body = 'Code 𝔸 and 🛩 first.\n\nThen 𝔹𝔹 to Paris, 😀 again Paris.';
const codePoints = Array.from(body);
const cpIndexOf = (s: string, from = 0) => Array.from(body.slice(0, body.indexOf(s, from))).length;
const createDoc = () => ({ body, paragraphs: [{ start: 0, end: 19 }, { start: 21, end: codePoints.length }] });
const paris = (): PlaceRecord => ({ id: 'paris', name: 'Paris', aliases: [], kind: 'city', precision: 'point', point: [2.35, 48.85], source: 'test' });

describe('code points ↔ UTF-16 for one body', () => {
  it('converts both ways around characters outside the BMP', () => {
    const offsets = textOffsets(body);
    expect(offsets.length).toBe(codePoints.length);
    expect(body.length - offsets.length).toBe(5); // five characters of two units each
    for (let cp = 0; cp <= codePoints.length; cp++) {
      expect(offsets.toCodePoint(offsets.toUtf16(cp))).toBe(cp);
      expect(offsets.slice(cp, cp + 3)).toBe(codePoints.slice(cp, cp + 3).join(''));
    }
    for (let u = 0; u <= body.length; u++) expect(offsets.toCodePoint(u), `unit ${u}`).toBe([...body.slice(0, u)].length);
  });

  it('is the identity on text with no surrogates, and clamps out-of-range offsets as slice() does', () => {
    const offsets = textOffsets('plain text');
    expect([offsets.toUtf16(4), offsets.toCodePoint(4), offsets.toUtf16(99), offsets.toCodePoint(-3)]).toEqual([4, 4, 10, 0]);
    expect(textOffsets(body).toUtf16(999)).toBe(body.length);
  });

  it('counts a lone surrogate as one code point, as Array.from does', () => {
    const broken = 'a\ud835b\udd38c';
    expect(textOffsets(broken).length).toBe(Array.from(broken).length);
    expect(textOffsets(broken).slice(1, 3)).toBe('\ud835b');
  });

  it('keeps one table per document, made again only if its body changes', () => {
    const doc = { body };
    expect(bodyOffsets(doc)).toBe(bodyOffsets(doc));
    const changed = { body };
    const first = bodyOffsets(changed);
    changed.body = 'other 𝔸';
    expect(bodyOffsets(changed)).not.toBe(first);
    expect(bodyOffsets(changed).length).toBe(7);
  });
});

describe('offsets in code points across the corpus library', () => {
  it('resolves a quote after astral characters to code-point offsets', () => {
    const result = resolveQuote(body, { exact: 'Paris', prefix: 'to ' });
    expect(result).toEqual({ ok: true, start: cpIndexOf('Paris'), end: cpIndexOf('Paris') + 5 });
    if (result.ok) expect(codePoints.slice(result.start, result.end).join('')).toBe('Paris');
  });

  it('highlights the quoted words in the reader, not words shifted by the astral characters before them', () => {
    const doc = createDoc();
    const start = cpIndexOf('Paris, ');
    const runs = splitParagraph(doc, doc.paragraphs[1]!, [{ start, end: start + 5 }]);
    expect(runs).toEqual([
      { text: 'Then 𝔹𝔹 to ', marked: false },
      { text: 'Paris', marked: true },
      { text: ', 😀 again Paris.', marked: false },
    ]);
    expect(splitParagraph(doc, doc.paragraphs[0]!, [])).toEqual([{ text: 'Code 𝔸 and 🛩 first.', marked: false }]);
  });

  it('gives document paragraphs and place mentions in code points', () => {
    const doc = parseDocumentFile('documents/d.md', `---\nid: d\ntitle: T\ndate: "1963"\noriginator: O\narchive: A\ncitation: C\nlanguage: English\nsource: s.txt\n---\n${body}\n`);
    expect(doc.paragraphs).toEqual(createDoc().paragraphs);
    const mentions = findMentions(body, [paris()]);
    expect(mentions.map((m) => codePoints.slice(m.start, m.end).join(''))).toEqual(['Paris', 'Paris']);
    expect(mentions[1]!.start).toBe(cpIndexOf('Paris.'));
  });

  it('finds passages by search at code-point offsets', () => {
    const atlas = { places: { type: 'FeatureCollection', features: [] }, legs: { type: 'FeatureCollection', features: [] }, documents: [{ ...createDoc(), id: 'd', title: 'T', mentions: [] }] };
    const [hit] = searchAtlas(atlas as unknown as Pick<Atlas, 'places' | 'legs' | 'documents'>, 'again paris');
    expect(hit).toMatchObject({ kind: 'passage', start: cpIndexOf('again'), end: cpIndexOf('again') + 11 });
    if (hit?.kind === 'passage') expect(codePoints.slice(hit.start, hit.end).join('')).toBe('again Paris');
  });
});
