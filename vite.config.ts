import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { SECURITY_HEADERS, metaContentSecurityPolicy } from './src/build/security-headers.ts';
import { MAPLIBRE_CHUNK, SHARED_SMALL_CHUNK } from './src/build/chunks.ts';
import { noHiddenPublicFiles } from './src/build/public-files.ts';
import { compiledMessages } from './src/build/compiled-messages.ts';
import { firstViewPicture } from './src/build/first-view-svg.ts';

// The built page carries its policy too, for static hosts that send no headers: right after the charset, before any
// script or stylesheet (a meta policy governs only what follows it). Build only: the dev server injects inline styles.
const cspMeta = (): Plugin => ({
  name: 'csp-meta',
  apply: 'build',
  transformIndexHtml(html) {
    const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
    if (!charset) throw new Error('csp-meta: src/index.html needs <meta charset="UTF-8" /> first in <head>; the policy goes right after it');
    const at = charset.index + charset[0].length;
    return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}" />${html.slice(at)}`;
  },
});

// The app lives in src/ (index.html included); static/ is copied as is, with the derived data in static/data/,
// less any hidden file or folder.
/** The unit tests: Node, the real atlas derived once for the run. */
const UNIT = { include: ['tests/unit/**/*.test.ts'], environment: 'node' as const, testTimeout: 30_000, hookTimeout: 60_000, globalSetup: ['tests/helpers/real-atlas-setup.ts'] };
/**
 * Unit files that replace modules or globals (vi.mock, vi.doMock, vi.hoisted, vi.stubGlobal, vi.resetModules): a shared
 * module graph would hand them the real ones. Found by reading the files, so a new one cannot be forgotten here.
 */
const MOCKING_UNIT_FILES = readdirSync('tests/unit')
  .filter((f) => f.endsWith('.test.ts') && /\bvi\.(mock|doMock|hoisted|stubGlobal|resetModules)\(/.test(readFileSync(`tests/unit/${f}`, 'utf8')))
  .map((f) => `tests/unit/${f}`);

export default defineConfig({
  root: 'src',
  publicDir: '../static',
  base: './',
  plugins: [compiledMessages(), svelte(), cspMeta(), firstViewPicture(), noHiddenPublicFiles()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { codeSplitting: { groups: [MAPLIBRE_CHUNK, SHARED_SMALL_CHUNK] } } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
  test: {
    root: '.',
    // Two files at a time, one a core (Vitest's default here would be one: the cores less one). One browser file alone
    // leaves a core idle while its page waits; with two, the browser tests took 6 min 21 s instead of 8 min 59 s here.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // The unit files share their imports (isolate: false): each file importing the corpus, YAML, NLP and i18n
        // modules afresh cost the run about 27 s of CPU, a tenth of CI's time. Files that mock modules (vi.mock)
        // need their own module graph, and run isolated below.
        test: { ...UNIT, name: 'unit', exclude: MOCKING_UNIT_FILES, isolate: false },
      },
      {
        extends: true,
        test: { ...UNIT, name: 'unit-mocking', include: MOCKING_UNIT_FILES },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits for what a tap or key shows; Vitest's default second is a timing test in disguise when two
          // files share two cores with software WebGL. How fast it shows is the bench's to measure.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
