/**
 * A site at http://atlas.test/ for the page's stores: `files` (as derive writes them, by name under data/) served,
 * the names in `broken` refused with a 404. `requests` lists the names asked for, in order.
 */
export function fakeSite(files: ReadonlyMap<string, string> | Readonly<Record<string, string>>, broken: ReadonlySet<string> = new Set()) {
  const get = (name: string) => (files instanceof Map ? files.get(name) : (files as Readonly<Record<string, string>>)[name]);
  const requests: string[] = [];
  return {
    /** The page's address, as the stores resolve data/ against it. */
    pageUrl: () => 'http://atlas.test/index.html',
    fetch: async (address: string) => {
      const name = address.replace('http://atlas.test/data/', '');
      requests.push(name);
      const body = broken.has(name) ? undefined : get(name);
      return body !== undefined ? new Response(body) : new Response('', { status: 404 });
    },
    requests,
  };
}
