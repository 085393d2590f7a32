import encodeQR from 'qr';
import { encodeUrlState, type UrlState } from '../address/url-state.ts';

/** What a panel shows, as a shared link brings it back. */
export type TakeHomeTarget = Pick<UrlState, 'selected' | 'journey'>;

/**
 * The deep link a visitor takes home: the museum's public address and the hash of what the panel shows. Only that:
 * the kiosk's camera and filters are this screen's, and a phone opening the link frames the passage itself; a
 * shorter link also makes a coarser code, easier to scan at arm's length.
 */
export function takeHomeLink(publicUrl: string, target: TakeHomeTarget): string {
  const hash = encodeUrlState({ selected: target.selected, journey: target.journey, reader: null, view: null, filters: { hiddenRoles: [], routes: true, hiddenDocuments: [], until: null } });
  return `${publicUrl}${hash}`;
}

/**
 * The densest QR code the kiosk draws: version 10, 57 modules a side (65 with the quiet zone), so about 0.6 mm a
 * module in the panel's 4 cm, which a phone still reads from where a visitor stands. At medium correction it holds
 * a link of about 210 bytes; a denser code is a grey square.
 */
export const MAX_QR_VERSION = 10;
// Medium correction survives a smudged or glare-lit screen; a border of 4 modules is the quiet zone scanners need.
const QR_OPTIONS = { ecc: 'medium', border: 4 } as const;

/** Whether `text` makes a QR code of at most MAX_QR_VERSION. */
export function qrFits(text: string): boolean {
  try {
    encodeQR(text, 'raw', { ...QR_OPTIONS, version: MAX_QR_VERSION });
    return true;
  } catch {
    return false; // "Capacity overflow"
  }
}

/** The longest public address whose links, `suffix` the longest of their hashes, still fit (0: none does). */
export function longestFittingPublicUrl(suffix: string): number {
  let lo = 0;
  let hi = 4096;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (qrFits(`${'h'.repeat(mid)}${suffix}`)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The link as a QR code, drawn on the device: the `qr` package's SVG, taken apart into its view box and path. */
export function qrCode(text: string): { viewBox: string; path: string } {
  if (!qrFits(text)) throw new Error(`a ${text.length}-character link needs a QR code denser than version ${MAX_QR_VERSION}, too dense to scan`);
  const svg = encodeQR(text, 'svg', { ...QR_OPTIONS, optimize: true });
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const path = /<path d="([^"]+)"/.exec(svg)?.[1];
  if (!viewBox || !path) throw new Error(`qr: unexpected SVG output (${svg.slice(0, 60)}…); the qr package's output format changed`);
  return { viewBox, path };
}

/**
 * The take-home code for a panel, or null. A code that cannot be made (a link too long, an encoder error) is left
 * out with a line on the console: the passage is what the visitor came for, and must show without it.
 */
export function takeHomeCode(link: string, warn: (line: string) => void = console.warn): { viewBox: string; path: string } | null {
  try {
    return qrCode(link);
  } catch (e) {
    warn(`take-home: no QR code for ${link.slice(0, 80)}${link.length > 80 ? '…' : ''} (${(e as Error).message}); the passage shows without it`);
    return null;
  }
}

/**
 * The launcher's one line on take-home codes: off until the museum gives its public address (the shipped config has
 * none, since only the museum knows where the atlas is published), and how to turn them on.
 */
export function takeHomeLine(publicUrl: string | null, configFile = 'static/kiosk/config.json'): string {
  return publicUrl
    ? `kiosk: take-home codes on: each passage and journey step shows a QR code of its link on ${publicUrl}`
    : `kiosk: take-home codes off: set "publicUrl" in ${configFile} to the atlas's public web address to show a QR code with each passage`;
}
