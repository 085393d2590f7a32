import { describe, expect, it } from 'vitest';
import { pageAddress, siteAddress } from '../../src/lib/address/page-address.ts';

// Issue 26, point 7: a page opened at an address starting with "//" (http://127.0.0.1:4173//#place=havana).
describe('the addresses the page writes and fetches', () => {
  it.each([
    ['http://127.0.0.1:4173//#place=havana', { hash: '#place=paris' }, 'http://127.0.0.1:4173//#place=paris'],
    ['http://127.0.0.1:4173//?kiosk', { hash: '#journey=return-via-paris:2' }, 'http://127.0.0.1:4173//?kiosk#journey=return-via-paris:2'],
    ['http://127.0.0.1:4173/#place=havana', { hash: '' }, 'http://127.0.0.1:4173/'],
    ['http://127.0.0.1:4173//#place=havana', { search: '?lang=es' }, 'http://127.0.0.1:4173//?lang=es#place=havana'],
    ['https://museum.example/atlas/?kiosk#place=lima', { hash: '#place=cusco' }, 'https://museum.example/atlas/?kiosk#place=cusco'],
  ])('keeps %s on this page and host when its hash or search changes', (current, parts, expected) => {
    const written = pageAddress(current, parts);
    expect(written).toBe(expected);
    // What history.replaceState requires: the same origin as the page.
    expect(new URL(written).origin).toBe(new URL(current).origin);
  });

  it('would have left the page’s host if built from the pathname, as it was', () => {
    // The old address, `${location.pathname}${location.search}${hash}`, resolved against the page: an empty host.
    expect(() => new URL('//#place=paris', 'http://127.0.0.1:4173//#place=havana')).toThrow();
  });

  it.each([
    ['http://127.0.0.1:4174//?kiosk&heartbeat&visits', 'kiosk/heartbeat', 'http://127.0.0.1:4174/kiosk/heartbeat'],
    ['http://127.0.0.1:4174///a//b/?kiosk', 'kiosk/visit', 'http://127.0.0.1:4174/a/b/kiosk/visit'],
    ['http://127.0.0.1:4174/?kiosk', 'kiosk/config.json', 'http://127.0.0.1:4174/kiosk/config.json'],
  ])('sends from %s to the server’s own %s', (current, path, expected) => {
    expect(siteAddress(path, current)).toBe(expected);
  });
});
