import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startKioskServer, type KioskServer } from '../../src/build/kiosk-server.ts';

let server: KioskServer;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'atlas-kiosk-site-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>atlas</title>');
  writeFileSync(join(root, 'data', 'places.geojson'), '{"type":"FeatureCollection","features":[]}');
  writeFileSync(join(root, '..', 'secret.txt'), 'outside the site');
  server = await startKioskServer(root);
});
afterAll(() => server.close());

describe('the kiosk server', () => {
  it('serves the app on 127.0.0.1 with the security headers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const data = await fetch(new URL('data/places.geojson', server.url));
    expect(data.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
  });

  it('sends text gzipped to a browser that accepts it, and plain to one that does not', async () => {
    const get = (encoding: string) =>
      new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        request(new URL('data/places.geojson', server.url), { headers: { 'Accept-Encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    const zipped = await get('gzip, deflate, br');
    expect(zipped.encoding).toBe('gzip');
    expect(gunzipSync(zipped.body).toString()).toBe('{"type":"FeatureCollection","features":[]}');
    const plain = await get('identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe('{"type":"FeatureCollection","features":[]}');
  });

  it('serves nothing outside the site', async () => {
    expect((await fetch(new URL('/..%2Fsecret.txt', server.url))).status).toBe(404);
    expect((await fetch(new URL('/missing.js', server.url))).status).toBe(404);
  });

  it('records the page’s heartbeat for the watchdog', async () => {
    expect(server.lastHeartbeat()).toBeNull();
    const beat = await fetch(new URL('kiosk/heartbeat', server.url), { method: 'POST' });
    expect(beat.status).toBe(204);
    expect(server.lastHeartbeat()).toBeGreaterThan(Date.now() - 5000);
  });
});

describe('the configuration the kiosk page receives', () => {
  it('is the checked one: a refused file is replaced by the defaults', async () => {
    const { parseKioskConfig } = await import('../../src/lib/kiosk/validate-config.ts');
    const { DEFAULT_KIOSK_CONFIG } = await import('../../src/lib/kiosk/config.ts');
    const { config } = parseKioskConfig('{ "countdownSeconds": 3 }');
    const root = mkdtempSync(join(tmpdir(), 'atlas-kiosk-config-'));
    const served = await startKioskServer(root, 0, { '/kiosk/config.json': JSON.stringify(config) });
    try {
      expect(await (await fetch(new URL('kiosk/config.json', served.url))).json()).toEqual(DEFAULT_KIOSK_CONFIG);
    } finally {
      await served.close();
    }
  });
});
