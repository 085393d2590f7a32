import { describe, expect, it } from 'vitest';
import { openThings, visitSender, VisitTracker, type OpenThing } from '../../src/lib/kiosk/visit-log.ts';
import type { VisitEvent } from '../../src/lib/kiosk/visit-event.ts';

function createTracker() {
  let now = 1000;
  let language = 'en';
  const sent: VisitEvent[] = [];
  const tracker = new VisitTracker((e) => sent.push(e), () => now, () => language);
  return { tracker, sent, wait: (ms: number) => (now += ms), speak: (l: string) => (language = l) };
}

const paris: OpenThing = { kind: 'place', id: 'paris' };
const havana: OpenThing = { kind: 'place', id: 'havana' };

describe('the kiosk page’s visit log', () => {
  it('sends a thing once it is replaced, with how long it was open and the language at that moment', () => {
    const { tracker, sent, wait, speak } = createTracker();
    tracker.show([paris]);
    wait(4200);
    tracker.show([paris]); // still open: nothing
    expect(sent).toEqual([]);
    speak('es');
    tracker.show([havana]);
    expect(sent).toEqual([{ kind: 'place', id: 'paris', language: 'es', dwellMs: 4200 }]);
    wait(800);
    tracker.closeAll();
    expect(sent.at(-1)).toEqual({ kind: 'place', id: 'havana', language: 'es', dwellMs: 800 });
    tracker.closeAll();
    expect(sent).toHaveLength(2);
  });

  it('tells a journey’s steps apart, and keeps things open side by side', () => {
    const { tracker, sent, wait } = createTracker();
    const step = (n: number): OpenThing => ({ kind: 'journey', id: 'return-via-paris', step: n });
    tracker.show([step(0)]);
    wait(3000);
    tracker.show([step(1), { kind: 'document', id: '002' }]);
    wait(1000);
    tracker.show([step(1)]);
    expect(sent).toEqual([
      { kind: 'journey', id: 'return-via-paris', step: 0, language: 'en', dwellMs: 3000 },
      { kind: 'document', id: '002', language: 'en', dwellMs: 1000 },
    ]);
  });

  it('reads what is open from the selection, the journey and the reader', () => {
    expect(openThings(null, { id: null, step: 0 }, null)).toEqual([]);
    expect(openThings({ kind: 'leg', id: 'havana-paris' }, { id: 'return-via-paris', step: 2 }, { documentId: '003' })).toEqual([
      { kind: 'leg', id: 'havana-paris' },
      { kind: 'journey', id: 'return-via-paris', step: 2 },
      { kind: 'document', id: '003' },
    ]);
  });
});

describe('issue 26: a page asked for visits by a server that keeps no log', () => {
  const visit: VisitEvent = { kind: 'place', id: 'paris', language: 'en', dwellMs: 1200 };
  /** A stubbed fetch answering every POST with `status`, counting them. */
  function createServer(status: number) {
    const posted: string[] = [];
    const post = ((url: string) => {
      posted.push(url);
      return Promise.resolve(new Response(null, { status }));
    }) as typeof fetch;
    return { post, posted };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it.each([405, 404])('stops sending after the first %i, with one console line', async (status) => {
    const { post, posted } = createServer(status);
    const lines: string[] = [];
    const send = visitSender(post, () => 'http://127.0.0.1:4173/kiosk/visit', (line) => lines.push(line));
    send(visit);
    await settle();
    for (let i = 0; i < 20; i++) send(visit);
    await settle();
    expect(posted).toEqual(['http://127.0.0.1:4173/kiosk/visit']);
    expect(lines).toEqual([`kiosk: this server keeps no visit log (HTTP ${status}); visits are not sent any more`]);
  });

  it('goes on sending while the server takes them, or refuses one for its own reasons', async () => {
    for (const status of [204, 422, 429, 503]) {
      const { post, posted } = createServer(status);
      const lines: string[] = [];
      const send = visitSender(post, () => 'http://127.0.0.1:4174/kiosk/visit', (line) => lines.push(line));
      for (let i = 0; i < 3; i++) {
        send(visit);
        await settle();
      }
      expect(posted, String(status)).toHaveLength(3);
      expect(lines).toEqual([]);
    }
  });
});
