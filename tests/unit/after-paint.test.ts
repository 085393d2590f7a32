import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../src/lib/after-paint.ts';

/** A page in node: frames run when the test says, timers are vitest's. */
function createFakePage() {
  const frames = new Map<number, FrameRequestCallback>();
  let next = 1;
  const page = { visibilityState: 'visible' as DocumentVisibilityState };
  vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => (frames.set(next, fn), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.stubGlobal('document', page);
  const paint = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const fn of due) fn(performance.now());
  };
  return { page, paint };
}

describe('afterNextPaint', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs after the next frame, in a task of its own, not in the frame', () => {
    const { paint } = createFakePage();
    const fn = vi.fn();
    afterNextPaint(fn);
    vi.advanceTimersByTime(50);
    expect(fn).not.toHaveBeenCalled(); // a busy page's frame is late: the work still waits for it
    paint();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not run once cancelled (an effect re-run, a destroyed map)', () => {
    const { paint } = createFakePage();
    const fn = vi.fn();
    afterNextPaint(fn)();
    paint();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });

  it('still runs in a hidden page, which paints no frames', () => {
    const { page } = createFakePage();
    page.visibilityState = 'hidden';
    const fn = vi.fn();
    afterNextPaint(fn);
    vi.advanceTimersByTime(300);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
