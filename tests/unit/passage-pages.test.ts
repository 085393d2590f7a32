import { describe, expect, it } from 'vitest';
import { PASSAGES_PER_PAGE, featureFile, featurePageFile, type Evidence, type FeatureDetail, type FeaturePage, type PlaceMention } from '../../src/lib/atlas/contract.ts';
import { ROLES, type Role } from '../../src/lib/atlas/roles.ts';
import { firstPageDocuments, passagePages } from '../../src/lib/corpus/passage-pages.ts';
import { evidenceSources } from '../../src/lib/corpus/page-layer.ts';
import { featureDetailFiles } from '../../src/build/derive.ts';
import { realAtlas } from '../helpers/real-atlas.ts';

// Issue 27: a feature's own file holds only a first page of its passages, so a tap on a place quoted thousands of
// times costs what a tap on one quoted once does; the rest come in page files, on asking.

/** `counts`: how many passages of each role, interleaved as a corpus would give them (a, b, a, b, …). */
function createEvidence(counts: Partial<Record<Role, number>>, exactLength = 40): Evidence[] {
  const queues = Object.entries(counts).map(([role, n]) => Array.from({ length: n }, (_, i) => ({ role: role as Role, i })));
  const out: Evidence[] = [];
  for (let k = 0; queues.some((q) => q.length); k++) {
    const q = queues[k % queues.length]!;
    const next = q.shift();
    if (next) out.push({ document: `doc-${next.role}-${next.i}`, role: next.role, exact: 'x'.repeat(exactLength), start: next.i * 100, end: next.i * 100 + exactLength });
  }
  return out;
}
const rank = (role: Role | 'route') => (role === 'route' ? ROLES.length : ROLES.indexOf(role));
const key = (e: Evidence) => `${e.document}:${e.role}:${e.start}`;
const inRoleOrder = (evidence: readonly Evidence[], role: Role | 'route') => evidence.filter((e) => e.role === role).map(key);

describe('a feature’s passages in pages (passagePages)', () => {
  it('keeps a feature that fits on one page as it is', () => {
    const evidence = createEvidence({ context: 3, 'training-site': 4 });
    expect(passagePages(evidence)).toEqual([{ evidence }]);
  });

  it('opens with the first passage of every role, then fills up in the panel’s order (legend order), to the cap', () => {
    // context is last in legend order, training-site first: a naive first 20 would hold no context passage.
    const evidence = createEvidence({ context: 30, funding: 30, 'training-site': 30 });
    const [first] = passagePages(evidence);
    expect(first!.evidence).toHaveLength(PASSAGES_PER_PAGE);
    const roles = first!.evidence.map((e) => e.role);
    expect(roles.filter((r) => r === 'context')).toHaveLength(1);
    expect(roles.filter((r) => r === 'funding')).toHaveLength(1);
    expect(roles.filter((r) => r === 'training-site')).toHaveLength(18);
    // Each role's are its first ones.
    for (const role of ['context', 'funding', 'training-site'] as const) expect(inRoleOrder(first!.evidence, role)).toEqual(inRoleOrder(evidence, role).slice(0, roles.filter((r) => r === role).length));
    expect(rank('training-site')).toBeLessThan(rank('funding'));
  });

  it('stops a page at about the byte cap, with at least one passage however long', () => {
    const long = createEvidence({ 'transit-hub': 10 }, 3000);
    const pages = passagePages(long);
    for (const page of pages) expect(page.evidence.length).toBeGreaterThanOrEqual(1);
    expect(pages[0]!.evidence.length).toBeLessThan(10);
    expect(JSON.stringify(pages[0]!.evidence).length).toBeLessThanOrEqual(16 * 1024);
    const huge = createEvidence({ 'transit-hub': 2 }, 40_000);
    expect(passagePages(huge).map((p) => p.evidence.length)).toEqual([1, 1]);
  });

  it('gives, over all its pages, every passage exactly once, each role’s in its order', () => {
    const evidence = createEvidence({ 'command-centre': 7, contact: 45, 'transit-hub': 61, funding: 2 });
    evidence.push(evidence[3]!); // the same passage twice stays twice
    const pages = passagePages(evidence);
    expect(pages.length).toBe(Math.ceil(evidence.length / PASSAGES_PER_PAGE));
    const joined = pages.flatMap((p) => p.evidence);
    expect(joined.map(key).sort()).toEqual(evidence.map(key).sort());
    for (const role of ['command-centre', 'contact', 'transit-hub', 'funding'] as const) expect(inRoleOrder(joined, role)).toEqual(inRoleOrder(evidence, role));
  });

  it('spreads a place’s "Named in" over the same pages, each document once, in order', () => {
    const evidence = createEvidence({ 'transit-hub': 50 });
    const namedIn: PlaceMention[] = Array.from({ length: 400 }, (_, i) => ({ document: `d${i}`, text: 'Paris', start: i, end: i + 5 }));
    const pages = passagePages(evidence, namedIn);
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.namedIn!)).toEqual(namedIn);
    expect(pages[0]!.namedIn!.length).toBeLessThan(namedIn.length);
    expect(passagePages(evidence, namedIn.slice(0, 10))[0]!.namedIn).toEqual(namedIn.slice(0, 10));
  });
});

describe('the documents a first page quotes, from the page layer (firstPageDocuments)', () => {
  it('names the first page’s documents, for the page to fetch with the feature’s file', () => {
    // Each passage from a document of its own: the page layer's (document, role) pairs then say exactly which.
    const evidence = createEvidence({ context: 12, 'transit-hub': 40, funding: 9 });
    const [first] = passagePages(evidence);
    expect(firstPageDocuments(evidenceSources(evidence)).sort()).toEqual([...new Set(first!.evidence.map((e) => e.document))].sort());
  });
});

describe('what derive writes for a feature with many passages', () => {
  const createFiles = (passages: number) => {
    const atlas = realAtlas();
    const paris = atlas.places.features.find((f) => f.properties.id === 'paris')!;
    const [template] = paris.properties.evidence;
    // Paris quoted `passages` times: the same words, as a large corpus would quote it in many documents.
    paris.properties.evidence = Array.from({ length: passages }, (_, i) => ({ ...template!, start: template!.start, end: template!.end, document: atlas.documents[i % atlas.documents.length]!.id, role: i % 10 === 9 ? ('funding' as const) : template!.role }));
    return { evidence: paris.properties.evidence, files: new Map(featureDetailFiles(atlas)) };
  };

  it('writes the first page in the feature’s own file, with the total and the further pages, named through contract.ts', () => {
    const { evidence, files } = createFiles(55);
    const ref = { kind: 'place', id: 'paris' } as const;
    const detail = JSON.parse(files.get(featureFile(ref))!) as FeatureDetail;
    expect(detail.passageCount).toBe(55);
    expect(detail.evidence).toHaveLength(PASSAGES_PER_PAGE);
    expect(detail.pages).toEqual([featurePageFile(ref, 2), featurePageFile(ref, 3)]);
    expect(detail.pages).toEqual(['features/place/paris.2.json', 'features/place/paris.3.json']);
    const rest = detail.pages.map((page) => JSON.parse(files.get(page)!) as FeaturePage);
    expect([detail, ...rest].flatMap((p) => p.evidence)).toHaveLength(55);
    expect([detail, ...rest].flatMap((p) => p.evidence).map((e) => `${e.document}:${e.role}`).sort()).toEqual(evidence.map((e) => `${e.document}:${e.role}`).sort());
    // Its "Named in" in all, across the pages.
    expect([detail, ...rest].flatMap((p) => p.namedIn ?? []).length).toBe(detail.namedInCount);
    // A feature with few passages has no further page.
    const havana = JSON.parse(files.get(featureFile({ kind: 'place', id: 'havana' }))!) as FeatureDetail;
    expect(havana.pages).toEqual([]);
    expect(havana.passageCount).toBe(havana.evidence.length);
    expect([...files.keys()].filter((name) => /\.\d+\.json$/.test(name)).sort()).toEqual(detail.pages.slice().sort());
  });
});
