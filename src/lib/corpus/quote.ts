import type { QuoteSelector } from './types.ts';
import { textOffsets, type TextOffsets } from './offsets.ts';

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

/** Characters that take no room on screen, so a quote copied from a PDF or a web page can carry or lose them unseen. */
const INVISIBLE: Record<string, string> = {
  '\u00ad': 'soft hyphen',
  '\u061c': 'Arabic letter mark',
  '\u180e': 'Mongolian vowel separator',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\ufeff': 'byte order mark',
};
/** Spaces that look like the plain one. */
const SPACES: Record<string, string> = {
  ' ': 'space',
  '\u00a0': 'no-break space',
  '\u2007': 'figure space',
  '\u202f': 'narrow no-break space',
};

const codes = (s: string) => Array.from(s, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
const named = (c: string, names: Record<string, string>) => `${/^[aeiou]/.test(names[c]!) ? 'an' : 'a'} ${names[c]} (${codes(c)})`;

interface Cluster {
  text: string;
  /** Code points before it in its string. */
  at: number;
  /** What is left once invisible characters, look-alike spaces and Unicode normalisation (NFKC) are set aside. */
  key: string;
}

/** A string as base characters with their combining marks, each with its key. */
function clusters(s: string): Cluster[] {
  const out: Cluster[] = [];
  let at = 0;
  for (const [text] of s.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const key = text in INVISIBLE ? '' : text in SPACES ? ' ' : text.normalize('NFKC');
    out.push({ text, at, key });
    at += textOffsets(text).length;
  }
  return out;
}

/**
 * When `exact` is in `body` once invisible characters, look-alike spaces and Unicode normalisation are set aside:
 * the first such difference (and how many more), worded for a curator. Otherwise undefined.
 */
export function unicodeDifference(body: string, exact: string): string | undefined {
  const quote = clusters(exact);
  const text = clusters(body);
  const wanted = quote.map((c) => c.key).join('');
  if (wanted.trim() === '') return undefined;
  // Where each key starts in the joined keys of the body, to find the cluster a match begins at.
  let joined = '';
  const clusterAt = new Map<number, number>();
  text.forEach((c, i) => {
    if (c.key) clusterAt.set(joined.length, i);
    joined += c.key;
  });
  const found = joined.indexOf(wanted);
  let j = clusterAt.get(found);
  if (found === -1 || j === undefined) return undefined;

  const differences: string[] = [];
  for (let i = 0; i < quote.length; ) {
    const q = quote[i]!;
    const b = text[j];
    if (b && q.text === b.text) [i, j] = [i + 1, j + 1];
    else if (q.key === '') {
      differences.push(`${named(q.text, INVISIBLE)} at character ${q.at + 1} of the quote, which the document does not have`);
      i++;
    } else if (b && b.key === '') {
      differences.push(`${named(b.text, INVISIBLE)} that the document has after character ${q.at} of the quote`);
      j++;
    } else if (b && q.key === b.key && q.text in SPACES && b.text in SPACES) {
      differences.push(`${named(b.text, SPACES)} in the document where the quote has ${named(q.text, SPACES)}, at character ${q.at + 1}`);
      [i, j] = [i + 1, j + 1];
    } else if (b && q.key === b.key) {
      differences.push(`Unicode normalisation: character ${q.at + 1}, "${q.text}", is ${codes(q.text)} in the quote but ${codes(b.text)} in the document`);
      [i, j] = [i + 1, j + 1];
    } else {
      // A key that spans clusters (a ligature such as "ﬁ" against "fi"): no one character to point at.
      differences.push(`Unicode normalisation (NFKC) from character ${q.at + 1} of the quote on`);
      break;
    }
  }
  if (differences.length === 0) return undefined;
  const more = differences.length - 1;
  return `${differences[0]}${more ? ` (and ${more} more such difference${more === 1 ? '' : 's'})` : ''}`;
}

/**
 * Finds the one place in `body` that a W3C-style text quote selects: `exact`, narrowed by the
 * text immediately before (`prefix`) and after (`suffix`) when `exact` alone occurs more than once.
 * The offsets returned count code points, as every published offset does.
 */
export function resolveQuote(body: string, selector: QuoteSelector, offsets: TextOffsets = textOffsets(body)): QuoteResult {
  const { exact, prefix = '', suffix = '' } = selector;
  if (exact.trim() === '') return { ok: false, reason: 'the quote is empty' };
  const candidates = allIndexes(body, exact).filter(
    (i) => body.slice(i - prefix.length, i) === prefix && body.startsWith(suffix, i + exact.length),
  );
  if (candidates.length === 1) {
    const start = candidates[0]!;
    return { ok: true, start: offsets.toCodePoint(start), end: offsets.toCodePoint(start + exact.length) };
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
  const unicode = unicodeDifference(body, exact);
  if (unicode) {
    // The characters that cannot be seen are written out, so the message shows where they are.
    const shown = Array.from(exact, (c) => (c in INVISIBLE ? `<${codes(c)}>` : c)).join('');
    return { ok: false, reason: `quote "${shown}" differs from the document only by ${unicode}; copy the text exactly from the document body` };
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
