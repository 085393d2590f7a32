import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from './security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

// Text compresses several times over; woff2 and images are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.jsonld', '.csv', '.svg']);

export interface KioskServer {
  url: string;
  /** When the page last said it was alive (ms since epoch), or null. */
  lastHeartbeat(): number | null;
  close(): Promise<void>;
}

/** A small static server for the built app on 127.0.0.1, with the web build's security headers, gzip and a heartbeat. */
export function startKioskServer(root: string, port = 0, generated: Record<string, string> = {}): Promise<KioskServer> {
  const base = resolve(root);
  let lastBeat: number | null = null;
  // The site does not change while it is served (a rebuild restarts the server), so each file is compressed once.
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/kiosk/heartbeat' && req.method === 'POST') {
      lastBeat = Date.now();
      res.writeHead(204, headers).end();
      return;
    }
    const made = generated[url.pathname];
    if (made !== undefined && req.method === 'GET') {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(url.pathname)] ?? 'text/plain; charset=utf-8' }).end(made);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (path !== base && !path.startsWith(base + sep)) {
      res.writeHead(404, headers).end();
      return;
    }
    try {
      const file = (await stat(path)).isDirectory() ? join(path, 'index.html') : path;
      let body: Buffer = await readFile(file);
      const type = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipped.get(file) ?? gzipped.set(file, gzipSync(body)).get(file)!;
        res.writeHead(200, { ...headers, ...type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      } else {
        res.writeHead(200, { ...headers, ...type });
      }
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://127.0.0.1:${actualPort}/`,
        lastHeartbeat: () => lastBeat,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
