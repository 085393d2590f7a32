// Baseline (b): Leaflet, the library behind most story-map tools, drawing the same basemap and derived GeoJSON.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Feature } from 'geojson';
import { ROLE_COLORS } from '../lib/map/look.ts';
import { ROUTE_COLOR } from '../lib/map/look.ts';
import { announceReady, loadBasemap, loadBaselineData } from './baseline-data.ts';

const map = L.map('map', { preferCanvas: true, zoomAnimation: false, fadeAnimation: false, attributionControl: false });
const colorOf = (f?: Feature) => ROLE_COLORS[(f?.properties?.primaryRole as keyof typeof ROLE_COLORS) ?? 'context'] ?? '#555';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

announceReady(
  map,
  Promise.all([loadBaselineData(), loadBasemap()]).then(async ([data, basemap]) => {
    const [west, south, east, north] = data.meta.networkBounds;
    map.fitBounds([[south, west], [north, east]], { padding: [40, 40], maxZoom: 4, animate: false });
    L.geoJSON(basemap, { style: { color: '#b9b3a6', weight: 0.6, fillColor: '#f6f3ec', fillOpacity: 1 } }).addTo(map);
    L.geoJSON(data.places, {
      style: (f) => ({ color: colorOf(f), weight: 1, fillColor: colorOf(f), fillOpacity: 0.3, dashArray: f?.properties?.precision === 'area' ? '3 2' : undefined }),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 7, color: '#fff', weight: 2, fillColor: colorOf(f), fillOpacity: 1 }),
    }).addTo(map);
    L.geoJSON(data.legs, { style: { color: ROUTE_COLOR, weight: 2.5, opacity: 0.85 } }).addTo(map);
    for (const label of data.labels.features) {
      if (label.geometry.type !== 'Point') continue;
      const [lng, lat] = label.geometry.coordinates as [number, number];
      // An element, not a string: Leaflet would parse a string as HTML.
      const text = document.createElement('span');
      text.textContent = String(label.properties?.name ?? '');
      L.tooltip({ permanent: true, direction: 'bottom', interactive: false }).setLatLng([lat, lng]).setContent(text).addTo(map);
    }
    // Leaflet has no idle event: canvas and DOM are drawn by the second frame after the layers are added.
    await nextFrame();
    await nextFrame();
  }),
);
