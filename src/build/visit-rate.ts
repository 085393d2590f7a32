/**
 * The most visits the kiosk's server takes per second. A visit is sent when a visitor closes or replaces something
 * (a place, a leg, a journey step, a document): a finger taps at most about 7 times a second, and one tap closes at
 * most three things (a reset closes all three). More than this is not a visitor, and without a cap a loop on the
 * machine (about 330,000 POSTs in 45 s) would push 30 days of history out of the log.
 */
export const MAX_VISITS_PER_SECOND = 10;

/** A token bucket: up to `perSecond` visits in any second, refilled continuously; what it refuses is counted. */
export class VisitRate {
  readonly #perSecond: number;
  readonly #now: () => number;
  #tokens: number;
  #last: number;
  #dropped = 0;

  constructor(perSecond = MAX_VISITS_PER_SECOND, now: () => number = () => performance.now()) {
    this.#perSecond = perSecond;
    this.#now = now;
    this.#tokens = perSecond;
    this.#last = now();
  }

  /** Whether one more visit may be written now. */
  admit(): boolean {
    const now = this.#now();
    this.#tokens = Math.min(this.#perSecond, this.#tokens + ((now - this.#last) / 1000) * this.#perSecond);
    this.#last = now;
    if (this.#tokens < 1) {
      this.#dropped++;
      return false;
    }
    this.#tokens -= 1;
    return true;
  }

  /** Visits refused since the last call (for the operator's log), and starts counting again. */
  takeDropped(): number {
    const dropped = this.#dropped;
    this.#dropped = 0;
    return dropped;
  }
}
