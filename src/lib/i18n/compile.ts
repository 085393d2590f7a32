/**
 * The messages parsed into ICU MessageFormat ASTs, ahead of use: at build time the page is given these (vite.config.ts,
 * the compiled-messages plugin) and so ships no ICU parser. Pure.
 */
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageKey } from './en.ts';
import type { Locale } from './locales.ts';

/** A message as the page formats it: its AST, or, for a message with no argument, the text itself (escapes undone). */
export type CompiledMessage = string | MessageFormatElement[];
export type CompiledMessages = Record<Locale, Record<MessageKey, CompiledMessage>>;

/** Parses as IntlMessageFormat itself would (`ignoreTag`, the language's own hour cycle). Throws on a malformed message, naming it. */
export function compileMessages(messages: Record<Locale, Record<MessageKey, string>>): CompiledMessages {
  const compileOne = (locale: Locale, key: string, source: string): CompiledMessage => {
    let ast: MessageFormatElement[];
    try {
      ast = parse(source, { ignoreTag: true, locale: new Intl.Locale(locale) });
    } catch (e) {
      throw new Error(`i18n: message "${key}" in src/lib/i18n/${locale}.ts is not valid ICU MessageFormat: ${(e as Error).message}`, { cause: e });
    }
    // Literal elements have type 0 (TYPE.literal).
    return ast.every((element) => element.type === 0) ? ast.map((element) => (element as { value: string }).value).join('') : ast;
  };
  return Object.fromEntries(
    Object.entries(messages).map(([locale, table]) => [locale, Object.fromEntries(Object.entries(table).map(([key, source]) => [key, compileOne(locale as Locale, key, source)]))]),
  ) as CompiledMessages;
}
