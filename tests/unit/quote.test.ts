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
