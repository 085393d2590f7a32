import { preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import 'vitest';

declare module 'vitest' {
  interface ProvidedContext {
    baseURL: string;
  }
}

let server: PreviewServer | undefined;

/** Serves the production build (dist/, made by `npm run build`) on 127.0.0.1 for the browser tests. */
export async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: the browser tests run against the production build; run "npm run build" first (npm test does).');
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  project.provide('baseURL', url);
}

export async function teardown() {
  await server?.close();
}
