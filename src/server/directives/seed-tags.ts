import type { Executor } from '../db/client';
import { tags } from '../db/schema/index';

/**
 * Subject TAGS in common use on State cables, with their usual names. Administrators add
 * others through the API; the seed never renames or removes what is there.
 */
export const COMMON_TAGS: readonly { code: string; name: string }[] = [
  { code: 'PREL', name: 'External political relations' },
  { code: 'PGOV', name: 'Internal governmental affairs' },
  { code: 'PHUM', name: 'Human rights' },
  { code: 'SMIG', name: 'Migration' },
  { code: 'KCRM', name: 'Criminal activity' },
  { code: 'KTIP', name: 'Trafficking in persons' },
  { code: 'PTER', name: 'Terrorism' },
  { code: 'PINR', name: 'Intelligence' },
  { code: 'CVIS', name: 'Visas' },
  { code: 'ASEC', name: 'Security' },
  { code: 'ECON', name: 'Economic conditions' },
  { code: 'EFIN', name: 'Financial and monetary affairs' },
  { code: 'ETRD', name: 'Foreign trade' },
  { code: 'ELAB', name: 'Labor' },
  { code: 'ENRG', name: 'Energy' },
  { code: 'SENV', name: 'Environmental affairs' },
  { code: 'PREF', name: 'Refugees' },
  { code: 'SOCI', name: 'Social conditions' },
  { code: 'SNAR', name: 'Narcotics' },
  { code: 'KJUS', name: 'Administration of justice' },
  { code: 'KISL', name: 'Islamic affairs' },
  { code: 'KIRF', name: 'International religious freedom' },
  { code: 'KDEM', name: 'Democratization' },
  { code: 'KPAO', name: 'Public affairs' },
  { code: 'KWMN', name: "Women's issues" },
  { code: 'MARR', name: 'Military and defense arrangements' },
];

/** Inserts the common TAGS that are missing; returns how many it added (0 the second time). */
export async function seedTags(db: Executor): Promise<number> {
  const added = await db
    .insert(tags)
    .values([...COMMON_TAGS])
    .onConflictDoNothing({ target: tags.code })
    .returning({ code: tags.code });
  return added.length;
}
