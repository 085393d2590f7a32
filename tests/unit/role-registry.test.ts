import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ROLE_REGISTRY } from '../../src/lib/atlas/roles.ts';
import { MESSAGES } from '../../src/lib/i18n/locales.ts';

/** The guide's and the README's words about roles are built from the registry by hand: these keep them the same. */
describe('the one role registry', () => {
  it('is the curators’ guide’s role table, row for row: id, family and the words it is for', () => {
    const guide = readFileSync('geodata/CURATING.md', 'utf8');
    const rows = [...guide.matchAll(/^\| `([a-z-]+)` \| ([a-z]+) \| (.+) \|$/gm)].map((m) => ({ id: m[1], family: m[2], guide: m[3] }));
    expect(rows).toEqual(ROLE_REGISTRY.map((r) => ({ id: r.id, family: r.family, guide: r.guide })));
  });

  it('is the README’s list of roles, in order', () => {
    const readme = readFileSync('README.md', 'utf8');
    const list = /Roles are ((?:`[a-z-]+`(?:, | and )?)+)/.exec(readme)?.[1];
    expect([...(list ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1])).toEqual(ROLE_REGISTRY.map((r) => r.id));
  });

  it('gives the messages their role names in both languages: role labels belong to i18n, built from here', () => {
    for (const r of ROLE_REGISTRY) {
      expect(MESSAGES.en[`role.${r.id}`]).toBe(r.label.en);
      expect(MESSAGES.es[`role.${r.id}`]).toBe(r.label.es);
      expect(MESSAGES.es[`roleKey.${r.id}`]).toBe(r.key.es);
    }
  });
});
