import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { isLoopbackAddress, postRefusal, startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { counterName, VisitLogFile, visitLogFiles } from '../../src/build/visit-log-file.ts';
import { MAX_VISITS_PER_SECOND, VisitRate } from '../../src/build/visit-rate.ts';
import type { KioskRecord, VisitRecord } from '../../src/lib/kiosk/visit-event.ts';

function createSite() {
  const root = mkdtempSync(join(tmpdir(), 'atlas-site-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>atlas</title>');
  return root;
}

interface Reply {
  status: number;
  text: string;
  allow?: string;
}

/** One POST (or another method) with a body, as the kiosk page or anything else on the machine might send it. */
function send(server: StaticServer, path: string, body: string | Buffer, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: { 'Content-Type': 'application/json', ...options.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString(), allow: res.headers.allow }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const VISIT = { kind: 'place', id: 'paris', language: 'en', dwellMs: 12_345 };

describe('the kiosk server’s visit route', () => {
  let server: StaticServer;
  let plain: StaticServer;
  const received: KioskRecord[] = [];
  beforeAll(async () => {
    const root = createSite();
    server = await startStaticServer(root, { heartbeat: true, onVisit: (r) => received.push(r) });
    plain = await startStaticServer(root, {});
  });
  afterAll(async () => {
    await server.close();
    await plain.close();
  });

  it('takes one checked event, as JSON, and stamps it with the server’s time', async () => {
    received.length = 0;
    const before = Date.now();
    expect(await send(server, '/kiosk/visit', JSON.stringify(VISIT), { headers: { Origin: server.url.slice(0, -1) } })).toMatchObject({ status: 204 });
    expect(await send(server, '/kiosk/visit', JSON.stringify({ kind: 'journey', id: 'return-via-paris', step: 1, language: 'es', dwellMs: 0 }))).toMatchObject({ status: 204 });
    expect(received.map(({ at, ...rest }) => rest)).toEqual([VISIT, { kind: 'journey', id: 'return-via-paris', step: 1, language: 'es', dwellMs: 0 }]);
    expect(Date.parse(received[0]!.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it.each([
    ['not JSON', '{"kind": "place",', 400, 'a visit is not valid JSON'],
    ['an empty body', '', 400, 'a visit needs a body'],
    ['a missing field', JSON.stringify({ kind: 'place', id: 'paris', language: 'en' }), 400, "must have required property 'dwellMs'"],
    ['free text', JSON.stringify({ ...VISIT, query: 'my name is' }), 400, 'must NOT have additional properties'],
    ['an unknown kind', JSON.stringify({ ...VISIT, kind: 'typed' }), 400, 'visit/kind must be equal to one of the allowed values; "typed" is no kind of event this kiosk logs (the kinds are place, leg, journey, document, session-start'],
    ['an id that is not an id', JSON.stringify({ ...VISIT, id: 'Paris, France' }), 400, 'visit/id must match pattern'],
    ['a negative dwell', JSON.stringify({ ...VISIT, dwellMs: -5 }), 400, 'visit/dwellMs must be >= 0'],
    ['a step on a place', JSON.stringify({ ...VISIT, step: 2 }), 400, 'must NOT be valid'],
    ['a journey without its step', JSON.stringify({ ...VISIT, kind: 'journey' }), 400, "must have required property 'step'"],
    ['a list of events', JSON.stringify([VISIT, VISIT]), 400, 'visit must be object'],
  ])('refuses %s with 400 naming what is wrong, and writes nothing', async (_what, body, status, message) => {
    received.length = 0;
    const reply = await send(server, '/kiosk/visit', body);
    expect(reply.status).toBe(status);
    expect(reply.text).toContain(message);
    expect(received).toEqual([]);
  });

  it('refuses a body that is not declared JSON (415)', async () => {
    const reply = await send(server, '/kiosk/visit', JSON.stringify(VISIT), { headers: { 'Content-Type': 'text/plain' } });
    expect(reply).toMatchObject({ status: 415, text: expect.stringContaining('Content-Type: application/json') });
  });

  it('refuses more than 2 KB with 413, by its Content-Length or as it arrives (chunked)', async () => {
    received.length = 0;
    const big = JSON.stringify({ ...VISIT, id: 'x'.repeat(3000) });
    expect(await send(server, '/kiosk/visit', big)).toMatchObject({ status: 413, text: expect.stringContaining('at most 2048 bytes') });
    expect(await send(server, '/kiosk/visit', big, { headers: { 'Transfer-Encoding': 'chunked' } })).toMatchObject({ status: 413 });
    expect(received).toEqual([]);
    // The connection's server is still serving.
    expect(await send(server, '/kiosk/visit', JSON.stringify(VISIT))).toMatchObject({ status: 204 });
  });

  it('refuses another site’s page (403), another method (405) and another path (404)', async () => {
    expect(await send(server, '/kiosk/visit', JSON.stringify(VISIT), { headers: { Origin: 'http://attacker.example' } })).toMatchObject({ status: 403 });
    expect(await send(server, '/kiosk/visit', '', { method: 'GET' })).toMatchObject({ status: 405, allow: 'POST' });
    expect(await send(server, '/kiosk/visit', JSON.stringify(VISIT), { method: 'PUT' })).toMatchObject({ status: 405 });
    expect(await send(server, '/kiosk/visits', JSON.stringify(VISIT))).toMatchObject({ status: 405, allow: 'GET, HEAD' });
  });

  it('has no visit route without a log (npm start)', async () => {
    expect(await send(plain, '/kiosk/visit', JSON.stringify(VISIT))).toMatchObject({ status: 405, allow: 'GET, HEAD' });
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.5', false],
    ['fe80::1', false],
    [undefined, false],
  ])('takes a POST from %s: %s (another computer on the museum’s network is refused with 403)', (address, accepted) => {
    const refusal = postRefusal({ remoteAddress: address, host: '127.0.0.1:4174' }, 'a visit');
    expect(isLoopbackAddress(address)).toBe(accepted);
    expect(refusal === null).toBe(accepted);
    if (!accepted) expect([refusal!.status, refusal!.reason]).toEqual([403, 'a visit is accepted from this machine only']);
  });
});

describe('the heartbeat names the renderer', () => {
  it('records maplibre, svg or none; refuses anything else with 400', async () => {
    const server = await startStaticServer(createSite(), { heartbeat: true });
    try {
      expect(server.lastRenderer()).toBe(null);
      expect(await send(server, '/kiosk/heartbeat', JSON.stringify({ renderer: 'svg' }))).toMatchObject({ status: 204 });
      expect(server.lastRenderer()).toBe('svg');
      expect(await send(server, '/kiosk/heartbeat', JSON.stringify({ renderer: 'maplibre' }))).toMatchObject({ status: 204 });
      expect(server.lastRenderer()).toBe('maplibre');
      const bad = await send(server, '/kiosk/heartbeat', JSON.stringify({ renderer: 'canvas' }));
      expect(bad).toMatchObject({ status: 400, text: expect.stringContaining('a heartbeat is { "renderer": "maplibre" | "svg" | "none" }') });
      expect(server.lastRenderer()).toBe('maplibre');
      // An empty heartbeat still counts as one.
      const before = server.lastHeartbeat()!;
      // Once the clock has moved past the first beat, the second's time tells them apart.
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(before), { interval: 1 });
      expect(await send(server, '/kiosk/heartbeat', '')).toMatchObject({ status: 204 });
      expect(server.lastHeartbeat()!).toBeGreaterThan(before);
    } finally {
      await server.close();
    }
  });
});

describe('the visit log’s files', () => {
  const record = (at: string, id = 'paris'): VisitRecord => ({ kind: 'place', id, language: 'en', dwellMs: 1000, at });

  it('writes one JSON line per event, a file a day', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'atlas-visits-')), 'visits');
    const log = new VisitLogFile({ folder, maxBytes: 10_000, keep: 10 });
    log.append(record(new Date(2026, 11, 3, 10).toISOString()));
    log.append(record(new Date(2026, 11, 3, 11).toISOString(), 'havana'));
    log.append(record(new Date(2026, 11, 4, 9).toISOString()));
    expect(visitLogFiles(folder)).toEqual(['visits-2026-12-03-001.jsonl', 'visits-2026-12-04-001.jsonl']);
    const lines = readFileSync(join(folder, 'visits-2026-12-03-001.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as VisitRecord).id)).toEqual(['paris', 'havana']);
  });

  it('starts a new file before one would pass the size limit, and keeps only the newest', () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-visits-'));
    mkdirSync(join(folder, 'notes'));
    writeFileSync(join(folder, 'README.txt'), 'not a log file: never deleted');
    const at = new Date(2026, 11, 3, 10).toISOString();
    const lineBytes = JSON.stringify(record(at)).length + 1;
    const log = new VisitLogFile({ folder, maxBytes: lineBytes * 2, keep: 3 });
    for (let i = 0; i < 9; i++) log.append(record(at));
    expect(visitLogFiles(folder)).toEqual(['visits-2026-12-03-003.jsonl', 'visits-2026-12-03-004.jsonl', 'visits-2026-12-03-005.jsonl']);
    expect(readFileSync(join(folder, 'visits-2026-12-03-004.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
    expect(readFileSync(join(folder, 'visits-2026-12-03-005.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(folder)).toContain('README.txt');
  });
});

describe('issue 26: the visit log past its 999th file, and what it refuses', () => {
  const record = (at: string, id = 'paris'): VisitRecord => ({ kind: 'place', id, language: 'en', dwellMs: 1000, at });

  it.each([
    [1, '001'],
    [999, '999'],
    [1000, 'a1000'],
    [9999, 'a9999'],
    [10_000, 'b10000'],
    [123_456_789, 'f123456789'],
  ])('names counter %i "%s"', (counter, name) => {
    expect(counterName(counter)).toBe(name);
  });

  it('names files so they sort as they were written, for any count', () => {
    const names = [1, 2, 999, 1000, 1001, 9999, 10_000, 99_999, 100_000, 1_000_000].map((n) => `visits-2026-12-03-${counterName(n)}.jsonl`);
    expect([...names].sort()).toEqual(names);
  });

  it('goes on writing past the 999th file of a day, keeping the newest', () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-visits-'));
    const at = new Date(2026, 11, 3, 10).toISOString();
    // One line per file: the 1,001st visit of the day opens its 1,001st file.
    const log = new VisitLogFile({ folder, maxBytes: JSON.stringify(record(at)).length + 1, keep: 3 });
    for (let i = 1; i <= 1001; i++) log.append(record(at, `place-${i}`));
    expect(visitLogFiles(folder)).toEqual(['visits-2026-12-03-999.jsonl', 'visits-2026-12-03-a1000.jsonl', 'visits-2026-12-03-a1001.jsonl']);
    expect(readFileSync(join(folder, 'visits-2026-12-03-a1000.jsonl'), 'utf8')).toContain('"id":"place-1000"');
    expect(readFileSync(join(folder, 'visits-2026-12-03-a1001.jsonl'), 'utf8')).toContain('"id":"place-1001"');
  });

  it('refuses unknown ids at the door with 422, naming them, and writes nothing', async () => {
    const received: KioskRecord[] = [];
    const ids = { place: new Set(['paris']), leg: new Set(['havana-paris']), document: new Set(['cia-1963-04-11']), journey: new Map([['return-via-paris', 3]]) };
    const server = await startStaticServer(createSite(), { onVisit: (r) => received.push(r), visitIds: ids });
    try {
      const cases: Array<[object, number, string]> = [
        [{ ...VISIT, id: 'atlantis' }, 422, 'a visit names an unknown place "atlantis": this build has none by that id'],
        [{ ...VISIT, kind: 'leg', id: 'paris' }, 422, 'a visit names an unknown leg "paris"'],
        [{ ...VISIT, kind: 'document', id: 'paris' }, 422, 'a visit names an unknown document "paris"'],
        [{ ...VISIT, kind: 'journey', id: 'via-atlantis', step: 0 }, 422, 'a visit names an unknown journey "via-atlantis"; this build\'s journeys are return-via-paris'],
        [{ ...VISIT, kind: 'journey', id: 'return-via-paris', step: 3 }, 422, 'a visit names step 3 of journey "return-via-paris", which has 3 (counted from 0)'],
      ];
      for (const [event, status, message] of cases) expect(await send(server, '/kiosk/visit', JSON.stringify(event))).toMatchObject({ status, text: expect.stringContaining(message) });
      expect(received).toEqual([]);
      expect(await send(server, '/kiosk/visit', JSON.stringify({ ...VISIT, kind: 'journey', id: 'return-via-paris', step: 2 }))).toMatchObject({ status: 204 });
      expect(received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('takes each session event, checks its fields and its ids, and writes it as sent with the time', async () => {
    const received: KioskRecord[] = [];
    const ids = { place: new Set(['paris']), leg: new Set<string>(), document: new Set<string>(), journey: new Map([['return-via-paris', 3]]) };
    // A visitor's pace: one event every 200 ms, within the rate limit.
    let now = 0;
    const server = await startStaticServer(createSite(), { onVisit: (r) => received.push(r), visitIds: ids, now: () => (now += 200) });
    const session = '0123456789abcdef';
    const good = [
      { kind: 'session-start', session, language: 'en' },
      { kind: 'attract-stopped', session, language: 'en', id: 'return-via-paris', step: 2 },
      { kind: 'start-card', session, language: 'en', choice: 'journey', id: 'return-via-paris' },
      { kind: 'start-card', session, language: 'en', choice: 'explore' },
      { kind: 'journey-step', session, language: 'en', id: 'return-via-paris', step: 2, steps: 3 },
      { kind: 'language', session, language: 'es' },
      { kind: 'take-home', session, language: 'es' },
      { kind: 'search', session, language: 'es' },
      { kind: 'idle-prompt', session, language: 'es', answer: 'still-here' },
      { kind: 'tap-nothing', session, language: 'es' },
      { kind: 'place', id: 'paris', language: 'es', dwellMs: 10, session },
      { kind: 'session-end', session, language: 'es', end: 'idle-reset', dwellMs: 65_000 },
    ];
    const bad: Array<[object, number, string]> = [
      [{ kind: 'typed', session, language: 'en' }, 400, '"typed" is no kind of event this kiosk logs'],
      // What was typed never gets in: a search is only that one was made.
      [{ kind: 'search', session, language: 'en', query: 'my name is' }, 400, 'visit must NOT have additional properties'],
      [{ kind: 'take-home', language: 'en' }, 400, "visit must have required property 'session'"],
      [{ kind: 'tap-nothing', session: 'visitor-42', language: 'en' }, 400, 'visit/session must match pattern'],
      [{ kind: 'start-card', session, language: 'en', choice: 'explore', id: 'return-via-paris' }, 400, 'visit must NOT be valid'],
      [{ kind: 'start-card', session, language: 'en', choice: 'journey' }, 400, "visit must have required property 'id'"],
      [{ kind: 'idle-prompt', session, language: 'en', answer: 'maybe' }, 400, 'visit/answer must be equal to one of the allowed values'],
      [{ kind: 'session-end', session, language: 'en', end: 'idle-reset' }, 400, "visit must have required property 'dwellMs'"],
      [{ kind: 'attract-stopped', session, language: 'en', id: 'via-atlantis', step: 0 }, 422, 'a "attract-stopped" event names an unknown journey "via-atlantis"'],
      [{ kind: 'journey-step', session, language: 'en', id: 'return-via-paris', step: 3, steps: 4 }, 422, 'names step 3 of journey "return-via-paris", which has 3 (counted from 0)'],
      [{ kind: 'journey-step', session, language: 'en', id: 'return-via-paris', step: 1, steps: 4 }, 422, 'a "journey-step" event says journey "return-via-paris" has 4 steps; this build\'s has 3: reload the kiosk page after a rebuild'],
      [{ kind: 'start-card', session, language: 'en', choice: 'journey', id: 'via-atlantis' }, 422, 'unknown journey "via-atlantis"'],
      [{ kind: 'place', id: 'paris', language: 'en', dwellMs: 10, session: 'ABC' }, 400, 'visit/session must match pattern'],
    ];
    try {
      for (const [event, status, message] of bad) expect(await send(server, '/kiosk/visit', JSON.stringify(event))).toMatchObject({ status, text: expect.stringContaining(message) });
      expect(received).toEqual([]);
      for (const event of good) expect(await send(server, '/kiosk/visit', JSON.stringify(event)), event.kind).toMatchObject({ status: 204 });
      expect(received.map(({ at, ...rest }) => rest)).toEqual(good);
      expect(received.every((r) => !Number.isNaN(Date.parse(r.at)))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('answers 503, not 204, when the visit could not be written', async () => {
    // The log's folder is a file: every write fails, as on a full or failing disk.
    const folder = join(mkdtempSync(join(tmpdir(), 'atlas-visits-')), 'visits');
    writeFileSync(folder, '');
    const log = new VisitLogFile({ folder, maxBytes: 10_000, keep: 3 });
    const server = await startStaticServer(createSite(), { onVisit: (r) => log.append(r) });
    try {
      const reply = await send(server, '/kiosk/visit', JSON.stringify(VISIT));
      expect(reply.status).toBe(503);
      expect(reply.text).toContain('the visit log could not be written');
      expect(reply.text).toContain('the visit was not kept');
    } finally {
      await server.close();
    }
  });

  it(`takes at most ${MAX_VISITS_PER_SECOND} visits a second, refuses the rest with 429, and tells the operator`, async () => {
    let now = 0;
    const received: KioskRecord[] = [];
    const lines: string[] = [];
    const server = await startStaticServer(createSite(), { onVisit: (r) => received.push(r), log: (line) => lines.push(line), now: () => now });
    try {
      const replies = [];
      for (let i = 0; i < 25; i++) replies.push((await send(server, '/kiosk/visit', JSON.stringify(VISIT))).status);
      expect(replies.filter((s) => s === 204)).toHaveLength(MAX_VISITS_PER_SECOND);
      expect(replies.slice(MAX_VISITS_PER_SECOND).every((s) => s === 429)).toBe(true);
      expect(received).toHaveLength(MAX_VISITS_PER_SECOND);
      expect(lines).toEqual([`visits arrive faster than a touch screen makes them (more than ${MAX_VISITS_PER_SECOND} a second): the excess is refused, and counted here each minute`]);
      now += 1000; // a second later, a visitor's pace is taken again
      expect((await send(server, '/kiosk/visit', JSON.stringify(VISIT))).status).toBe(204);
    } finally {
      await server.close();
    }
    expect(lines.at(-1)).toBe(`15 visits refused in the last minute: more than ${MAX_VISITS_PER_SECOND} a second, faster than a touch screen makes them (a script on this machine?)`);
  });

  it('lets a visitor’s pace through: a tap every 150 ms closing three things each', () => {
    let now = 0;
    const rate = new VisitRate(MAX_VISITS_PER_SECOND, () => now);
    let admitted = 0;
    for (let tap = 0; tap < 100; tap++, now += 150) for (let k = 0; k < 3; k++) admitted += rate.admit() ? 1 : 0;
    expect(admitted).toBeGreaterThan(0.95 * ((100 * 150) / 1000) * MAX_VISITS_PER_SECOND);
  });
});
