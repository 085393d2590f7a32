/**
 * `npm start`: serves the production build (dist/) on 127.0.0.1 with the project's static server, the same one the
 * kiosk uses, until stopped.
 * Usage: tsx src/build/serve.ts [--port 4173] [--host-name NAME]… [--site dist]
 */
import { parseArgs } from 'node:util';
import { parseCommandLine, serveSite, SITE_OPTIONS } from './serve-site.ts';

const values = parseCommandLine('start', 'npm start -- [--port 4173] [--host-name NAME]… [--site dist]', () => parseArgs({ options: SITE_OPTIONS }).values);
try {
  const { server } = await serveSite({
    site: values.site,
    port: Number(values.port ?? 4173),
    hostNames: values['host-name'],
    log: (line) => console.error(`start: ${line}`),
  });
  console.log(`start: serving ${server.url} (Ctrl+C to stop)`);
} catch (e) {
  console.error(`start: ${(e as Error).message}`);
  process.exit(1);
}
