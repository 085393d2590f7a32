import { describe, expect, it } from 'vitest';
import { openThings, VisitTracker, type OpenThing } from '../../src/lib/kiosk/visit-log.ts';
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
