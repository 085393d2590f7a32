/** When the next nightly reload is due: the first HH:MM after `from` (local time). */
export function nextReloadAt(hhmm: string, from: Date): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const next = new Date(from);
  next.setHours(h, m, 0, 0);
  if (next <= from) next.setDate(next.getDate() + 1);
  return next;
}

/**
 * Why the launcher restarts the browser now, or null. Only a heartbeat of this launch counts: one from before it
 * (the previous browser's) would have a restarted page killed seconds after every launch. Until its first beat, a
 * launch gets the whole `watchdogSeconds` from its start, however slow the machine is to show the page.
 */
export function restartReason(now: number, lastHeartbeat: number | null, startedAt: number, watchdogSeconds: number): string | null {
  const limit = watchdogSeconds * 1000;
  if (lastHeartbeat !== null && lastHeartbeat >= startedAt) {
    return now - lastHeartbeat > limit ? `no heartbeat for ${Math.round((now - lastHeartbeat) / 1000)} s (the page froze or crashed)` : null;
  }
  return now - startedAt > limit ? `no heartbeat in the ${Math.round((now - startedAt) / 1000)} s since Chromium was started (the page never came up)` : null;
}

/** The launcher restarts the browser when the page has been silent too long (frozen or crashed). */
export function browserNeedsRestart(now: number, lastHeartbeat: number | null, startedAt: number, watchdogSeconds: number): boolean {
  return restartReason(now, lastHeartbeat, startedAt, watchdogSeconds) !== null;
}

/** The wait before a relaunch; it doubles with each launch in a row that did not last, up to the cap. */
export const FIRST_RESTART_DELAY_MS = 3000;
export const MAX_RESTART_DELAY_MS = 5 * 60_000;
/** A launch that lasted this long was a good one: the next restart waits the first delay again. */
export const LASTING_LAUNCH_MS = 10 * 60_000;

/**
 * The kiosk launcher's watchdog: each launch's own grace from its start, and a back-off between relaunches when the
 * browser keeps failing (a page that cannot start would otherwise be relaunched every few seconds all day).
 */
export class BrowserWatchdog {
  readonly #watchdogSeconds: number;
  readonly #now: () => number;
  #startedAt: number;
  #failures = 0;

  constructor(watchdogSeconds: number, now: () => number = Date.now) {
    this.#watchdogSeconds = watchdogSeconds;
    this.#now = now;
    this.#startedAt = now();
  }

  /** A browser was just started: its grace runs from now. */
  launched(): void {
    this.#startedAt = this.#now();
  }

  /** Why the running browser must be restarted now, or null. */
  check(lastHeartbeat: number | null): string | null {
    return restartReason(this.#now(), lastHeartbeat, this.#startedAt, this.#watchdogSeconds);
  }

  /** The browser has gone (exited, or killed after check): the launches in a row that did not last, and the wait. */
  restarted(): { inARow: number; delayMs: number } {
    this.#failures = this.#now() - this.#startedAt >= LASTING_LAUNCH_MS ? 1 : this.#failures + 1;
    return { inARow: this.#failures, delayMs: Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (this.#failures - 1)) };
  }
}
