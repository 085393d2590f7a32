/**
 * The kiosk's server, alone in a process, for the benchmark's burst (server-burst.ts): its memory is then the
 * server's own, not the client's. Started by fork() with --expose-gc; reports over IPC.
 * Usage (by server-burst.ts only): node --import tsx --expose-gc server-child.ts SITE
 */
import { serveSite } from '../serve-site.ts';

export type ChildMessage = { type: 'ready'; url: string } | { type: 'memory'; rss: number; heapUsed: number; external: number };

const send = (message: ChildMessage) => process.send!(message);
const collect = (globalThis as { gc?: () => void }).gc;
if (!process.send || !collect) throw new Error('server-child.ts is started by server-burst.ts (fork, --expose-gc), not by hand');

const { server } = await serveSite({ site: process.argv[2] ?? 'dist', port: 0, hostNames: [], heartbeat: true, log: () => {} });
send({ type: 'ready', url: server.url });

process.on('message', (message: string) => {
  if (message === 'memory') {
    // Twice: the first pass may only queue finalizers that free more on the second.
    collect();
    collect();
    const { rss, heapUsed, external } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed, external });
  } else if (message === 'close') {
    void server.close().then(() => process.exit(0));
  }
});
