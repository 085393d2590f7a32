import { describe, expect, it } from 'vitest';
import { updateLatestResults } from '../../src/build/bench/results-file.ts';

const ORDER = ['derive', 'idle', 'tap', 'soak'];
const createRun = (date: string, options = '--quick --only idle,tap') => ({ date, machine: '2 × CPU, Node v20, Chromium 156.0 (SwiftShader WebGL, headless)', options });
const HISTORY = '# Benchmark results\n\n## History\n\n### 2026-11-23\n\n| first idle | 0.67 × |\n';

describe('the results file the bench writes', () => {
  it('creates the file with a latest-results section, each part with its date, machine and Chromium', () => {
    const text = updateLatestResults(null, [{ part: 'idle', text: 'First idle\n| app | 2039 ms |' }, { part: 'tap', text: 'Tap\n| app | 46 ms |' }], createRun('2026-12-07'), ORDER);
    expect(text).toMatch(/^# Benchmark results\n/);
    expect(text).toContain('## Latest results');
    expect(text).toContain('### idle — 2026-12-07, `npm run bench -- --quick --only idle,tap`\n2 × CPU, Node v20, Chromium 156.0');
    expect(text.indexOf('### idle')).toBeLessThan(text.indexOf('### tap'));
    expect(text).toContain('| app | 2039 ms |');
  });

  it('puts the section above the dated history and keeps the history word for word', () => {
    const text = updateLatestResults(HISTORY, [{ part: 'idle', text: 'First idle' }], createRun('2026-12-07'), ORDER);
    expect(text.indexOf('## Latest results')).toBeLessThan(text.indexOf('## History'));
    expect(text).toContain(HISTORY.slice('# Benchmark results\n\n'.length));
  });

  it('writes under a "Latest results" heading already in the file, keeping the text there and every other section', () => {
    const existing = '# Benchmark results\n\nIntro.\n\n## Latest results\n\nFigures pasted by hand.\n\n## How to read them\n\nRatios.\n\n## History\n\nOld runs.\n';
    const text = updateLatestResults(existing, [{ part: 'idle', text: 'idle tables' }], createRun('2026-12-07'), ORDER);
    expect(text.match(/## Latest results/g)).toHaveLength(1);
    expect(text.indexOf('idle tables')).toBeLessThan(text.indexOf('Figures pasted by hand.'));
    expect(text.indexOf('## Latest results')).toBeLessThan(text.indexOf('idle tables'));
    for (const kept of ['Intro.', 'Figures pasted by hand.', '## How to read them\n\nRatios.', '## History\n\nOld runs.']) expect(text).toContain(kept);
    expect(updateLatestResults(text, [{ part: 'idle', text: 'idle tables' }], createRun('2026-12-07'), ORDER)).toBe(text);
  });

  it('replaces the parts run again, keeps the others and the history, and changes nothing else', () => {
    const first = updateLatestResults(HISTORY, [{ part: 'idle', text: 'idle, first run' }, { part: 'soak', text: 'soak, long run' }], createRun('2026-12-01', ''), ORDER);
    const second = updateLatestResults(first, [{ part: 'idle', text: 'idle, second run' }], createRun('2026-12-07'), ORDER);
    expect(second).toContain('idle, second run');
    expect(second).not.toContain('idle, first run');
    expect(second).toContain('soak, long run');
    expect(second).toContain('### soak — 2026-12-01');
    expect(second.match(/## Latest results/g)).toHaveLength(1);
    expect(second).toContain('## History\n\n### 2026-11-23');
    // Run twice with the same figures: the same file.
    expect(updateLatestResults(second, [{ part: 'idle', text: 'idle, second run' }], createRun('2026-12-07'), ORDER)).toBe(second);
  });
});
