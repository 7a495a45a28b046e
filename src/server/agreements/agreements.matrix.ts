import type { TRole } from '../../shared/identity';
import { EVERYONE, listsRecords, readsRecord, writesRecord } from '../engagements/engagements.matrix';
import { LEVELS, onlyRoles, RELATION_POST, RELATIONS, TARGET_MARKING, type Level, type MatrixArea, type Relation } from '../testing/access-matrix';
import { agreementStageChanges, agreements, sources } from '../db/schema/index';

/** Who records and moves agreements: headquarters (agreements.manage), stated here, not taken from the code. */
const MANAGERS: TRole[] = ['hq_analyst', 'directive_author'];

const source = { url: 'https://example.org/matrix', outlet: 'Matrix outlet', language: 'en', type: 'official', reliability: 'B', credibility: 2 };

/**
 * An agreement's scope is its counterpart country: one with the relation's country (Germany,
 * France, Canada) is read like a record of the post there (the post's officers and approvers,
 * the bureau, headquarters), so the expectations are those of scoped records.
 */
export const agreementsMatrix: MatrixArea = {
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    const db = t.database.db;
    const build = async (country: string, classification: string) => {
      const [row] = await db
        .insert(agreements)
        .values({ countryAlpha2: country, type: 'readmission', stage: 'approached', stageOn: '2026-01-05', classification, synthetic: true })
        .returning({ id: agreements.id });
      await db.insert(agreementStageChanges).values({ agreementId: row!.id, toStage: 'approached', effectiveOn: '2026-01-05' });
      return row!.id;
    };
    for (const relation of RELATIONS) {
      for (const level of LEVELS) {
        const country = RELATION_POST[relation].country;
        const marking = TARGET_MARKING[level];
        const ids: Record<string, string> = { agreementId: await build(country, marking) };
        for (const who of EVERYONE) {
          ids[`agreementToEdit:${who}`] = await build(country, marking);
          ids[`agreementToMove:${who}`] = await build(country, marking);
          const owner = await build(country, marking);
          const [added] = await db
            .insert(sources)
            .values({ recordType: 'agreement', recordId: owner, ...source, sourceType: 'official', credibility: 2 })
            .returning({ id: sources.id });
          ids[`agreementSourceOwner:${who}`] = owner;
          ids[`agreementSourceToRemove:${who}`] = added!.id;
        }
        targets[`${relation}/${level}`] = ids;
      }
    }
    return targets;
  },
  entries: {
    'GET /api/v1/agreements': { url: () => '/api/v1/agreements?limit=5&sort=distance', expect: listsRecords },
    'POST /api/v1/agreements': {
      payload: (c) => ({ country: RELATION_POST[c.relation].country, type: 'readmission', classification: 'U', synthetic: true }),
      expect: onlyRoles(MANAGERS, 201),
    },
    'GET /api/v1/agreements/:id': { url: (c) => `/api/v1/agreements/${c.target.agreementId}`, expect: readsRecord },
    'GET /api/v1/agreements/:id/history': { url: (c) => `/api/v1/agreements/${c.target.agreementId}/history`, expect: readsRecord },
    'PATCH /api/v1/agreements/:id': {
      url: (c) => `/api/v1/agreements/${c.target[`agreementToEdit:${c.who}`]}`,
      payload: () => ({ annualCapacity: 100 }),
      expect: writesRecord(MANAGERS),
    },
    'POST /api/v1/agreements/:id/stage': {
      url: (c) => `/api/v1/agreements/${c.target[`agreementToMove:${c.who}`]}/stage`,
      payload: () => ({ stage: 'negotiating', note: 'Moved by the access matrix (synthetic).' }),
      expect: writesRecord(MANAGERS),
    },
    'POST /api/v1/agreements/:id/sources': {
      url: (c) => `/api/v1/agreements/${c.target[`agreementToEdit:${c.who}`]}/sources`,
      payload: () => source,
      expect: writesRecord(MANAGERS),
    },
    'DELETE /api/v1/agreements/:id/sources/:sourceId': {
      url: (c) => `/api/v1/agreements/${c.target[`agreementSourceOwner:${c.who}`]}/sources/${c.target[`agreementSourceToRemove:${c.who}`]}`,
      expect: writesRecord(MANAGERS),
    },
  },
};
