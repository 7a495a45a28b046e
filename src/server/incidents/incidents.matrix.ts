import type { TRole } from '../../shared/identity';
import { createsAtPost, EVERYONE, listsRecords, readsRecord, writesRecord } from '../engagements/engagements.matrix';
import {
  adminOnly,
  LEVELS,
  RELATION_POST,
  RELATIONS,
  seesScopedRecord,
  signedIn,
  TARGET_MARKING,
  unique,
  type Case,
  type Level,
  type MatrixArea,
  type Relation,
} from '../testing/access-matrix';
import { eq } from 'drizzle-orm';
import { incidentMerges, incidents } from '../db/schema/index';
import { buildIncident } from './test-builders';

const DRAFTERS: TRole[] = ['officer', 'approver'];
const VERIFIERS: TRole[] = ['approver'];
const TRIAGE: TRole[] = ['approver', 'bureau_analyst', 'hq_analyst'];

const source = { url: 'https://example.org/matrix', outlet: 'Matrix outlet', language: 'en', type: 'police', reliability: 'B', credibility: 2 };

/** A merge needs a survivor the actor sees too: one more incident at the same post and marking. */
const mergesRecord = (c: Case) => (c.who === 'anonymous' ? 401 : !TRIAGE.includes(c.who) ? 403 : seesScopedRecord(c.who, c.relation, c.level) ? 200 : 404);

export const incidentsMatrix: MatrixArea = {
  /**
   * Per post and marking: a submitted incident to read, a verified one to edit, and, for the
   * steps that change state, one incident per actor. All are drafted by a separate officer of
   * the post, so four eyes lets the matrix approver verify.
   */
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of RELATIONS) {
      const post = RELATION_POST[relation].post;
      const drafter = await t.user({ role: 'officer', post, clearance: 'S' });
      for (const level of LEVELS) {
        const base = { post, draftedBy: drafter.actor.id, classification: TARGET_MARKING[level] };
        const submitted = await buildIncident(t.database.db, { ...base, status: 'submitted' });
        const ids: Record<string, string> = { incidentId: submitted.id, incidentSourceId: submitted.sourceIds[0]! };
        for (const who of EVERYONE) {
          const build = async (status: 'draft' | 'submitted' | 'verified', key: string) => {
            ids[`${key}:${who}`] = (await buildIncident(t.database.db, { ...base, status, suspectStatuses: ['national', 'not_stated'] })).id;
          };
          await build('verified', 'incidentToEdit');
          await build('draft', 'incidentToSubmit');
          await build('submitted', 'incidentToVerify');
          await build('submitted', 'incidentToReturn');
          await build('submitted', 'incidentToReject');
          await build('verified', 'incidentToMerge');
          await build('verified', 'incidentSurvivor');
          // A merge to undo, as the merge command leaves it (nothing moved).
          const merged = await buildIncident(t.database.db, { ...base, status: 'verified' });
          const survivor = await buildIncident(t.database.db, { ...base, status: 'verified' });
          await t.database.db.update(incidents).set({ mergedIntoId: survivor.id }).where(eq(incidents.id, merged.id));
          await t.database.db.insert(incidentMerges).values({
            mergedId: merged.id,
            survivorId: survivor.id,
            survivorClassificationBefore: TARGET_MARKING[level],
            survivorLegalStatusBefore: 'reported',
            mergedBy: drafter.actor.id,
          });
          ids[`incidentMerged:${who}`] = merged.id;
          const sourced = await buildIncident(t.database.db, { ...base, status: 'verified', suspectStatuses: ['national', 'not_stated'] });
          ids[`incidentSourceOwner:${who}`] = sourced.id;
          ids[`incidentSourceToRemove:${who}`] = sourced.sourceIds[1]!;
        }
        targets[`${relation}/${level}`] = ids;
      }
    }
    return targets;
  },
  entries: {
    'GET /api/v1/incidents': { url: () => '/api/v1/incidents?limit=5', expect: listsRecords },
    'GET /api/v1/incidents/map': { url: () => '/api/v1/incidents/map', expect: listsRecords },
    'POST /api/v1/incidents/check': { payload: () => ({ occurredOn: '2026-03-02', summary: 'An assault at a bus stop.' }), expect: listsRecords },
    'POST /api/v1/incidents': {
      payload: (c) => ({
        post: RELATION_POST[c.relation].post,
        placeName: 'Matrix town',
        geoPrecision: 'town',
        occurredOn: '2026-03-02',
        category: 'violent_crime',
        summary: `A synthetic incident filed by the access matrix (${unique()}).`,
        classification: 'U',
        sources: [source],
        synthetic: true,
      }),
      expect: createsAtPost,
    },
    // One row at the relation's post, marked at the level: a row another post's or above the
    // importer's clearance is refused in the report (400), as its own POST /incidents would be.
    'POST /api/v1/incident-imports': {
      payload: (c) => ({
        format: 'json',
        content: JSON.stringify([
          {
            post: RELATION_POST[c.relation].post,
            placeName: 'Matrix town',
            geoPrecision: 'town',
            occurredOn: '2026-03-02',
            category: 'violent_crime',
            summary: `A synthetic incident imported by the access matrix (${unique()}).`,
            classification: TARGET_MARKING[c.level],
            sources: [source],
            synthetic: true,
            externalId: `matrix-${unique()}`,
          },
        ]),
      }),
      expect: (c) => (c.who === 'anonymous' ? 401 : !DRAFTERS.includes(c.who) ? 403 : c.relation === 'own_post' && c.level === 'at' ? 201 : 400),
    },
    'GET /api/v1/incidents/:id': { url: (c) => `/api/v1/incidents/${c.target.incidentId}`, expect: readsRecord },
    'PATCH /api/v1/incidents/:id': {
      url: (c) => `/api/v1/incidents/${c.target[`incidentToEdit:${c.who}`]}`,
      payload: () => ({ killed: 0 }),
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/incidents/:id/sources': {
      url: (c) => `/api/v1/incidents/${c.target[`incidentToEdit:${c.who}`]}/sources`,
      payload: () => source,
      expect: writesRecord(DRAFTERS),
    },
    'DELETE /api/v1/incidents/:id/sources/:sourceId': {
      url: (c) => `/api/v1/incidents/${c.target[`incidentSourceOwner:${c.who}`]}/sources/${c.target[`incidentSourceToRemove:${c.who}`]}`,
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/incidents/:id/legal-status': {
      url: (c) => `/api/v1/incidents/${c.target[`incidentToEdit:${c.who}`]}/legal-status`,
      payload: () => ({ status: 'under_investigation', effectiveOn: '2026-03-03' }),
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/incidents/:id/submit': { url: (c) => `/api/v1/incidents/${c.target[`incidentToSubmit:${c.who}`]}/submit`, expect: writesRecord(DRAFTERS) },
    'POST /api/v1/incidents/:id/verify': { url: (c) => `/api/v1/incidents/${c.target[`incidentToVerify:${c.who}`]}/verify`, expect: writesRecord(VERIFIERS) },
    'POST /api/v1/incidents/:id/return': {
      url: (c) => `/api/v1/incidents/${c.target[`incidentToReturn:${c.who}`]}/return`,
      payload: () => ({ reason: 'Returned by the access matrix.' }),
      expect: writesRecord(VERIFIERS),
    },
    'POST /api/v1/incidents/:id/reject': {
      url: (c) => `/api/v1/incidents/${c.target[`incidentToReject:${c.who}`]}/reject`,
      payload: () => ({ reason: 'Rejected by the access matrix.' }),
      expect: writesRecord(VERIFIERS),
    },
    'GET /api/v1/incidents/:id/revisions': { url: (c) => `/api/v1/incidents/${c.target.incidentId}/revisions`, expect: readsRecord },
    'GET /api/v1/incidents/:id/activity': { url: (c) => `/api/v1/incidents/${c.target.incidentId}/activity`, expect: readsRecord },
    'POST /api/v1/incidents/:id/comments': {
      url: (c) => `/api/v1/incidents/${c.target.incidentId}/comments`,
      payload: () => ({ body: 'A comment from the access matrix (synthetic).' }),
      expect: writesRecord(['officer', 'approver', 'bureau_analyst', 'hq_analyst', 'directive_author'], 201),
    },
    'GET /api/v1/incidents/:id/duplicates': { url: (c) => `/api/v1/incidents/${c.target.incidentId}/duplicates`, expect: readsRecord },
    'POST /api/v1/incidents/:id/duplicates/:candidateId/dismiss': {
      url: (c) => `/api/v1/incidents/${c.target[`incidentToMerge:${c.who}`]}/duplicates/${c.target.incidentId}/dismiss`,
      expect: (c) => (mergesRecord(c) === 200 ? 204 : mergesRecord(c)),
    },
    'POST /api/v1/incidents/:id/merge': {
      url: (c) => `/api/v1/incidents/${c.target[`incidentToMerge:${c.who}`]}/merge`,
      payload: (c) => ({ into: c.target[`incidentSurvivor:${c.who}`] }),
      expect: mergesRecord,
    },
    'POST /api/v1/incidents/:id/unmerge': { url: (c) => `/api/v1/incidents/${c.target[`incidentMerged:${c.who}`]}/unmerge`, expect: mergesRecord },
    'GET /api/v1/incident-categories': { expect: signedIn(200) },
    'POST /api/v1/incident-categories': { payload: () => ({ code: `matrix_${unique()}`, name: 'Matrix category' }), expect: adminOnly(201) },
    'PATCH /api/v1/incident-categories/:code': {
      url: () => '/api/v1/incident-categories/other',
      payload: () => ({ description: 'Changed by the matrix.' }),
      expect: adminOnly(200),
    },
  },
};
