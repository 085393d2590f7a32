/**
 * `npm run kiosk`: serves the built app on 127.0.0.1 and keeps Chromium on it, full screen, all day.
 * Usage: tsx src/build/kiosk.ts [--port 4174] [--no-browser] [--chromium /usr/bin/chromium] [--host-name NAME]… [--site dist]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserNeedsRestart } from '../lib/kiosk/schedule.ts';
import { parseArgs } from 'node:util';
import { parseCommandLine, serveSite, SITE_OPTIONS } from './serve-site.ts';

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
];

const values = parseCommandLine('kiosk', 'npm run kiosk -- [--port 4174] [--no-browser] [--chromium PATH] [--host-name NAME]… [--site dist]', () =>
  parseArgs({
    options: {
      ...SITE_OPTIONS,
      'no-browser': { type: 'boolean', default: false },
      chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    },
  }).values,
);

// The page is served the checked configuration: a missing or refused file means the defaults, as printed.
const { server, config } = await serveSite({
  site: values.site,
  port: Number(values.port ?? 4174),
  hostNames: values['host-name'],
  heartbeat: true,
  log: (line) => console.error(`kiosk: ${line}`),
}).catch((e: Error) => {
  console.error(`kiosk: ${e.message}`);
  process.exit(1);
});
const address = `${server.url}?kiosk&heartbeat`;
console.log(`kiosk: serving ${server.url} (kiosk page: ${address})`);

let browser: ChildProcess | null = null;
let startedAt = Date.now();
function launch() {
  startedAt = Date.now();
  const profile = mkdtempSync(join(tmpdir(), 'atlas-kiosk-'));
  browser = spawn(values.chromium, [...KIOSK_FLAGS, `--user-data-dir=${profile}`, address], { stdio: 'ignore' });
  browser.on('exit', (code) => {
    console.error(`kiosk: Chromium exited (${code ?? 'signal'}); restarting in 3 s`);
    browser = null;
    setTimeout(launch, 3000);
  });
}

if (!values['no-browser']) {
  launch();
  // The watchdog: a page that stops beating (frozen, crashed) gets a fresh browser.
  setInterval(() => {
    if (browser && browserNeedsRestart(Date.now(), server.lastHeartbeat(), startedAt, config.watchdogSeconds)) {
      console.error(`kiosk: no heartbeat for ${config.watchdogSeconds} s; restarting Chromium`);
      browser.kill('SIGKILL'); // the exit handler relaunches
    }
  }, 5000);
}
