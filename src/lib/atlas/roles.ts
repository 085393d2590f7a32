/**
 * The one role registry: every role a place can play, in legend order, with its family, its second cue, its
 * labels in both languages, its key label and its line in the curators' guide. Everything else is built from it:
 * the corpus schema, the map's colours and pin shapes (map/style.ts, the SVG map), the key, the messages (i18n),
 * the figure's key, the order of passage sections and of labels. Adding a role means adding an entry here (and a
 * claim that uses it); tests check the guide's table and the README's list against it.
 */

/** Families of roles: one hue each on the map, the key's first row. */
export const FAMILIES = [
  { id: 'training', colour: '#b5400a', label: { en: 'Training', es: 'Entrenamiento' } },
  { id: 'hubs', colour: '#3b2a8c', label: { en: 'Network hubs', es: 'Centros de la red' } },
  { id: 'movements', colour: '#2d7fb8', label: { en: 'Trainees’ movements', es: 'Viajes de los entrenados' } },
  { id: 'plans', colour: '#7a1f3d', label: { en: 'Plans', es: 'Planes' } },
  { id: 'context', colour: '#7a7a7a', label: { en: 'Context', es: 'Contexto' } },
] as const;
export type FamilyId = (typeof FAMILIES)[number]['id'];

/**
 * How a role is told apart from the others of its family, whatever the reader's colour vision: a pin solid, hollow
 * (a ring), solid with a white dot, or hollow with a dot; a country or zone filled plain, hatched, dotted or
 * cross-hatched in the family's hue.
 */
export const CUES = ['solid', 'ring', 'dot', 'ring-dot'] as const;
export type Cue = (typeof CUES)[number];

interface RoleEntry {
  id: string;
  family: FamilyId;
  cue: Cue;
  /** The panel's name for the role. */
  label: { en: string; es: string };
  /** The key's shorter name. */
  key: { en: string; es: string };
  /** The curators' guide's line: "for sentences that say …" (geodata/CURATING.md's role table, tested against this). */
  guide: string;
}

// One role a line: the table reads down its columns (id, family, cue, labels, key, guide).
export const ROLE_REGISTRY = [
  { id: 'training-site', family: 'training', cue: 'solid', label: { en: 'Training site', es: 'Lugar de entrenamiento' }, key: { en: 'Training site', es: 'Entrenamiento' }, guide: 'people were trained there' },
  { id: 'command-centre', family: 'hubs', cue: 'solid', label: { en: 'Command centre of the network', es: 'Centro de mando de la red' }, key: { en: 'Command centre', es: 'Centro de mando' }, guide: 'the network is run from there ("the center of the network", "headquartered")' },
  { id: 'transit-hub', family: 'hubs', cue: 'ring', label: { en: 'Transit hub', es: 'Punto de tránsito' }, key: { en: 'Transit hub', es: 'Tránsito' }, guide: 'travellers passed through it ("by way of", "go through")' },
  { id: 'contact', family: 'hubs', cue: 'dot', label: { en: 'Network contacts', es: 'Contactos de la red' }, key: { en: 'Contacts', es: 'Contactos' }, guide: 'the network had contacts or correspondence points there' },
  { id: 'funding', family: 'hubs', cue: 'ring-dot', label: { en: 'Funding channel', es: 'Vía de financiamiento' }, key: { en: 'Funding', es: 'Financiamiento' }, guide: 'money was held or passed there' },
  { id: 'origin', family: 'movements', cue: 'solid', label: { en: 'Trainees came from', es: 'País de origen de los entrenados' }, key: { en: 'Trainees came from', es: 'Origen de los entrenados' }, guide: 'the trainees came from there' },
  { id: 'destination', family: 'movements', cue: 'ring', label: { en: 'Trainees went back to', es: 'Adonde regresaron los entrenados' }, key: { en: 'Trainees went back to', es: 'Regreso de los entrenados' }, guide: 'the trainees went back to it ("coming back", "sent back")' },
  { id: 're-entry', family: 'movements', cue: 'dot', label: { en: 'Re-entry point', es: 'Punto de reingreso' }, key: { en: 'Re-entry point', es: 'Reingreso' }, guide: 'it was used to get back in ("re-entry points")' },
  { id: 'documents-source', family: 'movements', cue: 'ring-dot', label: { en: 'False papers came from', es: 'Origen de la documentación falsa' }, key: { en: 'False papers from', es: 'Documentación falsa' }, guide: 'false papers came from there (not where anyone crossed)' },
  { id: 'planned-training', family: 'plans', cue: 'solid', label: { en: 'Planned training', es: 'Entrenamiento previsto' }, key: { en: 'Planned training', es: 'Entrenamiento previsto' }, guide: 'training there is planned, not yet given' },
  { id: 'front', family: 'plans', cue: 'ring', label: { en: 'Planned front (Peru)', es: 'Frente previsto (Perú)' }, key: { en: 'Planned front', es: 'Frente previsto' }, guide: 'a planned front of the revolution' },
  { id: 'context', family: 'context', cue: 'solid', label: { en: 'Political context', es: 'Contexto político' }, key: { en: 'Context', es: 'Contexto' }, guide: 'the place is named, but not as part of the network' },
] as const satisfies readonly RoleEntry[];

/** Roles a place can play in a document, in the order the legend lists them. */
export const ROLES = ROLE_REGISTRY.map((r) => r.id) as unknown as readonly [(typeof ROLE_REGISTRY)[number]['id'], ...Array<(typeof ROLE_REGISTRY)[number]['id']>];
export type Role = (typeof ROLE_REGISTRY)[number]['id'];

const byId = new Map<string, RoleEntry>(ROLE_REGISTRY.map((r) => [r.id, r]));
/** A role's registry entry. */
export const roleEntry = (role: Role): RoleEntry => byId.get(role)!;
export const familyOf = (role: Role): FamilyId => roleEntry(role).family;
export const cueOf = (role: Role): Cue => roleEntry(role).cue;
export const familyColour = (family: FamilyId): string => FAMILIES.find((f) => f.id === family)!.colour;
/** A role's colour: its family's hue. */
export const roleColour = (role: Role): string => familyColour(familyOf(role));
/** The roles of a family, in legend order. */
export const rolesOf = (family: FamilyId): Role[] => ROLE_REGISTRY.filter((r) => r.family === family).map((r) => r.id);
