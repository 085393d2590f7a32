/**
 * The committed results file (src/build/bench/RESULTS.md): `npm run bench` writes its latest tables there, one block
 * per part it ran (idle, tap, soak …), each with its date, machine and Chromium. A part not run this time keeps its
 * last block; everything outside the "Latest results" section (the dated history, notes) is kept as written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const RESULTS_FILE = 'src/build/bench/RESULTS.md';
const START = '<!-- bench: latest results start (rewritten by npm run bench; edit outside these marks) -->';
const END = '<!-- bench: latest results end -->';
const HEADING = '## Latest results';
const blockStart = (part: string) => `<!-- bench part: ${part} -->`;
const blockEnd = (part: string) => `<!-- /bench part: ${part} -->`;
const BLOCK = /<!-- bench part: ([\w-]+) -->\n[\s\S]*?<!-- \/bench part: \1 -->/g;

export interface ResultBlock {
  /** The bench's part: derive, idle, tap, soak, lighthouse, server … */
  part: string;
  /** Its tables and targets, as printed. */
  text: string;
}

export interface RunInfo {
  date: string;
  /** Machine, Node and Chromium, as the bench prints them. */
  machine: string;
  /** The command line's options, e.g. "--quick --only idle,tap". */
  options: string;
}

/** The file's new text: this run's blocks in place of the same parts' old ones, the other parts' blocks kept. */
export function updateLatestResults(existing: string | null, blocks: readonly ResultBlock[], run: RunInfo, order: readonly string[]): string {
  const before = existing ?? '# Benchmark results\n\nWhat `npm run bench` measured, on the machine it names. The figures are compared as ratios measured in the same run.\n\n';
  const kept = new Map<string, string>();
  let head: string;
  let tail: string;
  const start = before.indexOf(START);
  const end = before.indexOf(END);
  if (start >= 0 && end > start) {
    for (const match of before.slice(start, end).matchAll(BLOCK)) kept.set(match[1]!, match[0]);
    head = before.slice(0, start);
    tail = before.slice(end + END.length);
  } else if (/^## Latest results *$/m.test(before)) {
    // A "Latest results" heading written by hand: the bench's tables go first under it, the text there is kept below.
    const heading = /^## Latest results *\n+/m.exec(before)!;
    head = before.slice(0, heading.index + heading[0].length);
    tail = `\n\n${before.slice(heading.index + heading[0].length)}`;
  } else {
    // No section yet: it goes at the top, under the title, before whatever the file holds (the dated history).
    const title = /^# .*\n+/.exec(before);
    const at = title ? title[0].length : 0;
    head = `${before.slice(0, at)}${HEADING}\n\n`;
    tail = `\n\n${before.slice(at)}`;
  }
  for (const block of blocks) {
    const body = `### ${block.part} — ${run.date}, \`npm run bench -- ${run.options}\`\n${run.machine}\n\n\`\`\`\n${block.text.trim()}\n\`\`\``;
    kept.set(block.part, `${blockStart(block.part)}\n${body}\n${blockEnd(block.part)}`);
  }
  const rank = (part: string) => (order.includes(part) ? order.indexOf(part) : order.length);
  const parts = [...kept.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const section = `${START}\n${parts.map((p) => kept.get(p)).join('\n\n')}\n${END}`;
  return `${head}${section}${tail.startsWith('\n') ? tail : `\n${tail}`}`.replace(/\n*$/, '\n');
}

export function writeLatestResults(blocks: readonly ResultBlock[], run: RunInfo, order: readonly string[], file = RESULTS_FILE): void {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : null;
  writeFileSync(file, updateLatestResults(existing, blocks, run, order));
}
