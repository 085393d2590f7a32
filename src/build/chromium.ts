import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH overrides it. Playwright's own browser download is not used. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as the tests and the benchmark run it: WebGL through SwiftShader (no GPU here), and
 * none of the background connections a closed network would refuse. The page itself is composited and rasterised
 * in software: through SwiftShader, GPU compositing cost the GPU process about 10 s of CPU per page opened (the
 * first paint's SVG map, the panel, every CSS transition), and it more than doubled the time to `ready`.
 */
export const HEADLESS_FLAGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-gpu-compositing',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath: chromiumPath, args: [...HEADLESS_FLAGS, ...extraArgs] });
}
