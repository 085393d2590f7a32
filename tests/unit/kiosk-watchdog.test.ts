import { describe, expect, it } from 'vitest';
import { BrowserWatchdog, FIRST_RESTART_DELAY_MS, LASTING_LAUNCH_MS, MAX_RESTART_DELAY_MS, browserNeedsRestart } from '../../src/lib/kiosk/schedule.ts';

// Issue 26: the launcher's watchdog on a fake clock, driven as src/build/kiosk.ts drives it (a check every 5 s).
const WATCHDOG_SECONDS = 60;

/** A watchdog, a clock and a page that beats when told to; `run` advances the clock in the launcher's 5 s checks. */
function createKiosk() {
  let now = 1_000_000;
  let lastBeat: number | null = null;
  const watchdog = new BrowserWatchdog(WATCHDOG_SECONDS, () => now);
  const log: string[] = [];
  const launches: number[] = [];
  const launch = () => {
    watchdog.launched();
    launches.push(now);
  };
  /** Runs `ms` of checks; `beatsFrom(t)` says whether the page beats at time t after its launch. Returns restarts. */
  const run = (ms: number, beats: (sinceLaunch: number) => boolean) => {
    for (const end = now + ms; now < end; ) {
      now += 5000;
      if (beats(now - launches.at(-1)!)) lastBeat = now;
      const reason = watchdog.check(lastBeat);
      if (reason) {
        const { delayMs } = watchdog.restarted();
        log.push(`${reason}; next in ${delayMs / 1000} s`);
        now += delayMs;
        launch();
      }
    }
  };
  launch();
  return { run, log, launches };
}

describe('the kiosk launcher’s watchdog', () => {
  it('gives a launch whose page is slow to its first heartbeat the whole grace from its own start', () => {
    const kiosk = createKiosk();
    // A first launch that works, then hangs: one restart.
    kiosk.run(10 * 60_000, (t) => t < 5 * 60_000);
    expect(kiosk.launches).toHaveLength(2);
    // The new page takes 40 s to beat (a cold disk), then beats every 10 s: no more restarts, however long it runs.
    kiosk.run(30 * 60_000, (t) => t >= 40_000);
    expect(kiosk.launches).toHaveLength(2);
    expect(kiosk.log).toEqual([`no heartbeat for 65 s (the page froze or crashed); next in ${FIRST_RESTART_DELAY_MS / 1000} s`]);
  });

  it('restarts a page that never comes up once per grace period, not every 5 s, and backs off', () => {
    const kiosk = createKiosk();
    kiosk.run(60 * 60_000, () => false); // no launch's page ever beats (a page that cannot start)
    const gaps = kiosk.launches.slice(1).map((t, i) => t - kiosk.launches[i]!);
    // Every launch had its full grace: never killed sooner than WATCHDOG_SECONDS after it started.
    expect(Math.min(...gaps)).toBeGreaterThan(WATCHDOG_SECONDS * 1000);
    expect(kiosk.log.slice(0, 3)).toEqual([
      'no heartbeat in the 65 s since Chromium was started (the page never came up); next in 3 s',
      'no heartbeat in the 65 s since Chromium was started (the page never came up); next in 6 s',
      'no heartbeat in the 65 s since Chromium was started (the page never came up); next in 12 s',
    ]);
    // Backed off to the cap: an hour of a broken page is a handful of launches, not 720.
    expect(kiosk.log.at(-1)).toMatch(new RegExp(`next in ${MAX_RESTART_DELAY_MS / 1000} s$`));
    expect(kiosk.launches.length).toBeLessThan(20);
  });

  it('waits the first delay again once a launch has lasted', () => {
    const kiosk = createKiosk();
    kiosk.run(3 * 60_000, () => false); // two quick failures in a row
    expect(kiosk.log.map((l) => l.replace(/.*; /, ''))).toEqual(['next in 3 s', 'next in 6 s']);
    kiosk.run(LASTING_LAUNCH_MS + 60_000, (t) => t < LASTING_LAUNCH_MS); // a launch that lasted, then hung
    expect(kiosk.log.at(-1)).toBe(`no heartbeat for 65 s (the page froze or crashed); next in ${FIRST_RESTART_DELAY_MS / 1000} s`);
  });

  it('does not count the previous launch’s heartbeat for the new one', () => {
    // The page beat at 100 s; the browser was relaunched at 200 s; at 205 s the old beat is 105 s old.
    expect(browserNeedsRestart(205_000, 100_000, 200_000, 60)).toBe(false);
    expect(browserNeedsRestart(261_000, 100_000, 200_000, 60)).toBe(true);
  });
});
