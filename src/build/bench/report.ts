/** Plain-text tables for the benchmark's output (and the README, which shows the same text). */

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const ms = (value: number) => `${Math.round(value)} ms`;

/** Columns padded to their widest cell; the first column (names) left-aligned, numbers in the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (cell: string, column: number) => column > 0 && /^[-+×≤<>≈]?\s?\d/.test(cell);
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (numeric(c, i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  return [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

export interface Verdict {
  target: string;
  measured: string;
  met: boolean;
}

export function verdictTable(verdicts: Verdict[]): string {
  return table(
    ['target', 'measured', 'met'],
    verdicts.map((v) => [v.target, v.measured, v.met ? 'yes' : 'NO']),
  );
}
