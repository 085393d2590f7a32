/**
 * `npm run kiosk`: serves the built app on 127.0.0.1 and keeps Chromium on it, full screen, all day.
 * Usage: tsx src/build/kiosk.ts [--port 4174] [--no-browser] [--chromium /usr/bin/chromium]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseKioskConfig } from '../lib/kiosk/validate-config.ts';
import { DEFAULT_KIOSK_CONFIG } from '../lib/kiosk/config.ts';
import { browserNeedsRestart } from '../lib/kiosk/schedule.ts';
import { startKioskServer } from './kiosk-server.ts';

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

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4174' },
    'no-browser': { type: 'boolean', default: false },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});

const journeyIds = (JSON.parse(readFileSync('dist/data/journeys.json', 'utf8')) as Array<{ id: string }>).map((j) => j.id);
const { config, problems } = existsSync('dist/kiosk/config.json')
  ? parseKioskConfig(readFileSync('dist/kiosk/config.json', 'utf8'), 'static/kiosk/config.json', journeyIds)
  : { config: DEFAULT_KIOSK_CONFIG, problems: ['static/kiosk/config.json is missing; the defaults are used'] };
for (const problem of problems) console.error(`kiosk: ${problem}`);

// The page is served the checked configuration: a refused file means the defaults, as printed above.
const server = await startKioskServer('dist', Number(values.port), { '/kiosk/config.json': JSON.stringify(config) });
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
