// Baseline (a): MapLibre and nothing else — the same style, basemap and derived GeoJSON as the app, no UI.
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import labelFontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { atlasStyle, arrowImage } from '../lib/map/style.ts';
import { ARROW_IMAGE, ROUND_TRIP_IMAGE, SOURCES } from '../lib/map/ids.ts';
import { trimToMapProperties } from '../lib/map/map-features.ts';
import { DATA_FILES } from '../lib/atlas/contract.ts';
import { announceReady, loadBaselineData } from './baseline-data.ts';

setWorkerUrl(workerUrl);

const absolute = (url: string) => new URL(url, document.baseURI).href;
const map = new MapLibreMap({
  container: document.getElementById('map')!,
  style: atlasStyle(absolute(DATA_FILES.basemap), absolute(labelFontUrl)),
  center: [-40, 20],
  zoom: 1.5,
});
const loaded = new Promise<void>((resolve) => map.once('load', () => resolve()));

announceReady(
  map,
  Promise.all([loadBaselineData(), loaded]).then(([data]) => {
    map.addImage(ARROW_IMAGE, arrowImage(), { pixelRatio: 2 });
    map.addImage(ROUND_TRIP_IMAGE, arrowImage(18, true), { pixelRatio: 2 });
    // The same trimmed features the app gives MapLibre: a floor that copied every passage to the worker would flatter the app.
    (map.getSource(SOURCES.places) as GeoJSONSource).setData(trimToMapProperties(data.places));
    (map.getSource(SOURCES.labels) as GeoJSONSource).setData(trimToMapProperties(data.labels));
    (map.getSource(SOURCES.legs) as GeoJSONSource).setData(trimToMapProperties(data.legs));
    map.fitBounds(data.meta.networkBounds, { padding: 40, maxZoom: 4, animate: false });
    return new Promise<void>((resolve) => map.once('idle', () => resolve()));
  }),
);
