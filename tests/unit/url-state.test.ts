import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, type UrlState } from '../../src/lib/address/url-state.ts';
import { MAX_ZOOM, MIN_ZOOM, wrapLongitude } from '../../src/lib/map/camera.ts';

const createState = (view: UrlState['view']): UrlState => ({
  selected: null,
  journey: null,
  reader: null,
  view,
  filters: { hiddenRoles: [], routes: true, hiddenDocuments: [], until: null },
});

describe('a shared view', () => {
  it.each([
    ['an ordinary view', '-40.123,20.5,3.46', { lng: -40.123, lat: 20.5, zoom: 3.46 }],
    ['a longitude of 1e305, wrapped into the world', '1e305,23.1,3', { lng: 100, lat: 23.1, zoom: 3 }],
    ['a longitude of -1e6, wrapped', '-1e6,23.1,3', { lng: 80, lat: 23.1, zoom: 3 }],
    ['a longitude of 540, wrapped', '540,10,2', { lng: -180, lat: 10, zoom: 2 }],
    ['a longitude of 180, the same meridian as -180', '180,10,2', { lng: -180, lat: 10, zoom: 2 }],
    ['-180 as it is', '-180,10,2', { lng: -180, lat: 10, zoom: 2 }],
    ['the zoom range’s ends', `0,0,${MIN_ZOOM}`, { lng: 0, lat: 0, zoom: MIN_ZOOM }],
    ['the deepest zoom', `0,85.05,${MAX_ZOOM}`, { lng: 0, lat: 85.05, zoom: MAX_ZOOM }],
    ['a leading or trailing point', '.5,-.5,2.', { lng: 0.5, lat: -0.5, zoom: 2 }],
  ])('reads %s', (_, text, expected) => {
    const view = decodeUrlState(`#view=${text}`).view;
    expect(view).not.toBeNull();
    expect(view!.lng).toBeCloseTo(expected.lng, 9);
    expect({ lat: view!.lat, zoom: view!.zoom }).toEqual({ lat: expected.lat, zoom: expected.zoom });
  });

  it.each([
    ['NaN', 'NaN,23.1,3'],
    ['Infinity', 'Infinity,23.1,3'],
    ['-Infinity as latitude', '0,-Infinity,3'],
    ['a longitude too large for a number', '1e309,23.1,3'],
    ['an empty string', ''],
    ['empty fields (Number() would read them as 0)', ',,3'],
    ['a half-written exponent', '1e,23.1,3'],
    ['hex', '0x10,23.1,3'],
    ['blanks', ' 1,23.1,3'],
    ['a latitude past Web Mercator’s edge', '0,85.06,3'],
    ['a latitude of 200', '1,200,3'],
    ['a negative zoom', '0,0,-1'],
    ['a zoom of 99', '0,0,99'],
    ['a zoom just under the map’s least', `0,0,${MIN_ZOOM - 0.01}`],
    ['an extra field', '0,0,3,45'],
    ['a missing field', '0,0'],
  ])('drops %s', (_, text) => {
    expect(decodeUrlState(`#view=${text}&place=paris`)).toEqual({ ...createState(null), selected: { kind: 'place', id: 'paris' } });
  });

  it('ignores fields it does not know', () => {
    expect(decodeUrlState('#view=1,2,3&bearing=45&pitch=60').view).toEqual({ lng: 1, lat: 2, zoom: 3 });
  });

  it.each([
    ['a longitude past the antimeridian, wrapped', { lng: 200.5, lat: 10, zoom: 2 }, '#view=-159.5,10,2'],
    ['a longitude of 1e305, wrapped', { lng: 1e305, lat: 23.1, zoom: 3 }, '#view=100,23.1,3'],
    ['no view for a latitude past the edge', { lng: 0, lat: 89, zoom: 2 }, ''],
    ['no view for a zoom out of range', { lng: 0, lat: 0, zoom: 20 }, ''],
    ['no view for NaN', { lng: Number.NaN, lat: 0, zoom: 2 }, ''],
  ])('writes %s', (_, view, hash) => {
    expect(encodeUrlState(createState(view))).toBe(hash);
  });
});

describe('wrapping a longitude', () => {
  it.each([
    [0, 0],
    [179.999, 179.999],
    [180, -180],
    [-180, -180],
    [-181, 179],
    [360, 0],
    [725, 5],
  ])('%d is %d', (lng, wrapped) => {
    expect(wrapLongitude(lng)).toBeCloseTo(wrapped, 9);
  });
});

describe('the other numbers in a link', () => {
  it.each([
    ['journey=return-via-paris:1', { id: 'return-via-paris', step: 0 }],
    ['journey=return-via-paris:4', { id: 'return-via-paris', step: 3 }],
    ['journey=return-via-paris:0', null],
    ['journey=return-via-paris:-1', null],
    ['journey=return-via-paris:1.5', null],
    ['journey=return-via-paris:1e3', null],
    ['journey=return-via-paris:99999999999999999999', null],
    ['journey=return-via-paris:', null],
  ])('%s is journey %o', (hash, journey) => {
    expect(decodeUrlState(`#${hash}`).journey).toEqual(journey);
  });

  it.each([
    ['doc=cia-1963-04-11:10-40', { document: 'cia-1963-04-11', start: 10, end: 40 }],
    ['doc=cia-1963-04-11:40-10', null],
    ['doc=cia-1963-04-11:10-10', null],
    ['doc=cia-1963-04-11:10-99999999999999999999', null],
    ['doc=cia-1963-04-11:-10-40', null],
  ])('%s is passage %o', (hash, reader) => {
    expect(decodeUrlState(`#${hash}`).reader).toEqual(reader);
  });

  it.each([
    ['until=1961-01', '1961-01'],
    ['until=1963-12', '1963-12'],
    ['until=1960-12', null],
    ['until=1964-01', null],
    ['until=9999-12', null],
    ['until=1962-13', null],
    ['until=1962-1', null],
  ])('%s is the month %o', (hash, until) => {
    expect(decodeUrlState(`#${hash}`).filters.until).toBe(until);
  });
});
