/**
 * The benchmark's server section: a burst of requests, good and hostile, at the kiosk's static server (in a process
 * of its own, see server-child.ts), then whether it still answers and what its memory did. Only to 127.0.0.1, a
 * bounded number of requests, each with a time limit.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage } from './server-child.ts';
import { DATA_FILES } from '../../lib/atlas/contract.ts';

export interface BurstOptions {
  /** A built site (the production build). */
  site: string;
  requests: number;
  /** Memory is sampled after each round; at least 8 (round 1 to warm up, three for the plateau, three for the end). */
  rounds: number;
  /** Requests in flight at once. */
  concurrency: number;
  log: (line: string) => void;
}

export interface MemorySample {
  after: string;
  requests: number;
  rss: number;
  heapUsed: number;
  external: number;
}

export interface BurstResult {
  requests: number;
  /** Spent sending and answering, not waiting between rounds for the memory samples. */
  seconds: number;
  /** Per kind of request: how many, and the answers by status ("no answer" when the server closed without one). */
  kinds: Record<string, { count: number; answers: Record<string, number> }>;
  samples: MemorySample[];
  /** The process never exited, and answered GET / and a data file after the burst. */
  stillServing: boolean;
  /** Median heap of rounds 2–4: the file cache filled and the code warmed up by round 1. */
  plateauHeap: number;
  /** Median heap of the last three rounds. */
  endHeap: number;
  /** (endHeap − plateauHeap) per request sent between the two: what a leak would make grow. */
  heapBytesPerRequest: number;
}

const REQUEST_TIMEOUT_MS = 5000;
/** The whole burst stops issuing requests after this, whatever is left. */
const DEADLINE_MS = 180_000;

type Outcome = string;
interface Shot {
  kind: string;
  fire: (target: Target) => Promise<Outcome>;
}
interface Target {
  port: number;
  agent: Agent;
  etags: Map<string, string>;
}

/** Every file of the site, as URL paths. */
function sitePaths(site: string): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
  return walk(site).map((file) => '/' + relative(site, file).split(sep).join('/'));
}

/** An ordinary client (keep-alive, as a browser): the status, and the ETag remembered for a later If-None-Match. */
function http(target: Target, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: target.port, path, method: options.method ?? 'GET', headers: options.headers, agent: target.agent }, (res) => {
      if (res.headers.etag && res.statusCode === 200 && !options.headers?.['Accept-Encoding']) target.etags.set(path, res.headers.etag);
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
      res.on('error', () => resolve('client error'));
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve(e.message === 'timeout' ? 'timed out' : 'client error'));
    req.end(options.method === 'POST' || options.method === 'PUT' ? 'x'.repeat(64) : undefined);
  });
}

/** Bytes written as they are on a fresh connection: the status of the answer, or "no answer". */
function raw(target: Target, bytes: string | Buffer, { cutOff = false } = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect(target.port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), REQUEST_TIMEOUT_MS);
    const done = (outcome: Outcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(answer);
      if (status) done(status[1]!);
    });
    socket.on('close', () => done(answer ? 'unparsable answer' : 'no answer'));
    socket.write(bytes, () => {
      // A client that disappears half way through its request: nothing to wait for.
      if (cutOff) done('cut off by the client');
    });
  });
}

/** The mix, one of each per cycle: about a third good requests for the site's files, the rest 404s and hostile ones. */
function shots(paths: string[]): Shot[] {
  let next = 0;
  const file = () => paths[next++ % paths.length]!;
  /** Each call gives the next of these values, in turn. */
  const rotate = <T,>(values: readonly T[]) => {
    let turn = 0;
    return () => values[turn++ % values.length]!;
  };
  const badEscape = rotate(['/%', '/%ff', '/%E0%A4%A', '/data/%']);
  const longPath = rotate([6000, 40_000]);
  const otherMethod = rotate(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
  const line = (target: Target, requestLine: string, headers = `Host: 127.0.0.1:${target.port}`) => `${requestLine}\r\n${headers}\r\nConnection: close\r\n\r\n`;
  const noise = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256));
  const files = 'site files (GET, gzip, HEAD, If-None-Match, Range)';
  const missing = 'not in the site (missing, dot-files, ../)';
  const malformed = 'malformed (bad escapes, NUL, overlong, garbage), raw';
  const methods = 'other methods (POST, PUT, DELETE, PATCH, OPTIONS)';
  const hosts = 'foreign Host, absolute-form, no Host, raw';
  const cut = 'connections cut off half way, raw';
  return [
    { kind: files, fire: (t) => http(t, file()) },
    { kind: files, fire: (t) => http(t, file(), { headers: { 'Accept-Encoding': 'gzip, deflate, br' } }) },
    { kind: files, fire: (t) => http(t, file(), { method: 'HEAD' }) },
    {
      kind: files,
      fire: (t) => {
        const path = file();
        return http(t, path, { headers: { 'If-None-Match': t.etags.get(path) ?? '"unknown"' } });
      },
    },
    { kind: files, fire: (t) => http(t, file(), { headers: { Range: 'bytes=0-1023' } }) },
    { kind: files, fire: (t) => http(t, '/kiosk/config.json') },
    { kind: missing, fire: (t) => http(t, `/missing-${next++}.js`) },
    { kind: missing, fire: (t) => http(t, '/.env') },
    { kind: missing, fire: (t) => http(t, '/%2e%2e/%2e%2e/etc/passwd') },
    { kind: missing, fire: (t) => http(t, '/about') },
    { kind: malformed, fire: (t) => raw(t, line(t, `GET ${badEscape()} HTTP/1.1`)) },
    { kind: malformed, fire: (t) => raw(t, line(t, 'GET /index.html%00.js HTTP/1.1')) },
    { kind: malformed, fire: (t) => raw(t, line(t, `GET /${'a'.repeat(longPath())} HTTP/1.1`)) },
    { kind: malformed, fire: (t) => raw(t, 'HELLO\r\n\r\n') },
    { kind: malformed, fire: (t) => raw(t, noise) },
    { kind: methods, fire: (t) => http(t, file(), { method: otherMethod() }) },
    { kind: hosts, fire: (t) => raw(t, line(t, 'GET / HTTP/1.1', 'Host: attacker.example')) },
    { kind: hosts, fire: (t) => raw(t, line(t, 'GET http://attacker.example/ HTTP/1.1')) },
    { kind: hosts, fire: (t) => raw(t, 'GET / HTTP/1.0\r\n\r\n') },
    { kind: cut, fire: (t) => raw(t, `GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAccept: `, { cutOff: true }) },
    { kind: cut, fire: (t) => raw(t, '', { cutOff: true }) },
  ];
}

function startChild(site: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(new URL('./server-child.ts', import.meta.url)), [site], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: ChildMessage) => (m.type === 'ready' ? resolve({ child, url: m.url }) : reject(new Error('server-child: unexpected first message'))));
    child.once('exit', (code) => reject(new Error(`server-child exited (${code}) before serving`)));
  });
}

/** Sockets closed a moment ago are still being torn down; sampling after they are gone measures what stays. */
const SETTLE_MS = 1500;

async function memoryOf(child: ChildProcess): Promise<Omit<MemorySample, 'after' | 'requests'>> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server-child did not report its memory')), 10_000);
    child.once('message', (m: ChildMessage) => {
      clearTimeout(timer);
      if (m.type === 'memory') resolve({ rss: m.rss, heapUsed: m.heapUsed, external: m.external });
    });
    child.send('memory');
  });
}

export async function burstServer(options: BurstOptions): Promise<BurstResult> {
  if (options.rounds < 8) throw new Error('burstServer: at least 8 rounds (1 to warm up, 3 for the plateau, 3 for the end)');
  const { child, url } = await startChild(options.site);
  let exited = false;
  child.on('exit', () => (exited = true));
  const target: Target = { port: Number(new URL(url).port), agent: new Agent({ keepAlive: true, maxSockets: options.concurrency }), etags: new Map() };
  const mix = shots(sitePaths(options.site));
  const kinds: BurstResult['kinds'] = {};
  const samples: MemorySample[] = [{ after: 'start', requests: 0, ...(await memoryOf(child)) }];
  const started = Date.now();
  const perRound = Math.ceil(options.requests / options.rounds);
  let sent = 0;
  let firingMs = 0;
  try {
    for (let round = 1; round <= options.rounds && Date.now() - started < DEADLINE_MS; round++) {
      const end = Math.min(options.requests, round * perRound);
      const worker = async () => {
        while (sent < end && Date.now() - started < DEADLINE_MS) {
          const shot = mix[sent++ % mix.length]!;
          const outcome = await shot.fire(target);
          const tally = (kinds[shot.kind] ??= { count: 0, answers: {} });
          tally.count++;
          tally.answers[outcome] = (tally.answers[outcome] ?? 0) + 1;
        }
      };
      const roundStarted = Date.now();
      await Promise.all(Array.from({ length: options.concurrency }, worker));
      firingMs += Date.now() - roundStarted;
      samples.push({ after: `round ${round}`, requests: sent, ...(await memoryOf(child)) });
      options.log(`  burst: ${sent}/${options.requests} requests`);
    }
    const seconds = firingMs / 1000;
    const fresh = { ...target, agent: new Agent({ keepAlive: false }) };
    const stillServing = !exited && (await http(fresh, '/')) === '200' && (await http(fresh, `/${DATA_FILES.journeys}`)) === '200' && !exited;
    // Medians of three, as one sample after a forced GC still varies by a few hundred KB.
    const median = (list: MemorySample[]) => list.map((s) => s.heapUsed).sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    const plateau = samples.slice(2, 5);
    const end = samples.slice(-3);
    const plateauHeap = median(plateau);
    const endHeap = median(end);
    const between = end[1]!.requests - plateau[1]!.requests;
    return { requests: sent, seconds, kinds, samples, stillServing, plateauHeap, endHeap, heapBytesPerRequest: (endHeap - plateauHeap) / between };
  } finally {
    target.agent.destroy();
    child.send('close');
    await new Promise((resolve) => (exited ? resolve(null) : child.once('exit', resolve)));
  }
}
