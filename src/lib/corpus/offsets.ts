/**
 * Every offset the atlas publishes (evidence, paragraphs, mentions, annotations, CSV) counts Unicode code points,
 * as W3C's TextPositionSelector, Python and most tools do; JavaScript strings index UTF-16 units, which differ
 * after any character outside the Basic Multilingual Plane (an emoji, 𝔸). These convert between the two for one text.
 */
export interface TextOffsets {
  /** The text's length in code points. */
  readonly length: number;
  /** Code points before UTF-16 index `utf16`, as `[...text.slice(0, utf16)].length` counts them. */
  toCodePoint(utf16: number): number;
  /** The UTF-16 index where code point `codePoint` starts (the text's end past its last). */
  toUtf16(codePoint: number): number;
  /** The code points from `start` to `end`, as `Array.from(text).slice(start, end).join('')`. */
  slice(start: number, end?: number): string;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(max, Math.trunc(n)));
const SURROGATE = /[\ud800-\udfff]/;

export function textOffsets(text: string): TextOffsets {
  if (!SURROGATE.test(text)) {
    // The usual case: one unit per code point, so nothing to convert or store.
    return {
      length: text.length,
      toCodePoint: (utf16) => clamp(utf16, text.length),
      toUtf16: (codePoint) => clamp(codePoint, text.length),
      slice: (start, end = text.length) => text.slice(clamp(start, text.length), clamp(end, text.length)),
    };
  }
  const utf16Of: number[] = []; // where each code point starts
  const codePointOf = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    codePointOf[i] = utf16Of.length;
    utf16Of.push(i);
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      codePointOf[i + 1] = utf16Of.length; // inside a pair: what follows the lone high surrogate a cut leaves
      i++;
    }
  }
  codePointOf[text.length] = utf16Of.length;
  const length = utf16Of.length;
  utf16Of.push(text.length);
  const toUtf16 = (codePoint: number) => utf16Of[clamp(codePoint, length)]!;
  return {
    length,
    toCodePoint: (utf16) => codePointOf[clamp(utf16, text.length)]!,
    toUtf16,
    slice: (start, end = length) => text.slice(toUtf16(start), toUtf16(end)),
  };
}

// The app slices the same few bodies on every render: each document's table is made once.
const cached = new WeakMap<object, { body: string; offsets: TextOffsets }>();

/** `textOffsets` of a document's body, kept with the document. */
export function bodyOffsets(doc: { readonly body: string }): TextOffsets {
  const hit = cached.get(doc);
  if (hit?.body === doc.body) return hit.offsets;
  const offsets = textOffsets(doc.body);
  cached.set(doc, { body: doc.body, offsets });
  return offsets;
}

/**
 * The index of the span that holds `offset` among spans in document order (paragraphs, sentences): the last one that
 * starts at or before it, found by halving.
 */
export function spanIndexAt(spans: ReadonlyArray<{ start: number }>, offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
