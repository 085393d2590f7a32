import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KIOSK_CONFIG } from '../../src/lib/kiosk/config.ts';
import { parseKioskConfig, withDefaults } from '../../src/lib/kiosk/validate-config.ts';
import { MAX_QR_VERSION, qrCode, qrFits, takeHomeCode, takeHomeLink } from '../../src/lib/kiosk/take-home.ts';
import { longestTakeHomeHash, readKioskConfig } from '../../src/build/serve-site.ts';

// Issue 26, points 1 and 8: the kiosk's public address, checked as a phone will read it and as a QR code can hold it.
const config = (publicUrl: string) => JSON.stringify({ publicUrl });
const refused = (publicUrl: string) => parseKioskConfig(config(publicUrl)).problems;

describe('publicUrl, read with the URL parser', () => {
  it.each([
    ['a quote', 'https://museum.example/"onload="x', 'kiosk/config.json: "publicUrl" holds """; write the address with printable ASCII only'],
    ['an apostrophe', "https://museum.example/it's", 'kiosk/config.json: "publicUrl" holds "\'"; write the address with printable ASCII only'],
    ['angle brackets', 'https://museum.example/<script>', 'kiosk/config.json: "publicUrl" holds "<"'],
    ['a control character', 'https://museum.example/a\u0007b', 'kiosk/config.json: "publicUrl" holds U+0007'],
    ['a right-to-left override', 'https://museum.example/\u202egpj.exe', 'kiosk/config.json: "publicUrl" holds U+202E'],
    ['a port past 65535', 'https://museum.example:99999/', 'kiosk/config.json: "publicUrl" is not an address a browser can open (check the host name and the port, 1 to 65535)'],
    ['port 0', 'http://museum.example:0/', 'kiosk/config.json: "publicUrl" has port 0; give a port from 1 to 65535, or none'],
  ])('refuses %s, saying what to write instead', (_what, url, message) => {
    expect(refused(url).some((p) => p.startsWith(message)), refused(url).join('\n')).toBe(true);
    expect(parseKioskConfig(config(url)).config).toEqual(DEFAULT_KIOSK_CONFIG);
    // The page checks what it is served with the same code.
    expect(withDefaults({ publicUrl: url })).toEqual(DEFAULT_KIOSK_CONFIG);
  });

  it.each(['https://museum.example/atlas/', 'http://127.0.0.1:8080/', 'https://xn--musee-bsa.example/atlas/?lang=fr', 'https://museum.example/a%20b/'])('accepts %s', (url) => {
    expect(parseKioskConfig(config(url))).toEqual({ config: { ...DEFAULT_KIOSK_CONFIG, publicUrl: url }, problems: [] });
  });
});

describe('publicUrl and the QR code', () => {
  it('refuses, at the launcher, an address whose longest passage link would not fit a scannable code, and says how long it may be', () => {
    const hash = '#journey=outbound-via-mexico:12';
    const long = `http://a/${'x'.repeat(3000)}`;
    const { config: kept, problems } = parseKioskConfig(config(long), 'static/kiosk/config.json', undefined, hash);
    expect(kept).toEqual(DEFAULT_KIOSK_CONFIG);
    expect(problems).toHaveLength(1);
    const most = Number(/it may be at most (\d+) characters/.exec(problems[0]!)?.[1]);
    expect(problems[0]).toBe(`static/kiosk/config.json: "publicUrl" is 3009 characters long: with it, the longest passage link (ending "${hash}") needs a QR code too dense to scan; it may be at most ${most} characters; the defaults are used`);
    // The length it names is the real limit: one character more does not fit, that many does.
    expect(qrFits(`${'h'.repeat(most)}${hash}`)).toBe(true);
    expect(qrFits(`${'h'.repeat(most + 1)}${hash}`)).toBe(false);
    const atMost = `https://museum.example/${'x'.repeat(most - 'https://museum.example/'.length)}`;
    expect(parseKioskConfig(config(atMost), 'static/kiosk/config.json', undefined, hash).problems).toEqual([]);
  });

  it('knows the build’s longest link, from its data', () => {
    const site = mkdtempSync(join(tmpdir(), 'atlas-site-'));
    cpSync('static/data', join(site, 'data'), { recursive: true });
    const hash = longestTakeHomeHash(site);
    expect(hash).toMatch(/^#(place|leg|journey)=/);
    mkdirSync(join(site, 'kiosk'));
    writeFileSync(join(site, 'kiosk', 'config.json'), config(`http://a/${'x'.repeat(3000)}`));
    expect(readKioskConfig(site).problems).toEqual([expect.stringContaining(`"publicUrl" is 3009 characters long: with it, the longest passage link (ending "${hash}")`)]);
  });

  it(`draws no code denser than version ${MAX_QR_VERSION}, and leaves it out with a console line rather than throwing`, () => {
    const lines: string[] = [];
    const link = takeHomeLink(`http://a/${'x'.repeat(3000)}`, { selected: { kind: 'place', id: 'havana' }, journey: null });
    expect(() => qrCode(link)).toThrow(`a ${link.length}-character link needs a QR code denser than version ${MAX_QR_VERSION}, too dense to scan`);
    expect(takeHomeCode(link, (line) => lines.push(line))).toBeNull();
    expect(lines).toEqual([`take-home: no QR code for ${link.slice(0, 80)}… (a ${link.length}-character link needs a QR code denser than version 10, too dense to scan); the passage shows without it`]);
    expect(takeHomeCode('https://museum.example/#place=havana', (line) => lines.push(line))).toMatchObject({ viewBox: expect.any(String), path: expect.any(String) });
    expect(lines).toHaveLength(1);
  });
});
