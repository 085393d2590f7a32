import type { CorpusFiles } from '../../src/lib/corpus/load.ts';

/** A tiny, valid corpus: one document, three places, two claims and one route. Tests break one thing at a time. */
export function createCorpusFiles(edit: Partial<Record<'document' | 'source' | 'places' | 'claims' | 'routes', string>> = {}): CorpusFiles {
  const source = edit.source ?? 'Web page header\n\nThe courier went from Lima to Paris. In Paris he met the contact.\n\nHe met the contact again.\n\nFooter: leave a reply\n';
  const document =
    edit.document ??
    [
      '---',
      'id: test-doc',
      'title: "A test memo"',
      'date: "1963-04-11"',
      'originator: Test agency',
      'archive: Test archive',
      'citation: Test citation',
      'language: English',
      'source: test.txt',
      '---',
      'The courier went from Lima to Paris. In Paris he met the contact.',
      '',
      'He met the contact again.',
      '',
    ].join('\n');
  const places =
    edit.places ??
    [
      '- id: lima',
      '  name: Lima',
      '  kind: city',
      '  precision: point',
      '  point: [-77.03, -12.04]',
      '  source: test',
      '- id: paris',
      '  name: Paris',
      '  kind: city',
      '  precision: point',
      '  point: [2.35, 48.85]',
      '  source: test',
      '- id: sierra',
      '  name: The Sierra',
      '  kind: region',
      '  precision: area',
      '  area:',
      '    circle: { center: [-75.5, -11.5], radius_km: 200 }',
      '  source: test',
      '',
    ].join('\n');
  const claims =
    edit.claims ??
    [
      'document: test-doc',
      'claims:',
      '  - place: paris',
      '    role: transit-hub',
      '    quote: { exact: "In Paris he met the contact." }',
      '  - place: lima',
      '    role: origin',
      '    quote: { exact: "from Lima" }',
      '',
    ].join('\n');
  const routes =
    edit.routes ??
    [
      '- id: out',
      '  name: Out',
      '  document: test-doc',
      '  legs:',
      '    - from: lima',
      '      to: paris',
      '      quote: { exact: "The courier went from Lima to Paris." }',
      '',
    ].join('\n');
  return {
    documents: [{ path: 'documents/test-doc.md', text: document }],
    places: { path: 'places.yaml', text: places },
    claims: [{ path: 'claims/test-doc.yaml', text: claims }],
    routes: { path: 'routes.yaml', text: routes },
    sources: new Map([['test.txt', source]]),
  };
}
