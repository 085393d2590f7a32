/**
 * Does every character the site shows have a font? The page loads Noto Sans in subsets (src/ui/fonts.css), each
 * face fetched only for the characters its unicode-range names; a character no loaded face has falls to whatever
 * the system has, or to a blank box. These read the faces and their files and list what nothing covers, by place.
 * Node only (tests/unit/fonts.test.ts), so the check runs on the text the build publishes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

export type CodeRange = [number, number];

export interface FontFace {
  weight: number;
  /** The src url as written (a package path, e.g. "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2"). */
  src: string;
  ranges: CodeRange[];
}

/** "U+0100-02BA, U+2020" → [[0x100, 0x2ba], [0x2020, 0x2020]]. */
export function parseUnicodeRange(value: string): CodeRange[] {
  return value.split(',').map((part) => {
    const m = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!m) throw new Error(`unicode-range: cannot read "${part.trim()}" (expected U+XXXX or U+XXXX-YYYY)`);
    const from = parseInt(m[1]!, 16);
    return [from, m[2] ? parseInt(m[2], 16) : from];
  });
}

/** The @font-face rules of a stylesheet: weight, first src url, unicode-range (all of Unicode when there is none). */
export function parseFontFaces(css: string): FontFace[] {
  return [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const descriptor = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(body!)?.[1]?.trim();
    const src = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(descriptor('src') ?? '')?.[1];
    if (!src) throw new Error(`@font-face without a url() in its src: ${body!.trim().slice(0, 80)}`);
    const range = descriptor('unicode-range');
    return { weight: Number(descriptor('font-weight') ?? 400), src, ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]] };
  });
}

export const inRanges = (codePoint: number, ranges: CodeRange[]) => ranges.some(([a, b]) => codePoint >= a && codePoint <= b);

/**
 * The characters a WOFF 1 font maps to a glyph (its cmap: format 4 or 12). fontsource ships each subset as .woff
 * beside the .woff2 the page loads, made from the same subset; WOFF 1 needs only zlib to read.
 */
export function woffCharacters(woff: Uint8Array): Set<number> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1 file (no "wOFF" signature)');
  const numTables = view.getUint16(12);
  let cmap: DataView | undefined;
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    if (view.getUint32(at) !== 0x636d6170) continue; // 'cmap'
    const [offset, compLength, origLength] = [view.getUint32(at + 4), view.getUint32(at + 8), view.getUint32(at + 12)];
    const stored = woff.subarray(offset, offset + compLength);
    const table = compLength < origLength ? inflateSync(stored) : stored;
    cmap = new DataView(table.buffer, table.byteOffset, table.byteLength);
  }
  if (!cmap) throw new Error('the font has no cmap table');
  const chars = new Set<number>();
  const records = cmap.getUint16(2);
  for (let r = 0; r < records; r++) {
    const sub = cmap.getUint32(4 + r * 8 + 4);
    const format = cmap.getUint16(sub);
    if (format === 4) {
      const segments = cmap.getUint16(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const [start, end, delta, rangeOffset] = [cmap.getUint16(starts + s * 2), cmap.getUint16(ends + s * 2), cmap.getInt16(deltas + s * 2), cmap.getUint16(rangeOffsets + s * 2)];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph = rangeOffset === 0 ? (c + delta) & 0xffff : cmap.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          if (rangeOffset !== 0 && glyph !== 0) glyph = (glyph + delta) & 0xffff;
          if (glyph !== 0) chars.add(c);
        }
      }
    } else if (format === 12) {
      const groups = cmap.getUint32(sub + 12);
      for (let g = 0; g < groups; g++) {
        const at = sub + 16 + g * 12;
        const [start, end, glyph] = [cmap.getUint32(at), cmap.getUint32(at + 4), cmap.getUint32(at + 8)];
        for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) chars.add(c);
      }
    }
  }
  return chars;
}

const require = createRequire(import.meta.url);

/** A face's WOFF 1 sibling, resolved like the page's bundler resolves the .woff2 (a package path). */
export function faceCharacters(face: FontFace): Set<number> {
  return woffCharacters(readFileSync(require.resolve(face.src.replace(/\.woff2$/, '.woff'))));
}

/** One piece of text the site shows, and where it comes from ("documents.json [2].archive", "src/ui/App.svelte"). */
export interface ShownText {
  where: string;
  text: string;
}

/** Every string in a JSON value, with its path. */
export function jsonTexts(file: string, value: unknown, path = ''): ShownText[] {
  if (typeof value === 'string') return [{ where: `${file} ${path || '(the whole file)'}`, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonTexts(file, v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonTexts(file, v, path ? `${path}.${k}` : k));
  return [];
}

export interface Uncovered {
  char: string;
  codePoint: string;
  weight: number;
  /** The first few places it occurs. */
  where: string[];
}

/**
 * Characters in the texts that no face of the weight both claims (unicode-range) and has (cmap), and that are not
 * among those left on purpose to the system's fonts. Control characters (line breaks, tabs) need no glyph.
 */
export function uncoveredCharacters(texts: ShownText[], faces: Array<FontFace & { chars: Set<number> }>, weight: number, systemFallback: ReadonlySet<string>): Uncovered[] {
  const ofWeight = faces.filter((f) => f.weight === weight);
  const found = new Map<string, string[]>();
  for (const { where, text } of texts) {
    for (const char of new Set(text)) {
      if (/\p{Cc}/u.test(char) || systemFallback.has(char)) continue;
      const cp = char.codePointAt(0)!;
      if (ofWeight.some((f) => inRanges(cp, f.ranges) && f.chars.has(cp))) continue;
      const places = found.get(char) ?? [];
      if (places.length < 3) places.push(where);
      found.set(char, places);
    }
  }
  return [...found].map(([char, where]) => ({ char, codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, weight, where }));
}

/** How a test or a check says it: the character, its code point, where it occurs, and what to do. */
export function describeUncovered(list: Uncovered[]): string {
  return list
    .map(
      (u) =>
        `"${u.char}" (${u.codePoint}) has no loaded Noto Sans ${u.weight} glyph; it occurs in ${u.where.join('; ')}. ` +
        'Add the fontsource subset that has it to src/ui/fonts.css (with its unicode-range), or, if the system font is good enough for it, to SYSTEM_FALLBACK in tests/unit/fonts.test.ts with the reason.',
    )
    .join('\n');
}
