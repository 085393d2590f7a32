import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KIOSK_CONFIG } from '../../src/lib/kiosk/config.ts';

const JOURNEYS = [{ id: 'out-by-sea', steps: [{}, {}] }, { id: 'home-by-air', steps: [{}] }];
const NO_FEATURES = JSON.stringify({ type: 'FeatureCollection', features: [] });

/** A built site as `vite build` leaves it, with the kiosk file given (or none). */
function createSite(config?: string) {
  const site = mkdtempSync(join(tmpdir(), 'atlas-served-'));
  mkdirSync(join(site, 'data'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>atlas</title>');
  writeFileSync(join(site, 'data', 'journeys.json'), JSON.stringify(JOURNEYS));
  // The rest of data/ that the kiosk reads (the ids a visit may name).
  writeFileSync(join(site, 'data', 'places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'paris' }, geometry: null }] }));
  writeFileSync(join(site, 'data', 'legs.geojson'), NO_FEATURES);
  writeFileSync(join(site, 'data', 'documents.index.json'), '[]');
  if (config !== undefined) {
    mkdirSync(join(site, 'kiosk'));
    writeFileSync(join(site, 'kiosk', 'config.json'), config);
  }
  return site;
}

interface Launched {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** The address the entry point printed. */
  url: Promise<string>;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill();
});

/** Runs an entry point as `npm start` / `npm run kiosk` would, and reads what it prints. */
function launch(entry: string, args: string[]): Launched {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const printed = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (printed) resolve(printed[1]!);
    });
    void exited.then((code) => reject(new Error(`${entry} exited (${code}) before serving:\n${err}`)));
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  url.catch(() => {}); // a test that expects the entry point to stop does not wait for an address
  return { child, stdout: () => out, stderr: () => err, url, exited };
}

function rawStatus(url: string, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.write(request);
  });
}

describe('npm start', () => {
  it('serves the build with the project’s own server, not vite preview', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toMatch(/tsx src\/build\/serve\.ts$/);
    expect(scripts.start).not.toContain('vite preview');
  });

  it('prints its address, answers unknown paths 404 and other methods 405, and serves only a checked kiosk configuration', async () => {
    const site = createSite('{ "textScale": 40 }');
    const served = launch('src/build/serve.ts', ['--port', '0', '--site', site]);
    const url = await served.url;
    expect(served.stdout()).toBe(`start: serving ${url} (Ctrl+C to stop)\n`);
    expect(served.stderr()).toBe(`start: ${join(site, 'kiosk', 'config.json')}: "textScale" must be one of 1, 1.25, 1.5, 1.75; the defaults are used\n`);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(new URL('about', url))).status).toBe(404);
    const post = await fetch(url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await (await fetch(new URL('kiosk/config.json', url))).json()).toEqual(DEFAULT_KIOSK_CONFIG);
  });

  it('says in one line that the port is taken, without a stack trace', async () => {
    const first = launch('src/build/serve.ts', ['--port', '0', '--site', createSite('{}')]);
    const port = new URL(await first.url).port;
    const second = launch('src/build/serve.ts', ['--port', port, '--site', createSite('{}')]);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toBe(`start: port ${port} on 127.0.0.1 is in use (is the map already being served?); stop that, or pass --port N\n`);
  });

  it('says the site is not built yet, without a stack trace', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'atlas-unbuilt-'));
    const served = launch('src/build/serve.ts', ['--port', '0', '--site', empty]);
    expect(await served.exited).toBe(1);
    expect(served.stderr()).toBe(`start: ${join(empty, 'index.html')} is missing: build the site first (npm run build)\n`);
  });
});

describe('npm run kiosk', () => {
  it('runs with the defaults when the kiosk file is missing, and says so in one line', async () => {
    const site = createSite();
    const kiosk = launch('src/build/kiosk.ts', ['--no-browser', '--port', '0', '--site', site]);
    const url = await kiosk.url;
    expect(kiosk.stderr()).toBe(`kiosk: ${join(site, 'kiosk', 'config.json')} is missing; the defaults are used\n`);
    expect(await (await fetch(new URL('kiosk/config.json', url))).json()).toEqual(DEFAULT_KIOSK_CONFIG);
  });

  it('keeps serving after malformed URLs: no request ends the process', async () => {
    const kiosk = launch('src/build/kiosk.ts', ['--no-browser', '--port', '0', '--site', createSite('{}')]);
    const url = await kiosk.url;
    const host = new URL(url).host;
    for (const path of ['/%', '/%ff', '/%E0%A4%A', '/data/%']) {
      expect(await rawStatus(url, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
    }
    expect(await rawStatus(url, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 200 OK');
    expect(kiosk.child.exitCode).toBeNull();
    expect(kiosk.stderr()).toBe('');
  });

  it('accepts a file saved with a byte-order mark', async () => {
    const kiosk = launch('src/build/kiosk.ts', ['--no-browser', '--port', '0', '--site', createSite('\uFEFF{ "idleSeconds": 45, "attractTour": ["home-by-air"] }')]);
    const url = await kiosk.url;
    expect(kiosk.stderr()).toBe('');
    expect(await (await fetch(new URL('kiosk/config.json', url))).json()).toEqual({ ...DEFAULT_KIOSK_CONFIG, idleSeconds: 45, attractTour: ['home-by-air'] });
  });

  it('refuses a tour naming a journey the build did not derive, naming it, and keeps the defaults', async () => {
    const site = createSite('{ "idleSeconds": 45, "attractTour": ["home-by-air", "via-atlantis"] }');
    const kiosk = launch('src/build/kiosk.ts', ['--no-browser', '--port', '0', '--site', site]);
    const url = await kiosk.url;
    expect(kiosk.stderr()).toBe(`kiosk: ${join(site, 'kiosk', 'config.json')}: "attractTour" names an unknown journey "via-atlantis"; the journeys are out-by-sea, home-by-air; the defaults are used\n`);
    expect(await (await fetch(new URL('kiosk/config.json', url))).json()).toEqual(DEFAULT_KIOSK_CONFIG);
  });

  it('answers for the host names it is given, and refuses a bad one', async () => {
    const kiosk = launch('src/build/kiosk.ts', ['--no-browser', '--port', '0', '--site', createSite('{}'), '--host-name', 'atlas.museum']);
    const url = await kiosk.url;
    const port = new URL(url).port;
    expect(await rawStatus(url, `GET / HTTP/1.1\r\nHost: atlas.museum:${port}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 200 OK');
    expect(await rawStatus(url, `GET / HTTP/1.1\r\nHost: other.museum:${port}\r\nConnection: close\r\n\r\n`)).toBe('HTTP/1.1 421 Misdirected Request');
    const bad = launch('src/build/kiosk.ts', ['--no-browser', '--port', '0', '--site', createSite('{}'), '--host-name', 'http://atlas']);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toMatch(/^kiosk: --host-name "http:\/\/atlas" is not a host name/);
  });

  /** A stand-in for Chromium that writes down how it was started, then stays up a while as a browser would. */
  function createFakeChromium() {
    const script = join(mkdtempSync(join(tmpdir(), 'atlas-chromium-')), 'chromium');
    writeFileSync(script, '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$0.args"\nexec sleep 5\n');
    chmodSync(script, 0o755);
    return { script, args: () => (existsSync(`${script}.args`) ? readFileSync(`${script}.args`, 'utf8').trim().split('\n') : []) };
  }
  const post = (url: string, path: string, body: object) => fetch(new URL(path, url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('starts Chromium with software WebGL kept available, logs visits to the folder given, and logs the renderer the page reports', { timeout: 20_000 }, async () => {
    const chromium = createFakeChromium();
    const folder = join(mkdtempSync(join(tmpdir(), 'atlas-log-')), 'visits');
    const kiosk = launch('src/build/kiosk.ts', ['--port', '0', '--site', createSite('{}'), '--chromium', chromium.script, '--visit-log', folder, '--visit-log-keep', '3']);
    const url = await kiosk.url;
    await expect.poll(chromium.args).toContain('--enable-unsafe-swiftshader');
    expect(chromium.args()).toContain('--kiosk');
    expect(chromium.args().at(-1)).toBe(`${url}?kiosk&heartbeat&visits`);
    expect(kiosk.stdout()).toContain(`kiosk: visit log in ${folder}/`);
    // The shipped config has no public address: one line says take-home is off and how to turn it on (issue 32).
    expect(kiosk.stdout()).toMatch(/kiosk: take-home codes off: set "publicUrl" in \S+kiosk\/config\.json to the atlas's public web address/);

    expect((await post(url, 'kiosk/visit', { kind: 'place', id: 'paris', language: 'en', dwellMs: 2500 })).status).toBe(204);
    const [file] = readdirSync(folder);
    expect(file).toMatch(/^visits-\d{4}-\d{2}-\d{2}-001\.jsonl$/);
    expect(JSON.parse(readFileSync(join(folder, file!), 'utf8'))).toMatchObject({ kind: 'place', id: 'paris', language: 'en', dwellMs: 2500 });

    expect((await post(url, 'kiosk/heartbeat', { renderer: 'svg' })).status).toBe(204);
    await expect.poll(kiosk.stdout, { timeout: 8000 }).toContain('kiosk: the page draws its map with the SVG map (no WebGL)');
  });

  it('deletes each launch’s profile once its Chromium is gone, and logs the restart with its reason', { timeout: 20_000 }, async () => {
    // A Chromium that starts, writes into its profile and exits at once, as a crashing one would.
    const script = join(mkdtempSync(join(tmpdir(), 'atlas-chromium-')), 'chromium');
    writeFileSync(script, '#!/bin/sh\nfor a in "$@"; do case "$a" in --user-data-dir=*) d="${a#--user-data-dir=}"; echo "$d" >> "$0.profiles"; head -c 100000 /dev/zero > "$d/Cache";; esac; done\nexit 3\n');
    chmodSync(script, 0o755);
    const kiosk = launch('src/build/kiosk.ts', ['--port', '0', '--site', createSite('{}'), '--chromium', script, '--no-visit-log']);
    await kiosk.url;
    await expect.poll(kiosk.stderr, { timeout: 10_000 }).toContain('kiosk: restarting Chromium: Chromium exited (3); 2 launches in a row did not last, so the next starts in 6 s');
    expect(kiosk.stderr()).toContain('kiosk: restarting Chromium: Chromium exited (3); the next starts in 3 s\n');
    const profiles = readFileSync(`${script}.profiles`, 'utf8').trim().split('\n');
    expect(profiles).toHaveLength(2);
    for (const profile of profiles) expect(existsSync(profile), profile).toBe(false);
  });

  it('keeps no visit log when told not to, and refuses a bad log option', async () => {
    const kiosk = launch('src/build/kiosk.ts', ['--no-browser', '--port', '0', '--site', createSite('{}'), '--no-visit-log']);
    const url = await kiosk.url;
    expect(kiosk.stdout()).toContain(`kiosk page: ${url}?kiosk&heartbeat)`);
    expect((await post(url, 'kiosk/visit', { kind: 'place', id: 'paris', language: 'en', dwellMs: 2500 })).status).toBe(405);
    const bad = launch('src/build/kiosk.ts', ['--no-browser', '--port', '0', '--site', createSite('{}'), '--visit-log-keep', 'all']);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toMatch(/^kiosk: --visit-log-keep "all" is not a whole number above 0/);
  });
});
