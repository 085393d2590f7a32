import { CorpusError } from './errors.ts';

/**
 * Characters no curator text may hold: C0 and C1 control characters other than tab and line feed (a carriage return
 * only before a line feed, as in a file saved with Windows line ends), and UTF-16 surrogates without their other
 * half. None shows on screen, a saved SVG figure holding one does not open ("Invalid character U+0002"), and a lone
 * surrogate is not a character at all: the CSV writes it as U+FFFD while the GeoJSON keeps it.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** In a parsed value line ends are "\n" already: a carriage return there was written as an escape. */
const FORBIDDEN_IN_VALUE = new RegExp(`${FORBIDDEN.source}|\\r`);

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first forbidden character of `text` and what to call it, or undefined. */
export function forbiddenCharacter(text: string, pattern = FORBIDDEN): { index: number; what: string } | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0);
  const what = code >= 0xd800 && code <= 0xdfff ? `half of a UTF-16 surrogate pair (${hex(code)}) without its other half` : `the control character ${hex(code)}`;
  return { index: m.index, what };
}

const FIX = 'such characters do not show on screen and break the saved figure; delete it (an editor that shows invisible characters helps), or write the character meant';

/** Refuses a file's text holding a forbidden character, naming the file and the line (counted from `lineOffset` + 1). */
export function checkCuratorText(path: string, text: string, lineOffset = 0): void {
  const found = forbiddenCharacter(text);
  if (!found) return;
  const line = text.slice(0, found.index).split('\n').length + lineOffset;
  throw new CorpusError(path, line, `the text holds ${found.what}; ${FIX}`);
}

/**
 * Refuses parsed data (keys and values) holding a forbidden character, for what an escape wrote ("\x02", "\ud800")
 * rather than the file's own characters; `lineOf` places the value.
 */
export function checkCuratorData(path: string, data: unknown, lineOf: (at: Array<string | number>) => number | undefined): void {
  const walk = (value: unknown, at: Array<string | number>): void => {
    if (typeof value === 'string') {
      const found = forbiddenCharacter(value, FORBIDDEN_IN_VALUE);
      if (found) throw new CorpusError(path, lineOf(at), `${at.length ? `"${at.join('.')}" ` : ''}holds ${found.what}; ${FIX}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...at, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        walk(key, at);
        walk(item, [...at, key]);
      }
    }
  };
  walk(data, []);
}
