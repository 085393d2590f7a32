/**
 * Build only: the interface's messages reach the page as ICU ASTs compiled here (src/lib/i18n/compile.ts), and
 * intl-messageformat's parser is swapped for the formatjs parser's own no-parser entry, so the ICU parser is not shipped.
 * The default language's messages come with the first view; every other language's are a chunk of their own, loaded
 * when the page switches to it (issue 27: a Spanish table the English page never shows was a twelfth of its own JS).
 * A message that does not parse stops the build, naming it. Node (tests, scripts) keeps parsing at load time.
 */
import type { Plugin } from 'vite';
import { compileMessages } from '../lib/i18n/compile.ts';
import { DEFAULT_LOCALE, LOCALES, MESSAGES, type Locale } from '../lib/i18n/locales.ts';

const PARSER = '@formatjs/icu-messageformat-parser';
const COMPILED_MODULE = /[\\/]src[\\/]lib[\\/]i18n[\\/]compiled\.ts$/;
/** One virtual module per language: `import()`ed, each becomes its own chunk. */
const LANGUAGE_MODULE = 'virtual:atlas-messages/';
const RESOLVED_LANGUAGE_MODULE = '\0atlas-messages-';

export function compiledMessages(): Plugin {
  let compiled: ReturnType<typeof compileMessages> | undefined;
  const table = (locale: Locale) => (compiled ??= compileMessages(MESSAGES))[locale];
  return {
    name: 'compiled-messages',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source.startsWith(LANGUAGE_MODULE)) return RESOLVED_LANGUAGE_MODULE + source.slice(LANGUAGE_MODULE.length);
      if (source !== PARSER) return null;
      return this.resolve(`${PARSER}/no-parser.js`, importer, { skipSelf: true });
    },
    load(id) {
      if (id.startsWith(RESOLVED_LANGUAGE_MODULE)) return `export default ${JSON.stringify(table(id.slice(RESOLVED_LANGUAGE_MODULE.length) as Locale))};\n`;
      if (!COMPILED_MODULE.test(id)) return null;
      const loaders = LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((l) => `  ${JSON.stringify(l)}: () => import(${JSON.stringify(LANGUAGE_MODULE + l)}),`);
      return [
        `export const PRELOADED = { ${JSON.stringify(DEFAULT_LOCALE)}: ${JSON.stringify(table(DEFAULT_LOCALE))} };`,
        `const LOADERS = {\n${loaders.join('\n')}\n};`,
        `export const loadCompiled = async (locale) => PRELOADED[locale] ?? (await LOADERS[locale]()).default;`,
        `export const LANGUAGE_NAMES = ${JSON.stringify(Object.fromEntries(LOCALES.map((l) => [l, MESSAGES[l]['language.name']])))};`,
        '',
      ].join('\n');
    },
  };
}
