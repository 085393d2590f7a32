/** Stable identifiers for what the atlas publishes, used across every export format. */
export const atlasUri = {
  place: (id: string) => `urn:archive-atlas:place:${id}`,
  leg: (id: string) => `urn:archive-atlas:leg:${id}`,
  document: (id: string) => `urn:archive-atlas:document:${id}`,
  annotation: (kind: 'claim' | 'leg', id: string) => `urn:archive-atlas:annotation:${kind}:${id}`,
};

/** Text on one line, as some schemas demand (LPF's "^(.*)$" does not match a newline). */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * W3C selectors count characters (code points); JavaScript strings count UTF-16 units. Counts as
 * `[...text.slice(0, utf16Offset)].length` does (a surrogate pair is one, a lone surrogate one), without
 * copying the text: it is called for every passage.
 */
export function codePointOffset(text: string, utf16Offset: number): number {
  const end = utf16Offset < 0 ? Math.max(0, text.length + utf16Offset) : Math.min(utf16Offset, text.length); // as slice() reads it
  let count = 0;
  for (let i = 0; i < end; i++, count++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}
