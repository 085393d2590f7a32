/** Lighthouse (desktop settings) on the built app, in Debian's Chromium: accessibility and best-practice scores. */
import { createServer } from 'node:net';
import lighthouse, { desktopConfig } from 'lighthouse';
import { launchChromium } from '../chromium.ts';

export interface LighthouseScores {
  /** 0–100 per category. */
  accessibility: number;
  bestPractices: number;
  /** Audits that did not pass, as "category: audit title". */
  failed: string[];
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

export async function auditWithLighthouse(url: string): Promise<LighthouseScores> {
  const port = await freePort();
  // Lighthouse drives the browser over the DevTools port; Playwright starts it with the same flags as the tests.
  const browser = await launchChromium([`--remote-debugging-port=${port}`]);
  try {
    const result = await lighthouse(url, { port, logLevel: 'error', onlyCategories: ['accessibility', 'best-practices'] }, desktopConfig);
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const failed = Object.entries(categories).flatMap(([id, category]) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${id}: ${audits[ref.id]?.title ?? ref.id}`),
    );
    return { accessibility: score('accessibility'), bestPractices: score('best-practices'), failed };
  } finally {
    await browser.close();
  }
}
