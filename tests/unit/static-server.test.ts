import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const GEOJSON = '{"type":"FeatureCollection","features":[]}';
const SCRIPT = 'export const atlas = 1;\n'.repeat(200);
/** A file large enough that a client would ask for part of it. */
const LARGE = randomBytes(300_000);

/** A built site in a temporary folder, with a secret beside it and links that try to reach it. */
function createSite() {
  const outside = mkdtempSync(join(tmpdir(), 'atlas-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'outside the site');
  const root = mkdtempSync(join(tmpdir(), 'atlas-site-'));
  mkdirSync(join(root, 'data'));
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>atlas</title>');
  writeFileSync(join(root, 'data', 'places.geojson'), GEOJSON);
  writeFileSync(join(root, 'data', 'places.csv'), 'id,name\nparis,Paris\n');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'assets', 'index-4DkfU5tX.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'index-4DkfU5tX.css'), 'body{margin:0}');
  writeFileSync(join(root, 'assets', 'noto-sans-BTkUljjl.woff2'), randomBytes(2000));
  writeFileSync(join(root, 'assets', 'tiles.bin'), LARGE);
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(root, '.env'), 'TOKEN=never-served');
  writeFileSync(join(root, '.git', 'config'), '[core]');
  writeFileSync(join(root, 'data', '.draft.json'), '{}');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(outside, join(root, 'elsewhere'));
  symlinkSync(join(root, 'index.html'), join(root, 'home.html'));
  return { root, outside };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request with whatever headers a hostile client might send (fetch forbids setting Host). */
function ask(server: StaticServer, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** Writes bytes to the server as they are and returns its answer's status line, or "" if it closed without one. */
function sendRaw(server: StaticServer, bytes: string | Buffer, { halfOpen = false } = {}): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) socket.destroy();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.write(bytes);
    // A client that gives up half way through its request.
    if (halfOpen) socket.end();
    setTimeout(() => socket.destroy(), 2000);
  });
}

let site: ReturnType<typeof createSite>;
let server: StaticServer;
beforeAll(async () => {
  site = createSite();
  server = await startStaticServer(site.root, { heartbeat: true, generated: { '/kiosk/config.json': '{"textScale":1.25}' } });
});
afterAll(() => server.close());

const host = () => `127.0.0.1:${new URL(server.url).port}`;
const req = (line: string, headers = `Host: ${host()}`) => `${line}\r\n${headers}\r\nConnection: close\r\n\r\n`;

describe('the static server survives any request', () => {
  // Each answer is followed by an ordinary request: the server must still be there.
  const hostile: Array<[string, () => string | Buffer, string, { halfOpen?: boolean }?]> = [
    ['a lone %', () => req('GET /% HTTP/1.1'), '400'],
    ['%ff (not UTF-8)', () => req('GET /%ff HTTP/1.1'), '400'],
    ['a truncated UTF-8 sequence', () => req('GET /%E0%A4%A HTTP/1.1'), '400'],
    ['a lone % under data/', () => req('GET /data/% HTTP/1.1'), '400'],
    ['a % in the query', () => req('GET /?kiosk=% HTTP/1.1'), '200'],
    ['an encoded NUL', () => req('GET /index.html%00.js HTTP/1.1'), '400'],
    ['a raw NUL', () => req('GET /index\0.html HTTP/1.1'), '400'],
    ['encoded ../', () => req('GET /%2e%2e%2f%2e%2e%2fetc%2fpasswd HTTP/1.1'), '404'],
    ['encoded .. segments', () => req('GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1'), '404'],
    ['raw .. segments', () => req('GET /../../etc/passwd HTTP/1.1'), '404'],
    ['backslashes', () => req('GET /..%5c..%5csecret.txt HTTP/1.1'), '404'],
    ['an overlong URL (6,000 characters)', () => req(`GET /${'a'.repeat(6000)} HTTP/1.1`), '414'],
    ['an overlong URL (40,000 characters)', () => req(`GET /${'a'.repeat(40_000)} HTTP/1.1`), '431'],
    ['an absolute-form target for another host', () => req('GET http://evil.example/ HTTP/1.1'), '421'],
    ['an absolute-form target for this host', () => req(`GET http://${host()}/index.html HTTP/1.1`), '200'],
    ['an absolute-form target with user info', () => req(`GET http://me@${host()}/ HTTP/1.1`), '400'],
    ['the asterisk form', () => req('OPTIONS * HTTP/1.1'), '400'],
    ['a foreign Host (DNS rebinding)', () => req('GET / HTTP/1.1', 'Host: attacker.example'), '421'],
    ['a Host that only starts like this one', () => req('GET / HTTP/1.1', 'Host: 127.0.0.1.attacker.example'), '421'],
    ['a Host with a bad port', () => req('GET / HTTP/1.1', 'Host: localhost:http'), '421'],
    ['no Host at all (HTTP/1.0)', () => 'GET / HTTP/1.0\r\n\r\n', '421'],
    ['no Host at all (HTTP/1.1)', () => 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', '400'],
    ['two Hosts', () => req('GET / HTTP/1.1', `Host: ${host()}\r\nHost: attacker.example`), '400'],
    ['DELETE', () => req('DELETE /index.html HTTP/1.1'), '405'],
    ['PUT with a body', () => `PUT /index.html HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`, '405'],
    ['CONNECT', () => req(`CONNECT ${host()} HTTP/1.1`), '405'],
    ['an unknown method', () => req('BREW /coffee HTTP/1.1'), '400'],
    ['a garbage request line', () => 'HELLO\r\n\r\n', '400'],
    ['an unknown HTTP version', () => req('GET / HTTP/7.0'), '400'],
    ['a control character in a header', () => req('GET / HTTP/1.1', `Host: ${host()}\r\nX-Note: a\x01b`), '400'],
    ['request smuggling (Content-Length with chunked)', () => `POST /kiosk/heartbeat HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, '400'],
    ['an unsatisfiable range', () => req('GET /assets/tiles.bin HTTP/1.1', `Host: ${host()}\r\nRange: bytes=999999999-`), '416'],
    ['a malformed range (ignored)', () => req('GET /assets/tiles.bin HTTP/1.1', `Host: ${host()}\r\nRange: bytes=z-`), '200'],
    ['a heartbeat from another site', () => req('POST /kiosk/heartbeat HTTP/1.1', `Host: ${host()}\r\nOrigin: http://attacker.example\r\nContent-Length: 0`), '403'],
    ['a request cut off half way', () => `GET /index.html HTTP/1.1\r\nHost: ${host()}\r\n`, '400', { halfOpen: true }],
    ['binary noise', () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)), '400'],
  ];

  it.each(hostile)('answers %s, then still serves', async (_what, bytes, status, options) => {
    expect(await sendRaw(server, bytes(), options)).toMatch(new RegExp(`^HTTP/1\\.[01] ${status} `));
    expect((await ask(server, '/')).status).toBe(200);
  });

  it('answers the four URLs of the report with 400 and a message, over fetch too', async () => {
    for (const path of ['/%', '/%ff', '/%E0%A4%A', '/data/%']) {
      const res = await ask(server, path);
      expect(res.status).toBe(400);
      expect(res.body.toString()).toMatch(/^400 Bad Request: /);
    }
  });
});

describe('the static server', () => {
  it('serves the site on 127.0.0.1 with the security headers on every answer, and no CORS', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const [path, status] of [['/', 200], ['/missing.js', 404], ['/%', 400]] as const) {
      const res = await ask(server, path, { headers: { Origin: 'http://localhost:5173' } });
      expect(res.status).toBe(status);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/assets/index-4DkfU5tX.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-4DkfU5tX.css', 'text/css; charset=utf-8'],
    ['/data/places.geojson', 'application/geo+json; charset=utf-8'],
    ['/data/places.csv', 'text/csv; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml; charset=utf-8'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/kiosk/config.json', 'application/json; charset=utf-8'],
    ['/assets/noto-sans-BTkUljjl.woff2', 'font/woff2'],
  ])('sends %s as %s, with its length', async (path, type) => {
    const res = await ask(server, path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
  });

  it('sends text gzipped to a browser that accepts it, and plain to one that does not, varying on Accept-Encoding either way', async () => {
    const zipped = await ask(server, '/data/places.geojson', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).toString()).toBe(GEOJSON);
    for (const encoding of ['identity', 'gzip;q=0', '']) {
      const plain = await ask(server, '/data/places.geojson', { headers: { 'Accept-Encoding': encoding } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.toString()).toBe(GEOJSON);
    }
    const font = await ask(server, '/assets/noto-sans-BTkUljjl.woff2', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers.vary).toBeUndefined();
  });

  it('answers 404 to any path that is not a file of the site: the page’s own routes are in the hash', async () => {
    for (const path of ['/missing.js', '/about', '/data/', '/data/places.geojson/', '/index.html/x']) {
      const res = await ask(server, path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString()).not.toContain('<title>atlas');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }
  });

  it('serves no dot-file and nothing a link takes outside the site', async () => {
    for (const path of ['/.env', '/.git/config', '/data/.draft.json', '/%2eenv', '/leak.txt', '/elsewhere/secret.txt', '/..%2Fsecret.txt']) {
      const res = await ask(server, path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString()).not.toMatch(/never-served|outside the site|\[core\]/);
    }
    expect((await ask(server, '/home.html')).body.toString()).toContain('<title>atlas');
  });

  it('answers 405 with Allow to every other method, and no page', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of ['/', '/index.html', '/data/places.geojson', '/missing']) {
        const res = await ask(server, path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.allow).toBe('GET, HEAD');
        expect(res.body.toString()).not.toContain('<title>atlas');
      }
    }
    const beatWithGet = await ask(server, '/kiosk/heartbeat');
    expect(beatWithGet.status).toBe(405);
    expect(beatWithGet.headers.allow).toBe('POST');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await ask(server, '/data/places.geojson');
    const head = await ask(server, '/data/places.geojson', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it('answers only for this machine’s names, and the names it is given (against DNS rebinding)', async () => {
    const { port } = new URL(server.url);
    for (const name of [`127.0.0.1:${port}`, '127.0.0.1', `localhost:${port}`, 'LOCALHOST', `[::1]:${port}`]) {
      expect((await ask(server, '/', { headers: { Host: name } })).status, name).toBe(200);
    }
    for (const name of ['attacker.example', `attacker.example:${port}`, 'atlas.museum', '127.0.0.2', 'localhost.attacker.example', '[::2]']) {
      const res = await ask(server, '/', { headers: { Host: name } });
      expect(res.status, name).toBe(421);
      expect(res.body.toString()).not.toContain('<title>atlas');
    }
    const named = await startStaticServer(site.root, { hostNames: ['atlas.museum'] });
    try {
      expect((await ask(named, '/', { headers: { Host: 'atlas.museum:4174' } })).status).toBe(200);
      expect((await ask(named, '/', { headers: { Host: 'Atlas.Museum' } })).status).toBe(200);
      expect((await ask(named, '/', { headers: { Host: 'localhost' } })).status).toBe(200);
      expect((await ask(named, '/', { headers: { Host: 'other.museum' } })).status).toBe(421);
    } finally {
      await named.close();
    }
  });

  it('lets browsers keep Vite’s hashed assets for a year, and revalidate everything else with an ETag', async () => {
    const asset = await ask(server, '/assets/index-4DkfU5tX.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/data/places.geojson', '/kiosk/config.json']) {
      const first = await ask(server, path);
      expect(first.headers['cache-control'], path).toBe('no-cache');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await ask(server, path, { headers: { 'If-None-Match': etag } });
      expect(again.status, path).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect((await ask(server, path, { headers: { 'If-None-Match': '"something-else"' } })).status).toBe(200);
    }
    // The gzipped bytes are another representation, so another tag.
    const plain = await ask(server, '/data/places.geojson');
    const zipped = await ask(server, '/data/places.geojson', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect((await ask(server, '/data/places.geojson', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': String(zipped.headers.etag) } })).status).toBe(304);
  });

  it('sends part of a file when asked for a byte range', async () => {
    const part = await ask(server, '/assets/tiles.bin', { headers: { Range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${LARGE.length}`);
    expect(part.headers['content-length']).toBe('1000');
    expect(part.body.equals(LARGE.subarray(1000, 2000))).toBe(true);
    const tail = await ask(server, '/assets/tiles.bin', { headers: { Range: 'bytes=-10' } });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(LARGE.subarray(LARGE.length - 10))).toBe(true);
    const rest = await ask(server, '/assets/tiles.bin', { headers: { Range: `bytes=${LARGE.length - 5}-` } });
    expect(rest.body.equals(LARGE.subarray(LARGE.length - 5))).toBe(true);
    const beyond = await ask(server, '/assets/tiles.bin', { headers: { Range: `bytes=${LARGE.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${LARGE.length}`);
    const stale = await ask(server, '/assets/tiles.bin', { headers: { Range: 'bytes=0-9', 'If-Range': '"an-older-version"' } });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(LARGE.length);
    // A gzipped answer is the whole file: a range of compressed bytes is of no use to anyone here.
    const zipped = await ask(server, '/assets/index-4DkfU5tX.js', { headers: { Range: 'bytes=0-9', 'Accept-Encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(gunzipSync(zipped.body).toString()).toBe(SCRIPT);
    const plainScript = await ask(server, '/assets/index-4DkfU5tX.js', { headers: { Range: 'bytes=0-5' } });
    expect(plainScript.status).toBe(206);
    expect(plainScript.body.toString()).toBe('export');
  });

  it('records the page’s heartbeat for the watchdog', async () => {
    expect(server.lastHeartbeat()).toBeNull();
    const beat = await ask(server, '/kiosk/heartbeat', { method: 'POST', headers: { Origin: server.url.slice(0, -1) } });
    expect(beat.status).toBe(204);
    expect(server.lastHeartbeat()).toBeGreaterThan(Date.now() - 5000);
  });

  it('has no heartbeat unless asked to (npm start)', async () => {
    const plain = await startStaticServer(site.root);
    try {
      const beat = await ask(plain, '/kiosk/heartbeat', { method: 'POST' });
      expect(beat.status).toBe(405);
      expect(beat.headers.allow).toBe('GET, HEAD');
      expect(plain.lastHeartbeat()).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe('the configuration the kiosk page receives', () => {
  it('is the checked one: a refused file is replaced by the defaults', async () => {
    const { parseKioskConfig } = await import('../../src/lib/kiosk/validate-config.ts');
    const { DEFAULT_KIOSK_CONFIG } = await import('../../src/lib/kiosk/config.ts');
    const { config } = parseKioskConfig('{ "countdownSeconds": 3 }');
    const root = mkdtempSync(join(tmpdir(), 'atlas-kiosk-config-'));
    mkdirSync(join(root, 'kiosk'));
    writeFileSync(join(root, 'kiosk', 'config.json'), '{ "countdownSeconds": 3 }');
    const served = await startStaticServer(root, { generated: { '/kiosk/config.json': JSON.stringify(config) } });
    try {
      expect(await (await fetch(new URL('kiosk/config.json', served.url))).json()).toEqual(DEFAULT_KIOSK_CONFIG);
    } finally {
      await served.close();
    }
  });
});

/** The whole answer to raw bytes (status line, headers, body), as the server wrote it, once it closes. */
function rawAnswer(target: StaticServer, bytes: string): Promise<string> {
  const { port } = new URL(target.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer));
    socket.write(bytes);
    setTimeout(() => socket.destroy(), 2000);
  });
}

describe('issue 26: one normalised path for every routing decision, and the HTTP details', () => {
  let kiosk: StaticServer;
  let raw: string;
  beforeAll(async () => {
    const root = createSite().root;
    mkdirSync(join(root, 'kiosk'));
    raw = '{ "countdownSeconds": 3, "publicUrl": "javascript:alert(1)" }';
    writeFileSync(join(root, 'kiosk', 'config.json'), raw);
    kiosk = await startStaticServer(root, { heartbeat: true, generated: { '/kiosk/config.json': '{"textScale":1.25}' } });
  });
  afterAll(() => kiosk.close());

  it.each(['/kiosk/config.json', '//kiosk/config.json', '/kiosk/config%2Ejson', '/kiosk//config.json', '///kiosk/config%2ejson?x', '/%6Biosk/config.json'])(
    'serves only the checked configuration at %s, never the raw file',
    async (path) => {
      const res = await ask(kiosk, path);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe('{"textScale":1.25}');
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('takes the heartbeat at //kiosk/heartbeat, where a page opened at "//" sends it', async () => {
    const beat = await ask(kiosk, '//kiosk/heartbeat', { method: 'POST', headers: { Origin: kiosk.url.slice(0, -1) } });
    expect(beat.status).toBe(204);
    expect(kiosk.lastHeartbeat()).toBeGreaterThan(Date.now() - 5000);
  });

  it('still refuses dot-segments and encoded separators after normalising', async () => {
    for (const path of ['//.env', '/data//..//index.html', '/kiosk%2Fconfig.json', '/data/%2e%2e/index.html']) expect((await ask(kiosk, path)).status, path).toBe(404);
    expect((await ask(kiosk, '//')).status).toBe(200); // the page itself
  });

  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['*', true],
    ['*, gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['gzip;q=0.000', false],
    ['gzip;q=0.5', true],
    ['identity', false],
    ['*;q=0', false],
    ['br;q=1, *;q=0.1', true],
    ['GZIP;Q=0', false],
  ])('honours Accept-Encoding q-values: %j gets gzip: %s', async (header, gzipped) => {
    const res = await ask(kiosk, '/assets/index-4DkfU5tX.js', { headers: { 'Accept-Encoding': header } });
    expect(res.headers['content-encoding'] === 'gzip').toBe(gzipped);
    expect(res.headers.vary).toBe('Accept-Encoding');
  });

  it('answers an HTTP/1.1 request with no Host with 400 and the security headers, an HTTP/1.0 one with 421', async () => {
    const answer = await rawAnswer(kiosk, 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(answer).toMatch(/\r\ncontent-security-policy: default-src 'self'/i);
    expect(answer).toMatch(/\r\nx-frame-options: DENY/i);
    expect(answer).toContain('400 Bad Request: an HTTP/1.1 request must name the server in a Host header');
    const old = await rawAnswer(kiosk, 'GET / HTTP/1.0\r\n\r\n');
    expect(old.split('\r\n')[0]).toBe('HTTP/1.1 421 Misdirected Request');
    expect(old).toMatch(/\r\ncontent-security-policy: /i);
  });

  it('compares a POST’s Origin with an absolute-form target’s authority, not with the Host header', async () => {
    const port = new URL(kiosk.url).port;
    const post = (target: string, host: string, origin: string) => rawAnswer(kiosk, `POST ${target} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    // The page at localhost sent it (its Origin is the target's authority), whatever Host says.
    expect((await post(`http://localhost:${port}/kiosk/heartbeat`, `127.0.0.1:${port}`, `http://localhost:${port}`)).split('\r\n')[0]).toBe('HTTP/1.1 204 No Content');
    // A page elsewhere cannot borrow the Host header's name.
    expect((await post(`http://localhost:${port}/kiosk/heartbeat`, `127.0.0.1:${port}`, `http://127.0.0.1:${port}`)).split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
  });
});
