/** The sites the benchmark serves: the app's production build and the two baseline pages, each with the same data. */
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { MAPLIBRE_CHUNK } from '../chunks.ts';
import { DATA_DIR } from '../../lib/atlas/contract.ts';

/** The app as `npm run build` makes it (the project's own Vite config), into a folder of the benchmark's. */
export async function buildApp(outDir: string): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir: resolve(outDir), emptyOutDir: true } });
}

/** src/bench/*.html: a bare MapLibre page, a Leaflet page and a bare tap page, with the app's derived data copied beside them. */
export async function buildBaselines(outDir: string, dataDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve('src/bench'),
    base: './',
    publicDir: false,
    build: {
      outDir: resolve(outDir),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        input: { maplibre: resolve('src/bench/maplibre.html'), leaflet: resolve('src/bench/leaflet.html'), tap: resolve('src/bench/tap.html') },
        output: { codeSplitting: { groups: [MAPLIBRE_CHUNK] } },
      },
    },
  });
  cpSync(dataDir, join(outDir, DATA_DIR), { recursive: true });
}

/** A copy of a built site with its data/ replaced (the app on a generated corpus). */
export function withData(siteDir: string, dataDir: string, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(siteDir, outDir, { recursive: true });
  rmSync(join(outDir, DATA_DIR), { recursive: true, force: true });
  cpSync(dataDir, join(outDir, DATA_DIR), { recursive: true });
}
