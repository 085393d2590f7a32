/**
 * Build only: the interface's messages reach the page as ICU ASTs compiled here (src/lib/i18n/compile.ts), and
 * intl-messageformat's parser is swapped for the formatjs parser's own no-parser entry, so the ICU parser is not shipped.
 * A message that does not parse stops the build, naming it. Node (tests, scripts) keeps parsing at load time.
 */
import type { Plugin } from 'vite';
import { compileMessages } from '../lib/i18n/compile.ts';
import { MESSAGES } from '../lib/i18n/locales.ts';

const PARSER = '@formatjs/icu-messageformat-parser';
const COMPILED_MODULE = /[\\/]src[\\/]lib[\\/]i18n[\\/]compiled\.ts$/;

export function compiledMessages(): Plugin {
  return {
    name: 'compiled-messages',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== PARSER) return null;
      return this.resolve(`${PARSER}/no-parser.js`, importer, { skipSelf: true });
    },
    load(id) {
      if (!COMPILED_MODULE.test(id)) return null;
      return `export const COMPILED = ${JSON.stringify(compileMessages(MESSAGES))};\n`;
    },
  };
}
