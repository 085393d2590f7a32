/**
 * `npm run kiosk`: serves the built app on 127.0.0.1 and keeps Chromium on it, full screen, all day.
 * Usage: tsx src/build/kiosk.ts [--port 4174] [--no-browser] [--chromium /usr/bin/chromium] [--host-name NAME]… [--site dist]
 *        [--visit-log kiosk-visits | --no-visit-log] [--visit-log-max-kb 1000] [--visit-log-keep 30]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWatchdog } from '../lib/kiosk/schedule.ts';
import { takeHomeLine } from '../lib/kiosk/take-home.ts';
import { parseArgs } from 'node:util';
import { configLabel, parseCommandLine, serveSite, SITE_OPTIONS } from './serve-site.ts';
import { DEFAULT_VISIT_LOG } from './visit-log-file.ts';

/** Chromium flags for an unattended screen: no first-run, error dialogs, infobars, translation, restore bubbles or updates. */
export const KIOSK_FLAGS = [
  '--kiosk',
  '--start-fullscreen',
  '--no-first-run',
  '--noerrdialogs',
  '--disable-infobars',
  '--disable-translate',
  '--disable-features=Translate,TranslateUI,MediaRouter',
  '--disable-session-crashed-bubble',
  '--hide-crash-restore-bubble',
  '--disable-component-update',
  '--disable-background-networking',
  '--disable-sync',
  '--disable-pinch',
  '--overscroll-history-navigation=0',
  '--check-for-update-interval=31536000',
  '--autoplay-policy=no-user-gesture-required',
  // Since Chromium 137 a machine whose GPU is missing or blocklisted no longer falls back to SwiftShader (software
  // WebGL) by itself: without this the kiosk would drop to the SVG map on such a machine, rather than the full map.
  '--enable-unsafe-swiftshader',
];

const USAGE = 'npm run kiosk -- [--port 4174] [--no-browser] [--chromium PATH] [--host-name NAME]… [--site dist] [--visit-log DIR | --no-visit-log] [--visit-log-max-kb N] [--visit-log-keep N]';
const values = parseCommandLine('kiosk', USAGE, () => {
  const parsed = parseArgs({
    options: {
      ...SITE_OPTIONS,
      'no-browser': { type: 'boolean', default: false },
      chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      // The log's folder is the machine's business, not the page's: a launcher option, not a kiosk/config.json setting.
      'visit-log': { type: 'string', default: 'kiosk-visits' },
      'no-visit-log': { type: 'boolean', default: false },
      'visit-log-max-kb': { type: 'string', default: String(DEFAULT_VISIT_LOG.maxBytes / 1000) },
      'visit-log-keep': { type: 'string', default: String(DEFAULT_VISIT_LOG.keep) },
    },
  }).values;
  for (const name of ['visit-log-max-kb', 'visit-log-keep'] as const) {
    if (!/^[1-9]\d{0,6}$/.test(parsed[name])) throw new Error(`--${name} "${parsed[name]}" is not a whole number above 0`);
  }
  return parsed;
});
const visitLog = values['no-visit-log'] ? undefined : { folder: values['visit-log'], maxBytes: Number(values['visit-log-max-kb']) * 1000, keep: Number(values['visit-log-keep']) };

// The page is served the checked configuration: a missing or refused file means the defaults, as printed.
const { server, config } = await serveSite({
  site: values.site,
  port: Number(values.port ?? 4174),
  hostNames: values['host-name'],
  heartbeat: true,
  visitLog,
  log: (line) => console.error(`kiosk: ${line}`),
}).catch((e: Error) => {
  console.error(`kiosk: ${e.message}`);
  process.exit(1);
});
// The page sends visits only when asked to, so a page served without a log never POSTs into a 405.
const address = `${server.url}?kiosk&heartbeat${visitLog ? '&visits' : ''}`;
console.log(`kiosk: serving ${server.url} (kiosk page: ${address})`);
console.log(visitLog ? `kiosk: visit log in ${visitLog.folder}/ (npm run kiosk:report -- --log ${visitLog.folder})` : 'kiosk: no visit log (--no-visit-log)');
console.log(takeHomeLine(config.publicUrl, configLabel(values.site)));

let browser: ChildProcess | null = null;
let profile: string | null = null;
/** Why the launcher itself ended the running browser, for the restart's log line. */
let killedFor: string | null = null;
const watchdog = new BrowserWatchdog(config.watchdogSeconds);

/** Each launch has a fresh profile (no restore prompt, no stale cache); it is deleted once that browser is gone. */
function removeProfile() {
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  profile = null;
}

function launch() {
  watchdog.launched();
  profile = mkdtempSync(join(tmpdir(), 'atlas-kiosk-'));
  const child = spawn(values.chromium, [...KIOSK_FLAGS, `--user-data-dir=${profile}`, address], { stdio: 'ignore' });
  browser = child;
  child.on('error', (e) => console.error(`kiosk: Chromium could not be started (${e.message}); check --chromium`));
  child.on('close', (code, signal) => {
    browser = null;
    removeProfile();
    const reason = killedFor ?? `Chromium exited (${code ?? signal ?? 'unknown'})`;
    killedFor = null;
    const { inARow, delayMs } = watchdog.restarted();
    console.error(`kiosk: restarting Chromium: ${reason}; ${inARow === 1 ? '' : `${inARow} launches in a row did not last, so `}the next starts in ${Math.round(delayMs / 1000)} s`);
    setTimeout(launch, delayMs);
  });
}

if (!values['no-browser']) {
  launch();
  // A launcher stopped by systemd (or Ctrl+C) leaves no profile behind.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      browser?.removeAllListeners('close');
      browser?.kill('SIGKILL');
      removeProfile();
      process.exit(0);
    });
  }
  // The watchdog: a page that stops beating (frozen, crashed) gets a fresh browser. Each heartbeat names the
  // renderer, so the log says when the page falls back to the SVG map or to the list.
  let renderer: string | null = null;
  setInterval(() => {
    if (server.lastRenderer() !== renderer) {
      renderer = server.lastRenderer();
      console.log(`kiosk: the page draws its map with ${renderer === 'maplibre' ? 'WebGL (maplibre)' : renderer === 'svg' ? 'the SVG map (no WebGL)' : 'nothing: no map, the list only'}`);
    }
    const reason = browser && !killedFor ? watchdog.check(server.lastHeartbeat()) : null;
    if (browser && reason) {
      killedFor = reason;
      browser.kill('SIGKILL'); // the close handler relaunches
    }
  }, 5000);
}
