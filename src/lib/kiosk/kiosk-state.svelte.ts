import type { KioskConfig } from './config.ts';
import { nextReloadAt } from './schedule.ts';
import { HEARTBEAT_SECONDS } from './heartbeat.ts';
import type { AttractAt } from './session-log.ts';
import type { PromptAnswer } from './visit-event.ts';

/** What the kiosk's state machine needs of time: injected, so tests run a day at the museum in milliseconds. */
export interface KioskClock {
  now(): number;
  /** Calls `tick` once a second until the returned function is called. */
  everySecond(tick: () => void): () => void;
}

export const realClock: KioskClock = {
  now: () => Date.now(),
  everySecond(tick) {
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  },
};

export type KioskTimings = Pick<KioskConfig, 'idleSeconds' | 'countdownSeconds' | 'attractStepSeconds' | 'nightlyReload'>;

export type KioskPhase = 'visitor' | 'prompt' | 'attract';

export interface KioskActions {
  /** Back to the start: selection, panels, filters, journey, text size and camera. */
  reset(): void;
  /** Show this step of this journey (the attract tour). */
  attractStep(journeyId: string, step: number): void;
  /** The nightly backstop: load the page afresh. */
  reload(): void;
  /** Tell the launcher's watchdog the page is alive: at start, then every HEARTBEAT_SECONDS, in every phase. */
  heartbeat?(): void;
  /** A touch, click, key or wheel; `attract` is the tour's step it interrupted (null: the tour was not playing). */
  touched?(attract: AttractAt | null): void;
  /** The "Still there?" prompt was answered, or its countdown ran out. */
  prompt?(answer: PromptAnswer): void;
  /** The idle reset: the visitor's session is over (called before `reset`). */
  sessionEnded?(): void;
}

/**
 * The kiosk's idle cycle: a visitor uses it; after `idleSeconds` without a touch it asks "Still there?" for
 * `countdownSeconds`; then it resets and plays the attract tour, a step every `attractStepSeconds`, until touched.
 * The nightly reload happens only at the start of a tour, never under a visitor's finger.
 */
export class KioskState {
  phase = $state<KioskPhase>('visitor');
  secondsLeft = $state(0);
  #lastActivity: number;
  #sinceStep = 0;
  #sinceBeat = 0;
  #at = { journey: 0, step: 0 };
  readonly #reloadDue: number;

  readonly #config: KioskTimings;
  /** Journeys the tour plays, as [journey id, number of steps]. */
  readonly #tour: ReadonlyArray<readonly [string, number]>;
  readonly #actions: KioskActions;
  readonly #clock: KioskClock;

  constructor(config: KioskTimings, tour: ReadonlyArray<readonly [string, number]>, actions: KioskActions, clock: KioskClock = realClock) {
    this.#config = config;
    this.#tour = tour;
    this.#actions = actions;
    this.#clock = clock;
    this.#lastActivity = clock.now();
    // A moment in time handed to a pure function, not state anyone watches.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.#reloadDue = config.nightlyReload ? nextReloadAt(config.nightlyReload, new Date(clock.now())).getTime() : Infinity;
  }

  /** Starts the once-a-second clock (and the heartbeat, at once); returns what stops it. */
  start(): () => void {
    this.#sinceBeat = 0;
    this.#actions.heartbeat?.();
    return this.#clock.everySecond(() => this.tick());
  }

  /** A touch, click, key or wheel: someone is here. */
  activity() {
    this.#lastActivity = this.#clock.now();
    const playing = this.phase === 'attract' ? this.#tour[this.#at.journey] : undefined;
    this.#actions.touched?.(playing ? { journeyId: playing[0], step: this.#at.step } : null);
  }

  /** "Yes, keep exploring" (or a touch on the veil). */
  stillHere() {
    if (this.phase === 'prompt') this.#actions.prompt?.('still-here');
    this.activity();
    this.phase = 'visitor';
  }

  /** A touch on the attract loop: the tour stops and the visitor starts from the beginning. */
  endAttract() {
    this.#actions.reset();
    this.stillHere();
  }

  tick() {
    this.#sinceBeat += 1;
    if (this.#sinceBeat >= HEARTBEAT_SECONDS) {
      this.#sinceBeat = 0;
      this.#actions.heartbeat?.();
    }
    if (this.phase === 'visitor' && this.#clock.now() - this.#lastActivity >= this.#config.idleSeconds * 1000) {
      this.phase = 'prompt';
      this.secondsLeft = this.#config.countdownSeconds;
    } else if (this.phase === 'prompt') {
      this.secondsLeft -= 1;
      if (this.secondsLeft <= 0) {
        this.#actions.prompt?.('ran-out');
        this.#actions.sessionEnded?.();
        this.#startAttract();
      }
    } else if (this.phase === 'attract') {
      this.#sinceStep += 1;
      if (this.#sinceStep >= this.#config.attractStepSeconds) {
        this.#sinceStep = 0;
        this.#advance();
      }
    }
  }

  #startAttract() {
    this.#actions.reset();
    this.phase = 'attract';
    this.#sinceStep = 0;
    this.#at = { journey: 0, step: 0 };
    if (this.#tour[0]) this.#actions.attractStep(this.#tour[0][0], 0);
  }

  #advance() {
    if (!this.#tour.length) return;
    const [, steps] = this.#tour[this.#at.journey]!;
    this.#at = this.#at.step + 1 < steps ? { ...this.#at, step: this.#at.step + 1 } : { journey: (this.#at.journey + 1) % this.#tour.length, step: 0 };
    if (this.#at.journey === 0 && this.#at.step === 0 && this.#clock.now() >= this.#reloadDue) {
      this.#actions.reload();
      return;
    }
    this.#actions.attractStep(this.#tour[this.#at.journey]![0], this.#at.step);
  }
}
