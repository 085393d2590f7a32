import encodeQR from 'qr';
import { encodeUrlState, type UrlState } from '../state/url-state.ts';

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

/** The link as a QR code, drawn on the device: the `qr` package's SVG, taken apart into its view box and path. */
export function qrCode(text: string): { viewBox: string; path: string } {
  // Medium correction survives a smudged or glare-lit screen; a border of 4 modules is the quiet zone scanners need.
  const svg = encodeQR(text, 'svg', { ecc: 'medium', border: 4, optimize: true });
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const path = /<path d="([^"]+)"/.exec(svg)?.[1];
  if (!viewBox || !path) throw new Error(`qr: unexpected SVG output (${svg.slice(0, 60)}…); the qr package's output format changed`);
  return { viewBox, path };
}
