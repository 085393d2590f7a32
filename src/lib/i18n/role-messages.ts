import { FAMILIES, ROLE_REGISTRY, type FamilyId, type Role } from '../atlas/roles.ts';

type RoleMessages = { [K in Role as `role.${K}` | `roleKey.${K}`]: string } & { [F in FamilyId as `family.${F}`]: string };

/** The role registry's names in one language, as messages: `role.X` (the panel's), `roleKey.X` (the key's), `family.F`. */
export function roleMessages(lang: 'en' | 'es'): RoleMessages {
  return Object.fromEntries([
    ...ROLE_REGISTRY.flatMap((r) => [[`role.${r.id}`, r.label[lang]], [`roleKey.${r.id}`, r.key[lang]]]),
    ...FAMILIES.map((f) => [`family.${f.id}`, f.label[lang]]),
  ]) as RoleMessages;
}
