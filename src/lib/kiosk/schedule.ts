/** When the next nightly reload is due: the first HH:MM after `from` (local time). */
export function nextReloadAt(hhmm: string, from: Date): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const next = new Date(from);
  next.setHours(h, m, 0, 0);
  if (next <= from) next.setDate(next.getDate() + 1);
  return next;
}

/** The launcher restarts the browser when the page has been silent too long (frozen or crashed). */
export function browserNeedsRestart(now: number, lastHeartbeat: number | null, startedAt: number, watchdogSeconds: number): boolean {
  const since = lastHeartbeat ?? startedAt; // a page that never beat gets the same grace from launch
  return now - since > watchdogSeconds * 1000;
}
