import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'svelte/compiler';

/**
 * Components whose words are not in the message files yet, while other work on them is under way: their keys
 * (header.*, map.*, kiosk.*) are in src/lib/i18n/en.ts and es.ts, ready to wire. Empty this list as each is done.
 */
const NOT_YET_TRANSLATED: string[] = [];

/** Attributes a user reads or hears. */
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext', 'aria-description', 'aria-roledescription']);
const hasLetters = (text: string) => /\p{L}/u.test(text);

interface Node {
  type: string;
  [key: string]: unknown;
}

/**
 * Words written into a component's markup instead of taken from `t(...)`: text with letters, spoken attributes
 * with literal values, and string literals shown by a `{…}` tag (`{playing ? 'Pause' : 'Play'}`) that are not
 * arguments of a call (a message key, `t('journey.play')`, is one).
 */
export function literalTexts(source: string): string[] {
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  const literalsShown = (expression: unknown) => {
    const walk = (node: unknown, inCall: boolean): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Node;
      if (n.type === 'Literal' && typeof n.value === 'string' && !inCall && hasLetters(n.value)) found.push(`{'${n.value}'}`);
      if (n.type === 'TemplateLiteral' && !inCall) for (const q of n.quasis as Array<{ value: { cooked: string } }>) if (hasLetters(q.value.cooked)) found.push(`{\`${q.value.cooked}\`}`);
      const call = n.type === 'CallExpression';
      for (const [key, value] of Object.entries(n)) {
        if (key === 'loc' || key === 'start' || key === 'end') continue;
        // The callee is code; the arguments of a call are keys or values, not shown as written.
        if (call && key === 'callee') continue;
        const nextInCall = inCall || (call && key === 'arguments');
        if (Array.isArray(value)) value.forEach((v) => walk(v, nextInCall));
        else walk(value, nextInCall);
      }
    };
    walk(expression, false);
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'Text' && typeof n.data === 'string' && hasLetters(n.data)) found.push(n.data.trim());
    if (n.type === 'ExpressionTag') literalsShown(n.expression);
    if (n.type === 'Attribute' && SPOKEN_ATTRIBUTES.has(n.name as string)) {
      const parts = (Array.isArray(n.value) ? n.value : [n.value]) as Node[];
      for (const part of parts) {
        if (part?.type === 'Text' && hasLetters(part.data as string)) found.push(`${String(n.name)}="${String(part.data)}"`);
        if (part?.type === 'ExpressionTag') literalsShown(part.expression);
      }
    }
    if (n.type === 'Attribute') return;
    for (const [key, value] of Object.entries(n)) {
      // Attributes other than the spoken ones (class, lang, data-testid, …) and the script and style are not shown.
      if (key === 'instance' || key === 'module' || key === 'css' || key === 'attributes' || key === 'expression') continue;
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
    if (Array.isArray(n.attributes)) (n.attributes as Node[]).filter((a) => a.type === 'Attribute').forEach(visit);
  };
  visit(ast.fragment);
  return found;
}

const components = readdirSync('src/ui').filter((f) => f.endsWith('.svelte'));
const literalsIn = (file: string) => literalTexts(readFileSync(`src/ui/${file}`, 'utf8'));

describe('words in the interface', () => {
  it.each(components.filter((f) => !NOT_YET_TRANSLATED.includes(f)))('%s takes every word it shows from the message files', (file) => {
    expect(literalsIn(file)).toEqual([]);
  });

  it.each(NOT_YET_TRANSLATED)('%s is still on the list of components not yet translated only while it has words of its own', (file) => {
    expect(literalsIn(file).length, `${file} shows no literal words any more: take it off NOT_YET_TRANSLATED`).toBeGreaterThan(0);
  });
});

describe('the literal-text scan', () => {
  it.each([
    ['<p>Hello</p>', ['Hello']],
    ['<button aria-label="Close">✕</button>', ['aria-label="Close"']],
    ['<input placeholder="Search places" />', ['placeholder="Search places"']],
    ["<button>{playing ? 'Pause' : 'Play'}</button>", ["{'Pause'}", "{'Play'}"]],
    ['<p>{`${n} steps`}</p>', ['{` steps`}']],
    ["<p>{t('journey.play')}</p><button aria-label={t('panel.close')} class=\"close\" lang=\"en\">✕</button>", []],
    ["<span>{t(`role.${r}`)} · {n}</span>", []],
    ['<script>const label = "not shown";</script><style>p { color: red; }</style><p>{label}</p>', []],
  ])('finds the literal words in %s', (source, expected) => {
    expect(literalTexts(source)).toEqual(expected);
  });
});
