/**
 * Lighthouse on the built app, in Debian's Chromium: accessibility and best-practice scores, with desktop settings and
 * with Lighthouse's default mobile ones (a phone: 412×823 emulated, touch, 1.75 device pixels).
 */
import { createServer } from 'node:net';
import lighthouse, { desktopConfig } from 'lighthouse';
import { launchChromium } from '../chromium.ts';

export interface LighthouseScores {
  /** 0–100 per category. */
  accessibility: number;
  bestPractices: number;
  /** Audits that did not pass, as "category: audit title (the elements it names)". */
  failed: string[];
}

export type FormFactor = 'desktop' | 'phone';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** What an audit found at fault, by the elements it names: "selector `snippet`", a few at most. */
function elementsOf(details: unknown): string[] {
  const items = (details as { items?: Array<{ node?: { selector?: string; snippet?: string } }> } | undefined)?.items ?? [];
  return items.flatMap((item) => (item.node ? [`${item.node.selector ?? '?'} ${item.node.snippet ?? ''}`.trim()] : [])).slice(0, 5);
}

export async function auditWithLighthouse(url: string, formFactor: FormFactor = 'desktop'): Promise<LighthouseScores> {
  const port = await freePort();
  // Lighthouse drives the browser over the DevTools port; Playwright starts it with the same flags as the tests.
  const browser = await launchChromium([`--remote-debugging-port=${port}`]);
  try {
    // No config is Lighthouse's default: the mobile one.
    const result = await lighthouse(url, { port, logLevel: 'error', onlyCategories: ['accessibility', 'best-practices'] }, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const failed = Object.entries(categories).flatMap(([id, category]) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => {
          const elements = elementsOf(audits[ref.id]?.details);
          return `${id}: ${audits[ref.id]?.title ?? ref.id}${elements.length ? ` (${elements.join(', ')})` : ''}`;
        }),
    );
    return { accessibility: score('accessibility'), bestPractices: score('best-practices'), failed };
  } finally {
    await browser.close();
  }
}
