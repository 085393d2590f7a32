import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { KioskState, realClock, type KioskClock, type KioskTimings } from '../../src/lib/kiosk/kiosk-state.svelte.ts';

/** A clock the test moves by hand: `pass(n)` is n seconds of the kiosk standing there. */
const TEN_AM = new Date(2026, 11, 3, 10, 0, 0).getTime();
function fakeClock(start = TEN_AM) {
  let now = start;
  let tick: (() => void) | null = null;
  const clock: KioskClock = {
    now: () => now,
    everySecond(t) {
      tick = t;
      return () => (tick = null);
    },
  };
  const pass = (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      now += 1000;
      tick?.();
    }
  };
  return { clock, pass, running: () => tick !== null };
}

const TIMINGS: KioskTimings = { idleSeconds: 90, countdownSeconds: 30, attractStepSeconds: 9, nightlyReload: null };
const TOUR = [['outbound-via-mexico', 3], ['to-cuba-and-back', 1]] as const;

/** `withSessions`: the session log's hooks write into `log` too, in order with the resets and tour steps. */
function kioskAt(timings: Partial<KioskTimings> = {}, start?: number, withSessions = false) {
  const { clock, pass, running } = fakeClock(start);
  const log: string[] = [];
  /** Seconds after the start at which a heartbeat went out. */
  const beats: number[] = [];
  const kiosk = new KioskState({ ...TIMINGS, ...timings }, TOUR, {
    reset: () => log.push('reset'),
    attractStep: (id, step) => log.push(`${id}:${step}`),
    reload: () => log.push('reload'),
    heartbeat: () => beats.push((clock.now() - (start ?? TEN_AM)) / 1000),
    touched: (attract) => withSessions && log.push(attract ? `touch on ${attract.journeyId}:${attract.step}` : 'touch'),
    prompt: (answer) => withSessions && log.push(`prompt ${answer}`),
    sessionEnded: () => withSessions && log.push('session ended'),
  }, clock);
  const stop = kiosk.start();
  return { kiosk, pass, log, beats, stop, running };
}

describe('the kiosk’s idle cycle', () => {
  it('asks "Still there?" after the idle time, and a touch in between starts the wait again', () => {
    const { kiosk, pass } = kioskAt();
    pass(89);
    expect(kiosk.phase).toBe('visitor');
    kiosk.activity();
    pass(89);
    expect(kiosk.phase).toBe('visitor');
    pass(1);
    flushSync();
    expect(kiosk.phase).toBe('prompt');
    expect(kiosk.secondsLeft).toBe(30);
  });

  it('counts down, then resets and plays the tour a step at a time, journey after journey, round again', () => {
    const { kiosk, pass, log } = kioskAt();
    pass(90);
    pass(29);
    expect(kiosk.secondsLeft).toBe(1);
    expect(log).toEqual([]);
    pass(1);
    expect(kiosk.phase).toBe('attract');
    expect(log).toEqual(['reset', 'outbound-via-mexico:0']);
    pass(9 * 4);
    expect(log).toEqual(['reset', 'outbound-via-mexico:0', 'outbound-via-mexico:1', 'outbound-via-mexico:2', 'to-cuba-and-back:0', 'outbound-via-mexico:0']);
  });

  it('hands control back on "keep exploring" without a reset, and on a touch of the tour with one', () => {
    const { kiosk, pass, log } = kioskAt();
    pass(95);
    kiosk.stillHere();
    expect(kiosk.phase).toBe('visitor');
    expect(log).toEqual([]);
    pass(90 + 30 + 9);
    expect(kiosk.phase).toBe('attract');
    kiosk.endAttract();
    expect(kiosk.phase).toBe('visitor');
    expect(log.at(-1)).toBe('reset');
    pass(89);
    expect(kiosk.phase).toBe('visitor');
  });

  it('tells the session log of each touch (and the tour step it stopped), the prompt’s answer and the idle reset', () => {
    const { kiosk, pass, log } = kioskAt({}, undefined, true);
    kiosk.activity();
    pass(90);
    kiosk.stillHere(); // "keep exploring"
    pass(90 + 30);
    // The tour plays its first journey's second step when a touch stops it.
    pass(9);
    kiosk.activity();
    kiosk.endAttract();
    expect(log).toEqual([
      'touch',
      'prompt still-here',
      'touch',
      'prompt ran-out',
      'session ended',
      'reset',
      'outbound-via-mexico:0',
      'outbound-via-mexico:1',
      'touch on outbound-via-mexico:1',
      'reset',
      // endAttract’s own touch: the session has begun already; it only moves its last touch on.
      'touch on outbound-via-mexico:1',
    ]);
  });

  it('reloads at night only when the tour comes round to its start, never during a visit', () => {
    // Loaded at 03:00; the reload is due at 03:30.
    const { kiosk, pass, log } = kioskAt({ nightlyReload: '03:30' }, new Date(2026, 11, 3, 3, 0, 0).getTime());
    for (let minute = 0; minute < 40; minute++) {
      kiosk.activity(); // a visitor busy past the reload time
      pass(60);
    }
    expect(log).not.toContain('reload');
    kiosk.activity(); // the last visitor leaves
    pass(90 + 30);
    expect(log.slice(-2)).toEqual(['reset', 'outbound-via-mexico:0']);
    pass(9 * 3); // through the first journey's three steps and the second's one
    expect(log).not.toContain('reload');
    pass(9);
    expect(log.at(-1)).toBe('reload');
  });

  it('stops its clock when stopped', () => {
    const { stop, running } = kioskAt();
    expect(running()).toBe(true);
    stop();
    expect(running()).toBe(false);
  });

  it('beats at start and every 10 s, through the prompt and the attract tour alike, and not once stopped', () => {
    const { kiosk, pass, beats, stop } = kioskAt({ idleSeconds: 20, countdownSeconds: 20 });
    expect(beats).toEqual([0]);
    pass(25);
    expect(kiosk.phase).toBe('prompt');
    pass(30);
    expect(kiosk.phase).toBe('attract');
    expect(beats).toEqual([0, 10, 20, 30, 40, 50]);
    stop();
    pass(30);
    expect(beats).toEqual([0, 10, 20, 30, 40, 50]);
  });
});

describe('the kiosk on the real clock (fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('beats every 10 s and asks "Still there?" after the idle time, with setInterval and Date.now', () => {
    vi.useFakeTimers({ now: TEN_AM });
    let beats = 0;
    const kiosk = new KioskState(TIMINGS, TOUR, { reset: () => {}, attractStep: () => {}, reload: () => {}, heartbeat: () => (beats += 1) }, realClock);
    const stop = kiosk.start();
    expect(beats).toBe(1);
    vi.advanceTimersByTime(89_000);
    expect([beats, kiosk.phase]).toEqual([9, 'visitor']);
    vi.advanceTimersByTime(1000);
    expect([beats, kiosk.phase]).toEqual([10, 'prompt']);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(beats).toBe(10);
  });
});
