import { describe, expect, it } from 'vitest';
import { resolveQuote } from '../../src/lib/corpus/quote.ts';

const body = 'Paris has emerged as the center of the network. Groups are sent from Cuba to Paris. Many go through Paris and Prague.';

describe('resolveQuote', () => {
  it.each([
    { name: 'a unique phrase', selector: { exact: 'center of the network' }, start: 25 },
    { name: 'a repeated phrase narrowed by its prefix', selector: { exact: 'Paris', prefix: 'through ' }, start: body.indexOf('Paris and') },
    { name: 'a repeated phrase narrowed by its suffix', selector: { exact: 'Paris', suffix: ' has' }, start: 0 },
  ])('finds $name', ({ selector, start }) => {
    expect(resolveQuote(body, selector)).toEqual({ ok: true, start, end: start + selector.exact.length });
  });

  it.each([
    { name: 'ambiguous', selector: { exact: 'Paris' }, message: 'quote "Paris" occurs 3 times; add a "prefix" or "suffix"' },
    { name: 'absent', selector: { exact: 'Madrid' }, message: 'quote "Madrid" not found in the document body' },
    { name: 'wrong prefix', selector: { exact: 'Paris', prefix: 'to the ' }, message: 'is in the text, but not with the given prefix/suffix' },
    { name: 'curly quotes', selector: { exact: 'Groups are sent from Cuba to Paris\u2019' }, message: 'not found' },
    { name: 'empty', selector: { exact: '  ' }, message: 'the quote is empty' },
  ])('refuses a quote that is $name', ({ selector, message }) => {
    const result = resolveQuote(body, selector);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(message);
  });

  it('suggests the nearest text for a quote with a typo', () => {
    const result = resolveQuote(body, { exact: 'Groups are sent from Cuba to Pariss' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('nearest text: "Groups are sent from Cuba to Paris.');
  });
});

describe('a quote that differs from the text only in ways the eye cannot see', () => {
  const text = 'The group met in Paris on 14 April. Café Nacional paid the fares. Co\u00adoperation was close.';
  it.each([
    {
      name: 'a zero-width space the curator pasted in',
      exact: 'met in\u200b Paris',
      message: 'differs from the document only by a zero-width space (U+200B) at character 7 of the quote, which the document does not have; copy the text exactly',
    },
    {
      name: 'a byte order mark at the start of the quote',
      exact: '\ufeffThe group met',
      message: 'differs from the document only by a byte order mark (U+FEFF) at character 1 of the quote, which the document does not have',
    },
    {
      name: 'a right-to-left mark and a word joiner',
      exact: 'on\u200f 14\u2060 April',
      message: 'differs from the document only by a right-to-left mark (U+200F) at character 3 of the quote, which the document does not have (and 1 more such difference)',
    },
    {
      name: 'a soft hyphen the document has and the quote leaves out',
      exact: 'Cooperation was close',
      message: 'differs from the document only by a soft hyphen (U+00AD) that the document has after character 2 of the quote; copy the text exactly',
    },
    {
      name: 'a no-break space where the text has a space',
      exact: 'in\u00a0Paris',
      message: 'differs from the document only by a space (U+0020) in the document where the quote has a no-break space (U+00A0), at character 3',
    },
    {
      name: 'an accent written as a combining mark (NFD) where the text has the composed letter (NFC)',
      exact: 'Cafe\u0301 Nacional',
      message: 'differs from the document only by Unicode normalisation: character 4, "e\u0301", is U+0065 U+0301 in the quote but U+00E9 in the document',
    },
    {
      name: 'a ligature (NFKC)',
      exact: 'paid the \ufb01ne',
      message: 'not found in the document body',
    },
  ])('says so for $name', ({ exact, message }) => {
    const result = resolveQuote(text, { exact });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(message);
  });

  it('points at a ligature the text spells out', () => {
    const result = resolveQuote('the first fine', { exact: 'the \ufb01rst' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('differs from the document only by Unicode normalisation (NFKC) from character 5 of the quote on');
  });
});
