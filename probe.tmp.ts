import { launchChromium } from './src/build/chromium.ts';
import { serveSite } from './src/build/serve-site.ts';
import { mapIdle } from './src/build/atlas-page.ts';
const { server } = await serveSite({ site: 'dist', port: 0, hostNames: [], log: () => {} });
const b = await launchChromium();
for (const [w, h] of [[1920, 1080], [390, 844]]) {
const ctx = await b.newContext({ viewport: { width: w, height: h }, reducedMotion: 'reduce' });
const page = await ctx.newPage();
await page.goto(server.url);
await page.waitForFunction(() => (window as any).atlas !== undefined);
await page.evaluate(() => (window as any).atlas.ready);
for (const [c, z] of [[[-82.36, 23.13], 7], [[-105.5, 27.5], 5], [[-65, -13.5], 5], [[-75, -12], 6], [[-30, 30], 4]] as const) {
  const c0 = process.cpuUsage(); const t0 = Date.now();
  const inPage = await page.evaluate(async ({ c, z }) => {
    const map = (window as any).atlas.map; const t = performance.now(); let frames = 0; map.on('render', () => frames++);
    map.jumpTo({ center: c, zoom: z });
    await new Promise((r) => map.once('idle', r));
    return { ms: Math.round(performance.now() - t), frames };
  }, { c, z });
  const c1 = process.cpuUsage(c0);
  console.log(w, z, 'idle after', Date.now() - t0, 'ms', JSON.stringify(inPage), 'node cpu', Math.round((c1.user + c1.system) / 1000));
}
await ctx.close();
}
await b.close(); await server.close();
