/**
 * Runs `fn` once the browser has painted the next frame: what a tap changes in the page (the passage panel) reaches
 * the screen first, and slower work (map highlighting, which under software WebGL holds a frame for a tenth of a
 * second; the history entry) follows in the frame after. A frame callback, then a task: the task runs after that
 * frame's paint. A hidden page paints no frames, so there a timer stands in. Returns a cancel function.
 */
export function afterNextPaint(fn: () => void): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  let watch: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(watch);
    fn();
  };
  const frame = requestAnimationFrame(() => (task = setTimeout(run, 0)));
  // Not a deadline: a busy page may take longer than this for its frame, and the work must still wait for it.
  const watchHidden = () => {
    if (document.visibilityState === 'hidden') run();
    else watch = setTimeout(watchHidden, 250);
  };
  watch = setTimeout(watchHidden, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(task);
    clearTimeout(watch);
  };
}
