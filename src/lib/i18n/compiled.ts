/**
 * The interface's messages, compiled (compile.ts). In Node (tests, scripts) they are parsed here, once; in the built
 * page this module is replaced by its result, the ASTs as data (vite.config.ts, the compiled-messages plugin).
 */
import { compileMessages } from './compile.ts';
import { MESSAGES } from './locales.ts';

export const COMPILED = compileMessages(MESSAGES);
