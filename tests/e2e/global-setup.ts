import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import 'vitest';
import { serveSite } from '../../src/build/serve-site.ts';
import type { StaticServer } from '../../src/build/static-server.ts';

declare module 'vitest' {
  interface ProvidedContext {
    baseURL: string;
  }
}

let server: StaticServer | undefined;

/** Serves the production build (dist/, made by `npm run build`) on 127.0.0.1 for the browser tests, as `npm start` does. */
export async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: the browser tests run against the production build; run "npm run build" first (npm test does).');
  ({ server } = await serveSite({ site: 'dist', port: 0, hostNames: [], log: (line) => console.error(`browser tests: ${line}`) }));
  project.provide('baseURL', server.url);
}

export async function teardown() {
  await server?.close();
}
