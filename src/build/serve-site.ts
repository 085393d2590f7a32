/** What `npm start` (serve.ts) and `npm run kiosk` (kiosk.ts) share: the built site, its checked kiosk configuration, the static server. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_KIOSK_CONFIG, type KioskConfig } from '../lib/kiosk/config.ts';
import { DATA_DIR, PUBLISHED_FILES, type PublishedFile } from '../lib/atlas/contract.ts';
import { readSiteData, siteDataPath } from './site-data.ts';
import { parseKioskConfig } from '../lib/kiosk/validate-config.ts';
import { takeHomeLink, type TakeHomeTarget } from '../lib/kiosk/take-home.ts';
import { startStaticServer, type StaticServer, type VisitIds } from './static-server.ts';
import { VisitLogFile, type VisitLogOptions } from './visit-log-file.ts';

/** The options both entry points take, besides their own. */
export const SITE_OPTIONS = {
  port: { type: 'string' },
  'host-name': { type: 'string', multiple: true, default: [] as string[] },
  site: { type: 'string', default: 'dist' },
} satisfies ParseArgsConfig['options'];

/** A DNS name (labels of letters, digits and inner hyphens): what a Host header may carry besides an IP. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Runs the entry point's parseArgs (given SITE_OPTIONS among its options) and checks the shared values; on a bad
 * command line, says what is wrong (no stack trace) and exits.
 */
export function parseCommandLine<T extends { port?: string; 'host-name': string[] }>(prefix: string, usage: string, parse: () => T): T {
  try {
    const values = parse();
    const bad = values['host-name'].find((name) => !HOST_NAME.test(name));
    if (bad !== undefined) throw new Error(`--host-name "${bad}" is not a host name (letters, digits, "-" and ".")`);
    if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) throw new Error(`--port "${values.port}" is not a port number`);
    return values;
  } catch (e) {
    console.error(`${prefix}: ${(e as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}

/** Where the technician edits the file the site carries: static/ for the project's own dist/, the folder itself otherwise. */
export function configLabel(site: string): string {
  return resolve(site) === resolve('dist') ? 'static/kiosk/config.json' : join(site, 'kiosk', 'config.json');
}

/**
 * The kiosk configuration of a built site (its `kiosk/config.json`, copied from static/kiosk/), checked against the
 * journeys the build derived. A missing file means the defaults; so does a refused one, with every problem named.
 */
export function readKioskConfig(site: string): { config: KioskConfig; problems: string[] } {
  const label = configLabel(site);
  let text: string;
  try {
    text = readFileSync(join(site, 'kiosk', 'config.json'), 'utf8');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { config: DEFAULT_KIOSK_CONFIG, problems: [`${label} ${missing ? 'is missing' : `could not be read (${(e as Error).message})`}; the defaults are used`] };
  }
  const journeysFile = siteDataPath(site, PUBLISHED_FILES.journeys);
  let journeys: string[] | undefined;
  const problems: string[] = [];
  try {
    journeys = readSiteData<Array<{ id: string }>>(site, PUBLISHED_FILES.journeys).map((j) => j.id);
  } catch (e) {
    problems.push(`${journeysFile} could not be read (${(e as Error).message}), so the "attractTour" ids are not checked; rebuild the site (npm run build)`);
  }
  // Only a file that sets an address needs the build's longest link (and data/ read for it).
  let setsAddress = false;
  try {
    setsAddress = typeof (JSON.parse(text.replace(/^\uFEFF/, '')) as { publicUrl?: unknown } | null)?.publicUrl === 'string';
  } catch {
    // not JSON: parseKioskConfig says so
  }
  let longestHash: string | undefined;
  try {
    if (setsAddress) longestHash = longestTakeHomeHash(site);
  } catch (e) {
    problems.push(`${join(site, DATA_DIR)} could not be read (${(e as Error).message}), so "publicUrl" is not checked against the longest passage link; rebuild the site (npm run build)`);
  }
  const parsed = parseKioskConfig(text, label, journeys, longestHash);
  return { config: parsed.config, problems: [...problems, ...parsed.problems] };
}

/** The ids a visit may name: the build's places, legs, documents and journeys (with their steps), from its data/. */
export function readVisitIds(site: string): VisitIds {
  // The documents' index, not every document's words: the ids are all a visit may name.
  return { ...readMapIds(site), document: new Set(readSiteData<Array<{ id: string }>>(site, PUBLISHED_FILES.documentIndex).map((d) => d.id)) };
}

/** The build's places, legs and journeys (with their number of steps): what a take-home link can name. */
function readMapIds(site: string): Omit<VisitIds, 'document'> {
  const featureIds = (file: PublishedFile) => new Set(readSiteData<{ features: Array<{ properties: { id: string } }> }>(site, file).features.map((f) => f.properties.id));
  return {
    place: featureIds(PUBLISHED_FILES.places),
    leg: featureIds(PUBLISHED_FILES.legs),
    journey: new Map(readSiteData<Array<{ id: string; steps: unknown[] }>>(site, PUBLISHED_FILES.journeys).map((j) => [j.id, j.steps.length])),
  };
}

/** The longest hash of a take-home link this build can make: any place, leg or journey step. */
export function longestTakeHomeHash(site: string): string {
  const ids = readMapIds(site);
  const targets: TakeHomeTarget[] = [
    ...[...ids.place].map((id) => ({ selected: { kind: 'place' as const, id }, journey: null })),
    ...[...ids.leg].map((id) => ({ selected: { kind: 'leg' as const, id }, journey: null })),
    ...[...ids.journey].flatMap(([id, steps]) => Array.from({ length: steps }, (_, step) => ({ selected: null, journey: { id, step } }))),
  ];
  return targets.map((target) => takeHomeLink('', target)).reduce((a, b) => (b.length > a.length ? b : a), '');
}

export interface SiteOptions {
  site: string;
  port: number;
  hostNames: readonly string[];
  heartbeat?: boolean;
  /** Keep the kiosk's anonymous visit log (`POST /kiosk/visit`) in this folder. */
  visitLog?: VisitLogOptions;
  /** Prints one line for the operator (the config's problems). */
  log: (line: string) => void;
}

/**
 * Serves a built site with the static server, and the checked kiosk configuration in place of the file's own at
 * `/kiosk/config.json` (the page reads `kiosk/config.json` next to itself), so no page ever gets an unchecked one.
 * Throws an Error whose message is for the operator.
 */
export async function serveSite(options: SiteOptions): Promise<{ server: StaticServer; config: KioskConfig }> {
  if (!existsSync(join(options.site, 'index.html'))) throw new Error(`${join(options.site, 'index.html')} is missing: build the site first (npm run build)`);
  const { config, problems } = readKioskConfig(options.site);
  for (const problem of problems) options.log(problem);
  let onVisit: ((record: Parameters<VisitLogFile['append']>[0]) => void) | undefined;
  let visitIds: VisitIds | undefined;
  if (options.visitLog) {
    const file = new VisitLogFile(options.visitLog);
    onVisit = (record) => {
      try {
        file.append(record);
      } catch (e) {
        // A full disk must not stop the exhibit: the operator is told, the page gets 503 (not 204), the visitor
        // never notices.
        options.log(`the visit log in ${options.visitLog!.folder} could not be written (${(e as Error).message})`);
        throw e;
      }
    };
    try {
      visitIds = readVisitIds(options.site);
    } catch (e) {
      options.log(`${join(options.site, DATA_DIR)} could not be read (${(e as Error).message}), so visits' ids are not checked; rebuild the site (npm run build)`);
    }
  }
  try {
    const server = await startStaticServer(options.site, {
      port: options.port,
      hostNames: options.hostNames,
      heartbeat: options.heartbeat,
      onVisit,
      visitIds,
      log: options.log,
      generated: { '/kiosk/config.json': JSON.stringify(config) },
    });
    return { server, config };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${options.port} on 127.0.0.1 is in use (is the map already being served?); stop that, or pass --port N`, { cause: e });
    if (code === 'EACCES') throw new Error(`port ${options.port} may not be used by this user; pass --port N (above 1023)`, { cause: e });
    throw e;
  }
}
