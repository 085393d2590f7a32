import type { Feature, LineString, Point } from 'geojson';
import type { Atlas, LegProps, PlaceProps, PublishedDocument, Evidence } from '../../src/lib/atlas/contract.ts';
import type { Role } from '../../src/lib/atlas/roles.ts';

/**
 * A published atlas small enough to read at a glance, for the query and state tests: two documents (1961 and 1963),
 * three places and two legs, Havana → Paris (1961) and Paris – Prague (1963). Built fresh by each call.
 */
export function createTinyAtlas(): Pick<Atlas, 'places' | 'legs' | 'documents'> {
  const body1961 = 'The courier left La Habana for Paris.';
  const body1963 = 'From Paris the group travelled on to Prague, where the Swiss banks held funds.';
  const documents: PublishedDocument[] = [
    createDocument('memo-1961', '1961-05', body1961, [{ place: 'havana', text: 'La Habana', start: 17, end: 26 }, { place: 'paris', text: 'Paris', start: 31, end: 36 }]),
    createDocument('memo-1963', '1963-04-11', body1963, [{ place: 'paris', text: 'Paris', start: 5, end: 10 }, { place: 'prague', text: 'Prague', start: 37, end: 43 }]),
  ];
  const evidence = (document: string, role: Role | 'route', exact: string): Evidence => {
    const body = documents.find((d) => d.id === document)!.body;
    const start = body.indexOf(exact);
    return { document, role, exact, start, end: start + exact.length };
  };
  return {
    documents,
    places: {
      type: 'FeatureCollection',
      features: [
        createPlace('havana', 'Havana', ['La Habana'], 'origin', [evidence('memo-1961', 'origin', 'La Habana')]),
        createPlace('paris', 'Paris', [], 'transit-hub', [evidence('memo-1961', 'transit-hub', 'Paris'), evidence('memo-1963', 'transit-hub', 'From Paris')]),
        createPlace('prague', 'Prague', ['Praha'], 'funding', [evidence('memo-1963', 'funding', 'the Swiss banks held funds')]),
      ],
    },
    legs: {
      type: 'FeatureCollection',
      features: [
        createLeg('r-1', 'havana', 'paris', 'directed', evidence('memo-1961', 'route', 'left La Habana for Paris')),
        createLeg('r-2', 'paris', 'prague', 'undirected', evidence('memo-1963', 'route', 'From Paris the group travelled on to Prague')),
      ],
    },
  };
}

function createDocument(id: string, date: string, body: string, mentions: PublishedDocument['mentions']): PublishedDocument {
  return { id, title: `Memo ${id}`, date, originator: 'Test agency', archive: 'Test archive', citation: 'Test citation', language: 'English', source: `${id}.txt`, body, paragraphs: [{ start: 0, end: body.length }], mentions };
}

function createPlace(id: string, name: string, aliases: string[], role: Role, evidence: Evidence[]): Feature<Point, PlaceProps> {
  const properties: PlaceProps = {
    id, name, aliases, kind: 'city', roles: [role], primaryRole: role, precision: 'point',
    documents: [...new Set(evidence.map((e) => e.document))], evidence, bbox: [0, 0, 0, 0], coordinateSource: 'test',
  };
  return { type: 'Feature', id, properties, geometry: { type: 'Point', coordinates: [0, 0] } };
}

function createLeg(id: string, from: string, to: string, direction: LegProps['direction'], evidence: Evidence): Feature<LineString, LegProps> {
  const properties: LegProps = {
    id, name: `${from}-${to}`, route: 'r', routeName: 'Test route', order: Number(id.slice(2)), from, to, direction, roles: ['route'],
    precision: 'point', documents: [evidence.document], evidence: [evidence], bbox: [0, 0, 0, 0],
  };
  return { type: 'Feature', id, properties, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } };
}
