/**
 * Line breaking for the figure. SVG has no text wrapping, so lines are broken by width: measured in the browser
 * (the caller passes a canvas measure), otherwise estimated from Helvetica's advance widths widened to the wider of
 * Noto Sans and the common fallbacks, so a line estimated to fit fits in any of them.
 */

/** A piece of a word: a superscript (the archive's footnote marker) is set smaller and raised. */
export interface Segment {
  text: string;
  sup: boolean;
}
/** The words of a text, split only at spaces: lines joined again with one space give the text back exactly. */
export type Word = Segment[];

/** Width of `text` set at `size` in the figure's units (pt). */
export type Measure = (text: string, size: number, bold?: boolean) => number;

/** Superscripts are set at this fraction of the line's size. */
export const SUP_SCALE = 0.7;

// Helvetica advance widths (1/1000 em) for U+0020–U+007E.
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
  778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
  278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];
/** Noto Sans and DejaVu Sans run up to about this much wider than Helvetica. */
const WIDEST_FALLBACK = 1.18;
const BOLD = 1.07;

export const estimateWidth: Measure = (text, size, bold = false) => {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const ascii = code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32] : undefined;
    // Accented letters are as wide as their base letter; dashes, quotes and the rest about an average capital.
    const base = ascii ?? ASCII_WIDTHS[(ch.normalize('NFD').codePointAt(0) ?? 65) - 32] ?? 650;
    units += base;
  }
  return (units / 1000) * size * WIDEST_FALLBACK * (bold ? BOLD : 1);
};

/** Words from segments of text: a space (in or out of a superscript) ends a word and is not kept. */
export function wordsOf(segments: readonly Segment[]): Word[] {
  const words: Word[] = [[]];
  for (const segment of segments) {
    const parts = segment.text.split(' ');
    parts.forEach((part, i) => {
      if (i > 0) words.push([]);
      if (part) words[words.length - 1]!.push({ text: part, sup: segment.sup });
    });
  }
  return words;
}

export const wordWidth = (word: Word, size: number, measure: Measure, bold = false) =>
  word.reduce((w, s) => w + measure(s.text, s.sup ? size * SUP_SCALE : size, bold), 0);

/**
 * Words into lines no wider than `maxWidth`, breaking only between words. A word wider than a whole line (a long
 * address) is cut where it must, so nothing runs off the page; such a line is marked `joined` (no space before the next).
 */
export function wrapWords(words: readonly Word[], maxWidth: number, size: number, measure: Measure = estimateWidth, bold = false): Array<{ words: Word[]; joined: boolean }> {
  const lines: Array<{ words: Word[]; joined: boolean }> = [];
  const space = measure(' ', size, bold);
  let line: Word[] = [];
  let width = 0;
  const flush = (joined = false) => {
    lines.push({ words: line, joined });
    line = [];
    width = 0;
  };
  for (const word of words) {
    const w = wordWidth(word, size, measure, bold);
    if (line.length && width + space + w > maxWidth) flush();
    if (!line.length && w > maxWidth) {
      for (const piece of cutWord(word, maxWidth, size, measure, bold)) {
        if (line.length) flush(true);
        line = [piece];
        width = wordWidth(piece, size, measure, bold);
      }
      continue;
    }
    width += (line.length ? space : 0) + w;
    line.push(word);
  }
  if (line.length || !lines.length) flush();
  return lines;
}

function cutWord(word: Word, maxWidth: number, size: number, measure: Measure, bold: boolean): Word[] {
  const chars = word.flatMap((s) => Array.from(s.text, (text) => ({ text, sup: s.sup })));
  const pieces: Word[] = [];
  let piece: Segment[] = [];
  let width = 0;
  for (const c of chars) {
    const w = measure(c.text, c.sup ? size * SUP_SCALE : size, bold);
    if (piece.length && width + w > maxWidth) {
      pieces.push(piece);
      piece = [];
      width = 0;
    }
    const last = piece[piece.length - 1];
    if (last && last.sup === c.sup) last.text += c.text;
    else piece.push({ ...c });
    width += w;
  }
  if (piece.length) pieces.push(piece);
  return pieces;
}
