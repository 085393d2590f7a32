/** A document body cut into sentences, for the curator assistant (suggest.ts) and its evaluation. Pure. */

import { spanIndexAt } from './offsets.ts';

export interface Sentence {
  /** UTF-16 indexes into the body. */
  start: number;
  end: number;
  text: string;
  /** 0-based paragraph (paragraphs are separated by a blank line). */
  paragraph: number;
}

// A full stop after these is not a sentence's end: initials ("F. Castro", "N.S."), numbered paragraphs ("6."),
// and abbreviations of the period's papers.
const NOT_AN_END = /(?:^|[\s([])(?:\p{Lu}|(?:\p{Lu}\.)+\p{Lu}|\d{1,3}|No|Nos|Mr|Mrs|Dr|Gen|Col|Lt|Capt|Sr|Sra|St|p|pp|cf|vol|ca)$/u;

/** Sentences of a body: at ".", "!" or "?" before a capital, and at a line break after a heading-like line. */
export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const paragraphRe = /\n[ \t]*\n/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(body[start]!)) start++;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    if (end > start) out.push({ start, end, text: body.slice(start, end), paragraph });
  };
  const cutParagraph = (start: number, end: number) => {
    let sentenceStart = start;
    const text = body.slice(start, end);
    const boundary = /([.!?]["”’)\]]*)[ \t]+(?=["“([]?[\p{Lu}\d])|\n/gu;
    for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
      const at = start + m.index;
      if (m[0] === '\n') {
        // A wrapped line runs on; a heading, a date line or a line that ends a sentence does not.
        const line = body.slice(body.lastIndexOf('\n', at - 1) + 1, at);
        if (!(/[.!?:;"”)\]]$/.test(line.trimEnd()) || line.trim().length < 60)) continue;
        push(sentenceStart, at);
        sentenceStart = at + 1;
        continue;
      }
      if (NOT_AN_END.test(body.slice(sentenceStart, at))) continue;
      const end = at + m[1]!.length;
      push(sentenceStart, end);
      sentenceStart = end;
    }
    push(sentenceStart, end);
  };
  for (let m = paragraphRe.exec(body); m; m = paragraphRe.exec(body)) {
    cutParagraph(from, m.index);
    from = m.index + m[0].length;
    paragraph++;
  }
  cutParagraph(from, body.length);
  return out;
}

/** The index of the sentence that holds UTF-16 index `at` (the last one starting at or before it). */
export const sentenceAt = (sentences: readonly Sentence[], at: number): number => spanIndexAt(sentences, at);
