import type { AtlasData, Journey, LabelProps, PlaceCore } from '../atlas/contract.ts';
import { formatMessage } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';

/** A place's or label's properties as the page shows them: the role's name in the page's language, for screen readers. */
export type Localised<P> = P & { roleName: string };

/**
 * The derived data in the page's language: in Spanish, a place's `name` and map `label` are its Spanish ones
 * (places.yaml's `name_es`, `label_es`) wherever the gazetteer gives them, and a leg's name ("A → B") names its ends
 * so. The other language's name joins the aliases, so search finds "La Habana" and "Havana" in either language.
 * Every place also carries `roleName`, its primary role's name in the language, and every leg the name of a route leg
 * (the SVG map's screen-reader names).
 * Passages, notes and journeys are untouched: they have their own Spanish fields.
 */
export function localiseAtlasData(data: AtlasData, locale: Locale): AtlasData {
  const spanish = locale === 'es';
  const nameOf = new Map<string, { en: string; shown: string }>();
  const place = <P extends PlaceCore>(p: P): Localised<P> => {
    const shown = spanish && p.name_es ? p.name_es : p.name;
    nameOf.set(p.id, { en: p.name, shown });
    const other = shown === p.name ? p.name_es : p.name;
    const aliases = other && other !== shown && !p.aliases.includes(other) ? [...p.aliases, other] : p.aliases;
    return { ...p, name: shown, aliases, roleName: formatMessage(locale, `role.${p.primaryRole}`) };
  };
  const places = data.places.features.map((f) => ({ ...f, properties: place(f.properties) }));
  // A label has no aliases to add to: only its name and printed text change language.
  const labels = data.labels.features.map((f) => {
    const p: Localised<LabelProps> = { ...f.properties, name: spanish && f.properties.name_es ? f.properties.name_es : f.properties.name, roleName: formatMessage(locale, `role.${f.properties.primaryRole}`) };
    return { ...f, properties: spanish && f.properties.label_es ? { ...p, label: f.properties.label_es } : p };
  });
  const legName = formatMessage(locale, 'role.route');
  const legs = data.legs.features.map((f) => {
    let name = f.properties.name;
    if (spanish) {
      // "Cuba → Paris" is built from the English names at derive time: each end's name in Spanish, in place.
      for (const end of [nameOf.get(f.properties.from), nameOf.get(f.properties.to)]) if (end && end.en !== end.shown) name = name.replace(end.en, end.shown);
    }
    return { ...f, properties: { ...f.properties, name, roleName: legName } };
  });
  return {
    ...data,
    places: { ...data.places, features: places },
    labels: { ...data.labels, features: labels },
    legs: { ...data.legs, features: legs },
  };
}

/**
 * The same data with these places' labels ranked before every other (labelRank lowered by a constant larger than any
 * rank): where labels collide, MapLibre and the SVG map keep these. Their order among themselves is kept.
 */
export function withLabelsFirst(data: AtlasData, first: ReadonlySet<string>): AtlasData {
  if (!first.size) return data;
  const labels = data.labels.features.map((f) => (first.has(f.properties.id) ? { ...f, properties: { ...f.properties, labelRank: f.properties.labelRank - 1000 } } : f));
  return { ...data, labels: { ...data.labels, features: labels } };
}

/** The places these journeys' steps name: their legs' ends and the places a line-less step highlights. */
export function placesOfJourneys(data: AtlasData, journeys: readonly Journey[]): Set<string> {
  const legs = new Map(data.legs.features.map((f) => [f.properties.id, f.properties]));
  return new Set(journeys.flatMap((j) => j.steps.flatMap((s) => [...(s.places ?? []), ...s.legs.flatMap((id) => { const leg = legs.get(id); return leg ? [leg.from, leg.to] : []; })])));
}
