// Baseline (c): the floor for tap → passage. A click writes a name into a heading, the same element the benchmark
// watches in the app; no map, no framework. What the app takes beyond this page is its own.
import { announceReady } from './baseline-data.ts';

const heading = document.querySelector('[data-testid="passage-panel"] h2')!;
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-target]')) {
  button.addEventListener('click', () => (heading.textContent = button.dataset.target ?? ''));
}
announceReady(null, Promise.resolve());
