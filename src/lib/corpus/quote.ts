import type { QuoteSelector } from './types.ts';

export type QuoteResult =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: string };

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Straight quotes, plain dashes and single spaces: what a curator typing from a PDF often gets wrong. */
export function foldTypography(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ');
}

/** The longest start of `quote` that the body contains, with its surroundings: a hint for the fix. */
export function nearestText(body: string, quote: string): string | undefined {
  let lo = 0;
  let hi = quote.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (body.includes(quote.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  if (lo < 4) return undefined;
  const at = body.indexOf(quote.slice(0, lo));
  return body.slice(at, Math.min(body.length, at + quote.length + 20)).replace(/\s+/g, ' ');
}

/**
 * Finds the one place in `body` that a W3C-style text quote selects: `exact`, narrowed by the
 * text immediately before (`prefix`) and after (`suffix`) when `exact` alone occurs more than once.
 */
export function resolveQuote(body: string, selector: QuoteSelector): QuoteResult {
  const { exact, prefix = '', suffix = '' } = selector;
  if (exact.trim() === '') return { ok: false, reason: 'the quote is empty' };
  const candidates = allIndexes(body, exact).filter(
    (i) => body.slice(i - prefix.length, i) === prefix && body.startsWith(suffix, i + exact.length),
  );
  if (candidates.length === 1) {
    const start = candidates[0]!;
    return { ok: true, start, end: start + exact.length };
  }
  if (candidates.length > 1) {
    return {
      ok: false,
      reason: `quote "${exact}" occurs ${candidates.length} times; add a "prefix" or "suffix" (the words just before or after) to say which`,
    };
  }
  if (allIndexes(body, exact).length > 0) {
    return { ok: false, reason: `quote "${exact}" is in the text, but not with the given prefix/suffix; check them` };
  }
  const folded = foldTypography(body);
  if (folded.includes(foldTypography(exact))) {
    return {
      ok: false,
      reason: `quote "${exact}" differs from the text only in quotation marks, dashes or spaces; copy it exactly from the document body`,
    };
  }
  const near = nearestText(body, exact);
  return {
    ok: false,
    reason: `quote "${exact}" not found in the document body${near ? `; nearest text: "${near}"` : ''}`,
  };
}
