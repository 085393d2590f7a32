/** Stable identifiers for what the atlas publishes, used across every export format. */
export const atlasUri = {
  place: (id: string) => `urn:archive-atlas:place:${id}`,
  leg: (id: string) => `urn:archive-atlas:leg:${id}`,
  document: (id: string) => `urn:archive-atlas:document:${id}`,
  annotation: (kind: 'claim' | 'leg', id: string) => `urn:archive-atlas:annotation:${kind}:${id}`,
};

/** Text on one line, as some schemas demand (LPF's "^(.*)$" does not match a newline). */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** W3C selectors count characters (code points); JavaScript strings count UTF-16 units. */
export const codePointOffset = (text: string, utf16Offset: number) => [...text.slice(0, utf16Offset)].length;
