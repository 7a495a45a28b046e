import type { TRole } from '../../shared/identity';
import { createsAtPost, EVERYONE, listsRecords, readsRecord, writesRecord } from '../engagements/engagements.matrix';
import {
  adminOnly,
  LEVELS,
  RELATION_POST,
  RELATIONS,
  signedIn,
  TARGET_MARKING,
  unique,
  type Level,
  type MatrixArea,
  type Relation,
} from '../testing/access-matrix';
import { buildMeasure } from './test-builders';

const DRAFTERS: TRole[] = ['officer', 'approver'];
const source = { url: 'https://example.org/matrix-gazette', outlet: 'Matrix gazette', language: 'en', type: 'official', reliability: 'A', credibility: 1 };

/**
 * Policy measures follow the one access rule with no draft state: readers see them by post
 * and marking; only the recording post's officers and approvers change them.
 */
export const policyMeasuresMatrix: MatrixArea = {
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of RELATIONS) {
      const post = RELATION_POST[relation].post;
      const recorder = await t.user({ role: 'officer', post, clearance: 'S' });
      for (const level of LEVELS) {
        const base = { post, createdBy: recorder.actor.id, classification: TARGET_MARKING[level] };
        const ids: Record<string, string> = { measureId: (await buildMeasure(t.database.db, base)).id };
        for (const who of EVERYONE) {
          ids[`measureToChange:${who}`] = (await buildMeasure(t.database.db, { ...base, statuses: [['proposed', '2026-01-01']] })).id;
          const sourced = await buildMeasure(t.database.db, { ...base, sourceCount: 2 });
          ids[`measureSourced:${who}`] = sourced.id;
          ids[`measureSourceToRemove:${who}`] = sourced.sourceIds[1]!;
        }
        targets[`${relation}/${level}`] = ids;
      }
    }
    return targets;
  },
  entries: {
    'GET /api/v1/policy-measures': { url: () => '/api/v1/policy-measures?limit=5', expect: listsRecords },
    'POST /api/v1/policy-measures': {
      payload: (c) => ({
        post: RELATION_POST[c.relation].post,
        area: 'border_control',
        title: `Matrix measure ${unique()}`,
        statusOn: '2026-03-02',
        direction: 'neutral',
        summary: 'A synthetic measure recorded by the access matrix.',
        sources: [source],
        synthetic: true,
      }),
      expect: createsAtPost,
    },
    'GET /api/v1/policy-measures/:id': { url: (c) => `/api/v1/policy-measures/${c.target.measureId}`, expect: readsRecord },
    'PATCH /api/v1/policy-measures/:id': {
      url: (c) => `/api/v1/policy-measures/${c.target[`measureToChange:${c.who}`]}`,
      payload: () => ({ title: `Renamed by the matrix ${unique()}` }),
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/policy-measures/:id/status': {
      url: (c) => `/api/v1/policy-measures/${c.target[`measureToChange:${c.who}`]}/status`,
      payload: () => ({ status: 'adopted', effectiveOn: '2026-02-01' }),
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/policy-measures/:id/sources': {
      url: (c) => `/api/v1/policy-measures/${c.target[`measureToChange:${c.who}`]}/sources`,
      payload: () => ({ ...source, url: `https://example.org/matrix-gazette/${unique()}` }),
      expect: writesRecord(DRAFTERS),
    },
    'DELETE /api/v1/policy-measures/:id/sources/:sourceId': {
      url: (c) => `/api/v1/policy-measures/${c.target[`measureSourced:${c.who}`]}/sources/${c.target[`measureSourceToRemove:${c.who}`]}`,
      expect: writesRecord(DRAFTERS),
    },
    'GET /api/v1/policy-areas': { expect: signedIn(200) },
    'POST /api/v1/policy-areas': { payload: () => ({ code: `matrix_${unique()}`, name: 'Matrix area' }), expect: adminOnly(201) },
    'PATCH /api/v1/policy-areas/:code': {
      url: () => '/api/v1/policy-areas/integration',
      payload: () => ({ description: `Changed by the matrix ${unique()}.` }),
      expect: adminOnly(200),
    },
  },
};
