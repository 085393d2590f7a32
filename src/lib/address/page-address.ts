/**
 * Addresses the page writes or fetches, built from its own absolute address. A path written on its own is unsafe: at
 * http://127.0.0.1:4173//#place=havana the pathname is "//", and "//#place=…" reads as another host (history
 * throws), while "kiosk/heartbeat" next to it reads as "//kiosk/heartbeat".
 */

/** The page's address with its search and/or hash replaced, absolute: for history.pushState and replaceState. */
export function pageAddress(current: string, parts: { search?: string; hash?: string }): string {
  const url = new URL(current);
  if (parts.search !== undefined) url.search = parts.search;
  if (parts.hash !== undefined) url.hash = parts.hash;
  return url.href;
}

/** A file or endpoint of the site, next to the page, with the page's path folded ("//" → "/"): for fetch. */
export function siteAddress(path: string, current: string): string {
  const base = new URL(current);
  base.pathname = base.pathname.replace(/\/{2,}/g, '/');
  return new URL(path, base).href;
}
