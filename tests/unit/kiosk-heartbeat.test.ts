import { afterEach, describe, expect, it, vi } from 'vitest';
import { heartbeatSender } from '../../src/lib/kiosk/heartbeat.ts';
import type { RendererKind } from '../../src/lib/atlas/contract.ts';

/** fetch, recorded: each call's address, body and signal; each answers as the test says. */
function stubFetch(answer: () => Promise<Response>) {
  // A kiosk page opened at "//" (issue 26): the beats still go to the server's own /kiosk/heartbeat.
  vi.stubGlobal('location', { href: 'http://127.0.0.1:4174//?kiosk&heartbeat' });
  const calls: Array<{ url: string; method?: string; body: unknown; signal: AbortSignal }> = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method, body: JSON.parse(String(init.body)), signal: init.signal! });
    return answer();
  });
  return calls;
}

describe('the kiosk page’s heartbeat', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts to the launcher what draws the map at the moment of each beat', () => {
    const calls = stubFetch(() => Promise.resolve(new Response(null, { status: 204 })));
    let renderer: RendererKind = 'maplibre';
    const beats = heartbeatSender(() => renderer);
    beats.beat();
    renderer = 'svg'; // the context was lost and not given back
    beats.beat();
    expect(calls.map(({ url, method, body }) => ({ url, method, body }))).toEqual([
      { url: 'http://127.0.0.1:4174/kiosk/heartbeat', method: 'POST', body: { renderer: 'maplibre' } },
      { url: 'http://127.0.0.1:4174/kiosk/heartbeat', method: 'POST', body: { renderer: 'svg' } },
    ]);
  });

  it('lets a failed beat go without an error, and cancels only the beats already on their way', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const calls = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const beats = heartbeatSender(() => 'none');
    beats.beat();
    beats.cancel();
    beats.beat();
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    expect(calls.map((c) => c.signal.aborted)).toEqual([true, false]);
  });
});
