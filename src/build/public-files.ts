import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Hidden files and folders under `dir` (".DS_Store", ".data.staging-123/"), as paths relative to it. */
export function hiddenEntries(dir: string, under = ''): string[] {
  if (!existsSync(join(dir, under))) return [];
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) return [path];
    return entry.isDirectory() ? hiddenEntries(dir, path) : [];
  });
}

/**
 * Vite copies static/ into the build whole, hidden entries included: a staging folder that a killed derive left
 * there would be served with the site. This takes every hidden file and folder of static/ back out of the build.
 */
export function noHiddenPublicFiles(): Plugin {
  let publicDir = '';
  let outDir = '';
  return {
    name: 'no-hidden-public-files',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      if (!publicDir) return;
      const hidden = hiddenEntries(publicDir);
      for (const path of hidden) rmSync(join(outDir, path), { recursive: true, force: true });
      if (hidden.length > 0) {
        const where = relative(process.cwd(), publicDir) || '.';
        this.warn(`left out of the build, as hidden files are never published: ${hidden.map((p) => `${where}/${p}`).join(', ')}`);
      }
    },
  };
}
