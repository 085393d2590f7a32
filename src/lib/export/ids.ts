/** Stable identifiers for what the atlas publishes, used across every export format. */
export const atlasUri = {
  place: (id: string) => `urn:archive-atlas:place:${id}`,
  leg: (id: string) => `urn:archive-atlas:leg:${id}`,
  document: (id: string) => `urn:archive-atlas:document:${id}`,
  annotation: (kind: 'claim' | 'leg', id: string) => `urn:archive-atlas:annotation:${kind}:${id}`,
};

/** Text on one line, as some schemas demand (LPF's "^(.*)$" does not match a newline). */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
