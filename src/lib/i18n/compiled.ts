/**
 * The interface's messages, compiled (compile.ts). In Node (tests, scripts) every language is parsed here, once, and
 * is there from the start; in the built page this module is replaced (src/build/compiled-messages.ts): the default
 * language's ASTs come with the page, each other language is a chunk of its own, fetched when the page needs it.
 */
import type { CompiledMessage } from './compile.ts';
import { compileMessages } from './compile.ts';
import type { MessageKey } from './en.ts';
import { MESSAGES, type Locale } from './locales.ts';

export type CompiledTable = Record<MessageKey, CompiledMessage>;

const ALL = compileMessages(MESSAGES);

/** The languages whose messages are there without a fetch. */
export const PRELOADED: Partial<Record<Locale, CompiledTable>> = ALL;

/** A language's messages, fetched if the page did not bring them. */
export const loadCompiled = async (locale: Locale): Promise<CompiledTable> => ALL[locale];

/** Each language's name in itself ("English", "Español"): the language button shows the other's before loading it. */
export const LANGUAGE_NAMES: Record<Locale, string> = Object.fromEntries(Object.entries(MESSAGES).map(([locale, table]) => [locale, table['language.name']])) as Record<Locale, string>;
