/**
 * The project's one static server: `npm start`, `npm run kiosk`, the browser tests and the benchmark all serve
 * the production build through it, on 127.0.0.1 only. It answers every request, however malformed, with a status
 * and never lets an exception end the process.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { Ajv } from 'ajv';
import { SECURITY_HEADERS } from './security-headers.ts';
import { EVENT_KINDS, kioskEventSchema, MAX_VISIT_BYTES, VISIT_PATH, type KioskEvent, type KioskRecord } from '../lib/kiosk/visit-event.ts';
import { RENDERER_KINDS, type RendererKind } from '../lib/atlas/contract.ts';
import { MAX_VISITS_PER_SECOND, VisitRate } from './visit-rate.ts';

const gzip = promisify(gzipCallback);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

// Text compresses several times over; woff2 and images are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.geojson', '.jsonld', '.csv', '.txt', '.svg']);

/** Vite names what it emits into assets/ by a hash of the content, so a browser may keep those forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Longer than any path of a build; a longer one is a probe, not a page. */
const MAX_TARGET_LENGTH = 4096;
const HEARTBEAT_PATH = '/kiosk/heartbeat';
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
/** What the kiosk's POSTs may carry: a heartbeat's renderer, one visit event. Anything longer is refused unread. */
const MAX_POST_BYTES = MAX_VISIT_BYTES;

// Node-only, so compiled at start (the page never sees these).
const ajv = new Ajv({ allErrors: true });
const isKioskEvent = ajv.compile<KioskEvent>(kioskEventSchema());
const isHeartbeat = ajv.compile<{ renderer?: RendererKind }>({ type: 'object', additionalProperties: false, properties: { renderer: { enum: [...RENDERER_KINDS] } } });

/** An address of this machine: the kiosk's page, never another computer on the museum's network. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (/^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === '::1');
}

/**
 * Why a kiosk POST (heartbeat or visit) is refused before its body is read, or null: another computer (403), another
 * site's page (403), too long by its Content-Length (413).
 */
export function postRefusal(request: { remoteAddress?: string; origin?: string; host?: string; contentLength?: string }, what: string): Refusal | null {
  if (!isLoopbackAddress(request.remoteAddress)) return new Refusal(403, `${what} is accepted from this machine only`);
  if (request.origin !== undefined && request.origin !== `http://${request.host}`) return new Refusal(403, `${what} is accepted from this server’s own page only`);
  if (request.contentLength !== undefined && Number(request.contentLength) > MAX_POST_BYTES) return new Refusal(413, `${what} may be at most ${MAX_POST_BYTES} bytes`);
  return null;
}

export interface StaticServerOptions {
  /** 0 (the default): any free port. */
  port?: number;
  /** Paths answered from memory instead of the folder, e.g. the checked `/kiosk/config.json`. */
  generated?: Record<string, string>;
  /** Host names besides 127.0.0.1, localhost and [::1] that the server answers for (any port). */
  hostNames?: readonly string[];
  /** Accept the kiosk page's `POST /kiosk/heartbeat` (the launcher's watchdog). */
  heartbeat?: boolean;
  /**
   * Accept the kiosk page's `POST /kiosk/visit` and hand each checked event, stamped with the time, to this; it
   * throws if the visit was not written (then the page gets 503, never 204).
   */
  onVisit?: (record: KioskRecord) => void;
  /** The build's ids a visit may name (data/*.json): any other is refused at the door. Without: not checked. */
  visitIds?: VisitIds;
  /** Lines for the operator (visits refused for rate). */
  log?: (line: string) => void;
  /** The clock of the visits' rate limit (tests). */
  now?: () => number;
}

/** What a build has, for checking visits: the places, legs and documents, and each journey's number of steps. */
export interface VisitIds {
  place: ReadonlySet<string>;
  leg: ReadonlySet<string>;
  document: ReadonlySet<string>;
  journey: ReadonlyMap<string, number>;
}

/** Why a checked event names nothing of this build (an id, a journey's step, its number of steps), or null. */
export function unknownVisit(event: KioskEvent, ids: VisitIds): string | null {
  const what = event.kind === 'place' || event.kind === 'leg' || event.kind === 'journey' || event.kind === 'document' ? 'a visit' : `a "${event.kind}" event`;
  const journey = (id: string, step?: number) => {
    const steps = ids.journey.get(id);
    if (steps === undefined) return `${what} names an unknown journey "${id}"; this build's journeys are ${[...ids.journey.keys()].join(', ')}`;
    if ((step ?? 0) >= steps) return `${what} names step ${step} of journey "${id}", which has ${steps} (counted from 0)`;
    return null;
  };
  switch (event.kind) {
    case 'journey':
    case 'attract-stopped':
      return journey(event.id, event.step);
    case 'journey-step':
      return journey(event.id, event.step) ?? (ids.journey.get(event.id) === event.steps ? null : `${what} says journey "${event.id}" has ${event.steps} steps; this build's has ${ids.journey.get(event.id)}: reload the kiosk page after a rebuild`);
    case 'start-card':
      return event.choice === 'journey' ? journey(event.id) : null;
    case 'place':
    case 'leg':
    case 'document':
      return ids[event.kind].has(event.id) ? null : `${what} names an unknown ${event.kind} "${event.id}": this build has none by that id`;
    default:
      return null;
  }
}

export interface StaticServer {
  url: string;
  /** When the page last said it was alive (ms since epoch), or null. */
  lastHeartbeat(): number | null;
  /** What the page said it draws the map with in its last heartbeat, or null. */
  lastRenderer(): RendererKind | null;
  close(): Promise<void>;
}

/** A file's bytes as the server sends them, in either encoding, each with its own strong ETag. */
interface Representation {
  body: Buffer;
  etag: string;
}
interface Entry {
  plain: Representation;
  gzipped?: Promise<Representation>;
  type: string;
  compressible: boolean;
  /** The file's state when it was read; a rebuild changes it, and the entry is read again. */
  version?: string;
}

/** Why a request gets no file: the status and a line for whoever reads the body. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(reason);
  }
}

const tag = (body: Buffer, suffix = '') => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}${suffix}"`;
const represent = (body: Buffer, type: string, compressible: boolean): Entry => ({ plain: { body, etag: tag(body) }, type, compressible });

/**
 * Whether Accept-Encoding accepts gzip: its own entry's q-value, else that of "*" (RFC 9110 §12.5.3), so that
 * "*, gzip;q=0" refuses it; a q of 0 (or one that is not a number) refuses. No header: plain.
 */
export function acceptsGzip(header: string | undefined): boolean {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (!coding.trim()) continue;
    const given = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = given === undefined ? 1 : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(given.slice(2)) ? Number(given.slice(2)) : 0;
    if (!q.has(coding.trim())) q.set(coding.trim(), value);
  }
  return (q.get('gzip') ?? q.get('*') ?? 0) > 0;
}

/** A single `bytes=a-b`, `bytes=a-` or `bytes=-n`; null for anything else, which is then ignored (RFC 9110 §14.2). */
function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

const etagMatches = (header: string | undefined, etag: string) =>
  header !== undefined && header.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);

/**
 * The request target's path, normalised once, before any routing decision: each segment percent-decoded once, empty
 * segments dropped ("//kiosk/config.json" is "/kiosk/config.json", "/kiosk/config%2Ejson" too), so every comparison
 * (heartbeat, visits, the checked kiosk configuration, assets/) sees the one form a file is served under. Refuses what
 * no file of a build can be named: a bad escape or a control character (400); a segment starting with "." (dot-files,
 * "..", however encoded) or holding a separator (404). A trailing "/" asks for a folder's index.html.
 */
export function normalisePath(path: string): { path: string; segments: string[] } {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new Refusal(400, `the address has a malformed percent-escape (${JSON.stringify(raw.slice(0, 80))})`);
    }
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\u0000-\u001f\u007f]/.test(segment)) throw new Refusal(400, 'the address holds a control character');
    if (segment === '') continue;
    if (segment.startsWith('.') || segment.includes('/') || segment.includes('\\')) throw new Refusal(404, 'no such file in this site');
    segments.push(segment);
  }
  const folder = path.endsWith('/') && segments.length > 0;
  return { path: `/${segments.join('/')}${folder ? '/' : ''}`, segments: folder ? [...segments, ''] : segments };
}

/** Starts the server on 127.0.0.1 for the built site in `root`: security headers, gzip, ETags, ranges, a Host check. */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  let base: string;
  try {
    base = realpathSync(root);
  } catch {
    throw new Error(`${root} does not exist: build the site first (npm run build)`);
  }
  const hostNames = new Set([...LOOPBACK_NAMES, ...(options.hostNames ?? []).map((n) => n.toLowerCase())]);
  const generated = new Map(Object.entries(options.generated ?? {}).map(([path, text]) => [path, represent(Buffer.from(text), TYPES[extname(path)] ?? 'text/plain; charset=utf-8', true)]));
  const files = new Map<string, Entry>();
  let lastBeat: number | null = null;
  let lastRenderer: RendererKind | null = null;
  const visitRate = new VisitRate(MAX_VISITS_PER_SECOND, options.now);
  // Visits refused for rate are told to the operator once a minute, as one line, however many there were.
  let refusing = false;
  const reportDropped = () => {
    const dropped = visitRate.takeDropped();
    refusing = dropped > 0;
    if (dropped) options.log?.(`${dropped} visit${dropped === 1 ? '' : 's'} refused in the last minute: more than ${MAX_VISITS_PER_SECOND} a second, faster than a touch screen makes them (a script on this machine?)`);
  };
  const dropReports = options.onVisit ? setInterval(reportDropped, 60_000).unref() : undefined;

  /** Host (or an absolute-form target's authority) must name this machine: a page on another name is DNS rebinding. */
  function checkHost(authority: string | undefined) {
    const m = authority === undefined ? null : /^(\[[^\]]*\]|[^:[\]]+)(?::\d{1,5})?$/.exec(authority.trim());
    if (!m || !hostNames.has(m[1]!.toLowerCase())) {
      throw new Refusal(421, `this server answers only for ${[...hostNames].join(', ')}; start it with --host-name NAME to add a name`);
    }
  }

  /** The file for these segments, if it lies inside the site once every link is followed. */
  async function findFile(segments: string[]): Promise<{ real: string; version: string } | null> {
    const wantsDirectory = segments.length === 0 || segments[segments.length - 1] === '';
    let real: string;
    try {
      real = await realpath(join(base, ...segments));
      if (real !== base && !real.startsWith(base + sep)) return null;
      let info = await stat(real);
      if (info.isDirectory()) {
        real = await realpath(join(real, 'index.html'));
        if (!real.startsWith(base + sep)) return null;
        info = await stat(real);
      } else if (wantsDirectory) {
        return null;
      }
      return info.isFile() ? { real, version: `${info.size}:${info.mtimeMs}:${info.ino}` } : null;
    } catch {
      return null;
    }
  }

  async function entryFor(segments: string[]): Promise<Entry> {
    const found = await findFile(segments);
    if (!found) throw new Refusal(404, 'no such file in this site');
    const cached = files.get(found.real);
    if (cached?.version === found.version) return cached;
    const ext = extname(found.real);
    const entry = { ...represent(await readFile(found.real), TYPES[ext] ?? 'application/octet-stream', COMPRESSIBLE.has(ext)), version: found.version };
    files.set(found.real, entry);
    return entry;
  }

  function gzipped(entry: Entry): Promise<Representation> {
    entry.gzipped ??= gzip(entry.plain.body).then(
      (body) => ({ body, etag: entry.plain.etag.replace(/"$/, '-gz"') }),
      (error: unknown) => {
        entry.gzipped = undefined; // the next request tries again
        throw error;
      },
    );
    return entry.gzipped;
  }

  const common = (): OutgoingHttpHeaders => ({ ...SECURITY_HEADERS });

  function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal) {
    const body = Buffer.from(`${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}: ${refusal.reason}\n`);
    res.writeHead(refusal.status, {
      ...common(),
      'Cache-Control': 'no-store',
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.length,
      ...refusal.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** A kiosk POST's body as JSON, once the request passed postRefusal. */
  async function postedJson(req: IncomingMessage, authority: string | undefined, body: Promise<Buffer | null>, what: string): Promise<unknown> {
    // The page's own origin is the authority the request was made to: an absolute-form target's, else Host.
    const refusal = postRefusal(
      { remoteAddress: req.socket.remoteAddress, origin: req.headers.origin, host: authority, contentLength: req.headers['content-length'] },
      what,
    );
    if (refusal) throw refusal;
    const bytes = await body;
    if (bytes === null) throw new Refusal(413, `${what} may be at most ${MAX_POST_BYTES} bytes`);
    if (bytes.length === 0) return undefined;
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) throw new Refusal(415, `${what} must be sent as Content-Type: application/json`);
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      throw new Refusal(400, `${what} is not valid JSON (${(e as Error).message})`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Promise<Buffer | null>) {
    const target = req.url ?? '';
    if (target.length > MAX_TARGET_LENGTH) throw new Refusal(414, `the address is longer than ${MAX_TARGET_LENGTH} characters`);
    // RFC 9112 §3.2: a server must accept the absolute form; its authority then stands for Host.
    const absolute = /^https?:\/\/([^/?#]*)(.*)$/i.exec(target);
    if (absolute?.[1]?.includes('@')) throw new Refusal(400, 'the address carries user information');
    const hosts = req.rawHeaders.filter((_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === 'host');
    if (hosts.length > 1) throw new Refusal(400, 'the request has more than one Host header');
    // RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400 (answered here, with the security headers, rather than
    // by Node's parser); an HTTP/1.0 one may lack it, and is then refused like a foreign name.
    if (!absolute && hosts.length === 0 && req.httpVersion !== '1.0') throw new Refusal(400, 'an HTTP/1.1 request must name the server in a Host header');
    const authority = absolute ? absolute[1] : req.headers.host;
    checkHost(authority);
    const originForm = absolute ? absolute[2] || '/' : target;
    if (!originForm.startsWith('/')) throw new Refusal(400, 'the address must be a path starting with "/"');
    const { path, segments } = normalisePath(originForm.split(/[?#]/, 1)[0]!);

    if (options.heartbeat && path === HEARTBEAT_PATH) {
      if (req.method !== 'POST') throw new Refusal(405, 'the heartbeat takes POST only', { Allow: 'POST' });
      const beat = await postedJson(req, authority, body, 'a heartbeat');
      // An empty body is a heartbeat too (the page before renderers were reported).
      if (beat !== undefined && !isHeartbeat(beat)) throw new Refusal(400, `a heartbeat is { "renderer": ${RENDERER_KINDS.map((k) => `"${k}"`).join(' | ')} } (${ajv.errorsText(isHeartbeat.errors, { dataVar: 'heartbeat' })})`);
      lastBeat = Date.now();
      if (beat?.renderer) lastRenderer = beat.renderer;
      res.writeHead(204, { ...common(), 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (options.onVisit && path === VISIT_PATH) {
      if (req.method !== 'POST') throw new Refusal(405, 'the visit log takes POST only', { Allow: 'POST' });
      const event = await postedJson(req, authority, body, 'a visit');
      if (event === undefined) throw new Refusal(400, 'a visit needs a body: { "kind", "id", "step"?, "language", "dwellMs", "session"? }, or a session event { "kind", "session", "language", … }');
      if (!isKioskEvent(event)) {
        const kind = (event as { kind?: unknown } | null)?.kind;
        const unknownKind = typeof kind === 'string' && !(EVENT_KINDS as readonly string[]).includes(kind) ? `; "${kind}" is no kind of event this kiosk logs (the kinds are ${EVENT_KINDS.join(', ')})` : '';
        throw new Refusal(400, `a visit is { "kind", "id", "step"?, "language", "dwellMs", "session"? }, a session event { "kind", "session", "language", … } (see src/lib/kiosk/visit-event.ts): ${ajv.errorsText(isKioskEvent.errors?.filter((e) => e.keyword !== 'if'), { dataVar: 'visit' })}${unknownKind}`);
      }
      const unknown = options.visitIds && unknownVisit(event, options.visitIds);
      if (unknown) throw new Refusal(422, unknown);
      if (!visitRate.admit()) {
        if (!refusing) options.log?.(`visits arrive faster than a touch screen makes them (more than ${MAX_VISITS_PER_SECOND} a second): the excess is refused, and counted here each minute`);
        refusing = true;
        throw new Refusal(429, `more than ${MAX_VISITS_PER_SECOND} visits a second is more than a touch screen makes; this one was not written`, { 'Retry-After': '1' });
      }
      try {
        // The schema allowed these fields and no other: the line is the event as checked, and the server's time.
        options.onVisit({ ...event, at: new Date().toISOString() });
      } catch (e) {
        throw new Refusal(503, `the visit log could not be written (${(e as Error).message}); the visit was not kept`);
      }
      res.writeHead(204, { ...common(), 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new Refusal(405, `${req.method} is not served here; this server only sends files`, { Allow: 'GET, HEAD' });

    const entry = generated.get(path) ?? (await entryFor(segments));
    const useGzip = entry.compressible && acceptsGzip(req.headers['accept-encoding']);
    const sent = useGzip ? await gzipped(entry) : entry.plain;
    const headers: OutgoingHttpHeaders = {
      ...common(),
      'Content-Type': entry.type,
      'Cache-Control': path.startsWith('/assets/') && !generated.has(path) ? IMMUTABLE : 'no-cache',
      ETag: sent.etag,
      ...(entry.compressible ? { Vary: 'Accept-Encoding' } : {}),
      ...(useGzip ? { 'Content-Encoding': 'gzip' } : { 'Accept-Ranges': 'bytes' }),
    };
    if (etagMatches(req.headers['if-none-match'], sent.etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    const rangeHeader = req.headers.range;
    const ifRange = req.headers['if-range'];
    if (!useGzip && req.method === 'GET' && rangeHeader !== undefined && (ifRange === undefined || ifRange === sent.etag)) {
      const size = sent.body.length;
      const range = parseRange(rangeHeader, size);
      if (range === 'unsatisfiable') throw new Refusal(416, `the file has ${size} bytes`, { 'Content-Range': `bytes */${size}` });
      if (range) {
        const part = sent.body.subarray(range.start, range.end + 1);
        res.writeHead(206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': part.length });
        res.end(part);
        return;
      }
    }
    res.writeHead(200, { ...headers, 'Content-Length': sent.body.length });
    res.end(req.method === 'HEAD' ? undefined : sent.body);
  }

  // requireHostHeader: false, so a request without Host gets this server's answer and headers (see handle).
  const server: Server = createServer({ headersTimeout: 15_000, requestTimeout: 30_000, connectionsCheckingInterval: 5_000, requireHostHeader: false }, (req, res) => {
    // A client that goes away mid-answer must not become an 'error' nobody listens to.
    req.on('error', () => {});
    res.on('error', () => {});
    // Bodies are drained, which keeps the connection usable; only the first MAX_POST_BYTES are kept (null: longer),
    // for the kiosk's POSTs.
    const body = new Promise<Buffer | null>((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_POST_BYTES) chunks.push(chunk);
      });
      req.on('end', () => resolve(size <= MAX_POST_BYTES ? Buffer.concat(chunks) : null));
      req.on('error', () => resolve(null));
      req.on('close', () => resolve(size <= MAX_POST_BYTES ? Buffer.concat(chunks) : null));
    });
    handle(req, res, body).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      try {
        refuse(req, res, error instanceof Refusal ? error : new Refusal(500, 'the server could not read this file'));
      } catch {
        res.destroy();
      }
      if (!(error instanceof Refusal)) console.error(`static server: ${req.method} ${JSON.stringify(req.url?.slice(0, 200))}: ${(error as Error).message}`);
    });
  });

  /** Node's parser refused the request (bad syntax, headers too large, timeout): answer if the socket still can, then close it. */
  function closeWithStatus(socket: Duplex, status: number) {
    socket.on('error', () => {});
    if (socket.writable) {
      const body = `${status} ${STATUS_CODES[status]}\n`;
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    }
    // A client that never reads the answer must not keep the socket open.
    const timer = setTimeout(() => socket.destroy(), 1000);
    socket.once('close', () => clearTimeout(timer));
  }
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    closeWithStatus(socket, error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400);
  });
  // CONNECT would otherwise leave the socket to nobody.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => closeWithStatus(socket, 405));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, errors are about single connections (too many open files, …): report, keep serving.
  server.on('error', (error) => console.error(`static server: ${error.message}`));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    lastHeartbeat: () => lastBeat,
    lastRenderer: () => lastRenderer,
    close: () =>
      new Promise((done) => {
        clearInterval(dropReports);
        reportDropped();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
