import { ROLES, type TRole } from '../../shared/identity';
import {
  LEVELS,
  RELATION_POST,
  RELATIONS,
  TARGET_MARKING,
  seesScopedRecord,
  type Case,
  type Level,
  type MatrixArea,
  type Relation,
  type Who,
} from '../testing/access-matrix';
import { buildEngagement } from './test-builders';

/** Who reads post records, who drafts them, who approves them: stated here, not taken from the code under test. */
const READERS: TRole[] = ['officer', 'approver', 'bureau_analyst', 'hq_analyst', 'directive_author'];
const DRAFTERS: TRole[] = ['officer', 'approver'];
const APPROVERS: TRole[] = ['approver'];
export const EVERYONE: Who[] = ['anonymous', ...ROLES];

/** A scoped record: 200 to whoever may read it and sees it, 404 to a reader who does not, 403 to other roles. */
export const readsRecord = (c: Case) =>
  c.who === 'anonymous' ? 401 : !READERS.includes(c.who) ? 403 : seesScopedRecord(c.who, c.relation, c.level) ? 200 : 404;

/** A write on a scoped record by these roles: `status` when they see it, 404 when not. */
export const writesRecord =
  (roles: TRole[], status = 200) =>
  (c: Case) =>
    c.who === 'anonymous' ? 401 : !roles.includes(c.who) ? 403 : seesScopedRecord(c.who, c.relation, c.level) ? status : 404;

/** A new record at the relation's post: only drafters, only for their home post. */
export const createsAtPost = (c: Case) => (c.who === 'anonymous' ? 401 : DRAFTERS.includes(c.who as TRole) && c.relation === 'own_post' ? 201 : 403);

export const listsRecords = (c: Case) => (c.who === 'anonymous' ? 401 : READERS.includes(c.who as TRole) ? 200 : 403);

export const engagementsMatrix: MatrixArea = {
  /**
   * Per post and marking: a submitted engagement with a follow-up, a draft to change, and,
   * because submit, approve and return change state, one engagement per actor for each of
   * them. All are drafted by a separate officer of the post, so four eyes lets the matrix
   * approver approve.
   */
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of RELATIONS) {
      const post = RELATION_POST[relation].post;
      const drafter = await t.user({ role: 'officer', post, clearance: 'S' });
      for (const level of LEVELS) {
        const base = { post, draftedBy: drafter.actor.id, classification: TARGET_MARKING[level] };
        const submitted = await buildEngagement(t.database.db, { ...base, status: 'submitted', followUps: 1 });
        const ids: Record<string, string> = {
          engagementId: submitted.id,
          engagementFollowUpId: submitted.followUpIds[0]!,
          engagementDraftId: (await buildEngagement(t.database.db, base)).id,
        };
        for (const who of EVERYONE) {
          ids[`engagementToSubmit:${who}`] = (await buildEngagement(t.database.db, base)).id;
          ids[`engagementToApprove:${who}`] = (await buildEngagement(t.database.db, { ...base, status: 'submitted' })).id;
          ids[`engagementToReturn:${who}`] = (await buildEngagement(t.database.db, { ...base, status: 'submitted' })).id;
        }
        targets[`${relation}/${level}`] = ids;
      }
    }
    return targets;
  },
  entries: {
    // A short page: the matrix checks who may list, not how many.
    'GET /api/v1/engagements': { url: () => '/api/v1/engagements?limit=5', expect: listsRecords },
    'POST /api/v1/engagements': {
      payload: (c) => ({ post: RELATION_POST[c.relation].post, occurredAt: '2025-12-02T09:30:00Z', kind: 'meeting', classification: 'U', synthetic: true }),
      expect: createsAtPost,
    },
    'GET /api/v1/engagements/:id': { url: (c) => `/api/v1/engagements/${c.target.engagementId}`, expect: readsRecord },
    'PATCH /api/v1/engagements/:id': {
      url: (c) => `/api/v1/engagements/${c.target.engagementDraftId}`,
      payload: () => ({ ourReadout: 'Changed by the access matrix (synthetic).' }),
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/engagements/:id/submit': {
      url: (c) => `/api/v1/engagements/${c.target[`engagementToSubmit:${c.who}`]}/submit`,
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/engagements/:id/approve': {
      url: (c) => `/api/v1/engagements/${c.target[`engagementToApprove:${c.who}`]}/approve`,
      expect: writesRecord(APPROVERS),
    },
    'POST /api/v1/engagements/:id/return': {
      url: (c) => `/api/v1/engagements/${c.target[`engagementToReturn:${c.who}`]}/return`,
      payload: () => ({ reason: 'Returned by the access matrix.' }),
      expect: writesRecord(APPROVERS),
    },
    'PATCH /api/v1/engagements/:id/follow-ups/:followUpId': {
      url: (c) => `/api/v1/engagements/${c.target.engagementId}/follow-ups/${c.target.engagementFollowUpId}`,
      payload: () => ({ done: true }),
      expect: writesRecord(DRAFTERS),
    },
    'GET /api/v1/engagements/:id/activity': { url: (c) => `/api/v1/engagements/${c.target.engagementId}/activity`, expect: readsRecord },
    // Whoever may read an engagement may comment on it.
    'POST /api/v1/engagements/:id/comments': {
      url: (c) => `/api/v1/engagements/${c.target.engagementId}/comments`,
      payload: () => ({ body: 'A comment from the access matrix (synthetic).' }),
      expect: writesRecord(READERS, 201),
    },
    'GET /api/v1/engagements/:id/comparison': { url: (c) => `/api/v1/engagements/${c.target.engagementId}/comparison`, expect: readsRecord },
  },
};
