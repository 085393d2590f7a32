/** Which journey is being traced, on which step, and whether it plays by itself. */
export class JourneyState {
  id = $state<string | null>(null);
  step = $state(0);
  playing = $state(false);

  start(id: string, step = 0) {
    this.id = id;
    this.step = step;
  }

  /** Moves by `delta` steps within [0, steps - 1]; returns false at either end. */
  move(delta: number, steps: number): boolean {
    const next = this.step + delta;
    if (next < 0 || next >= steps) return false;
    this.step = next;
    return true;
  }

  reset() {
    this.id = null;
    this.step = 0;
    this.playing = false;
  }
}
