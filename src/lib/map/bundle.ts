import type { Feature, FeatureCollection, LineString, Position } from 'geojson';

/** Legs the text names together, this many or more from one place, are drawn as one fan. */
const FAN_MIN = 3;
/** How far along the way to the other ends' middle the shared stem runs before the legs part. */
const STEM = 0.4;
const STEPS = 48;

interface LegLike {
  id: string;
  route?: string;
  branch?: string;
  from: string;
  to: string;
}

const endsOf = (f: Feature): [Position, Position] | null => {
  if (f.geometry.type !== 'LineString') return null;
  const c = (f.geometry as LineString).coordinates;
  return c.length >= 2 ? [c[0]!, c[c.length - 1]!] : null;
};

/**
 * Legs one sentence names together from one place (the KGB report's ten round trips to Cuba) as a bundled fan: each
 * leaves the shared place along one stem towards the middle of the others' ends, then curves off to its own, instead
 * of ten full lines across a continent. Every leg keeps its id, its ends and its properties (`fan: true` marks it for
 * the style); only the drawn line changes. The published legs.geojson keeps the great-circle arcs.
 */
export function bundleFans(legs: FeatureCollection): FeatureCollection {
  const groups = new Map<string, Array<Feature>>();
  for (const f of legs.features) {
    const p = f.properties as LegLike | null;
    if (!p?.branch || !endsOf(f)) continue;
    const key = `${p.route ?? ''}\u0000${p.branch}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const redrawn = new Map<Feature, Feature>();
  for (const group of groups.values()) {
    if (group.length < FAN_MIN) continue;
    const props = group.map((f) => f.properties as LegLike);
    // The place every leg of the group touches: the hub the fan opens from.
    const hub = [props[0]!.from, props[0]!.to].find((id) => props.every((p) => p.from === id || p.to === id));
    if (!hub) continue;
    const hubAt = props[0]!.from === hub ? endsOf(group[0]!)![0] : endsOf(group[0]!)![1];
    const far = group.map((f, i) => (props[i]!.from === hub ? endsOf(f)![1] : endsOf(f)![0]));
    const middle = [far.reduce((s, p) => s + p[0]!, 0) / far.length, far.reduce((s, p) => s + p[1]!, 0) / far.length];
    const stem = [hubAt[0]! + STEM * (middle[0]! - hubAt[0]!), hubAt[1]! + STEM * (middle[1]! - hubAt[1]!)];
    group.forEach((f, i) => {
      const [a, b] = props[i]!.from === hub ? [hubAt, far[i]!] : [far[i]!, hubAt];
      // A quadratic curve through the stem's point as its control: every leg leaves the hub the same way.
      const coordinates = Array.from({ length: STEPS + 1 }, (_, k) => {
        const t = k / STEPS;
        const u = 1 - t;
        return [0, 1].map((d) => Math.round((u * u * a[d]! + 2 * u * t * stem[d]! + t * t * b[d]!) * 1e5) / 1e5);
      });
      redrawn.set(f, { ...f, properties: { ...f.properties, fan: true }, geometry: { type: 'LineString', coordinates } });
    });
  }
  return redrawn.size ? { ...legs, features: legs.features.map((f) => redrawn.get(f) ?? f) } : legs;
}
