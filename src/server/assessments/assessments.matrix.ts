import type { TRole } from '../../shared/identity';
import { EVERYONE, listsRecords, readsRecord, writesRecord } from '../engagements/engagements.matrix';
import { LEVELS, RELATION_POST, RELATIONS, TARGET_MARKING, type Level, type MatrixArea, type Relation } from '../testing/access-matrix';
import { buildAssessment } from './test-builders';

const DRAFTERS: TRole[] = ['officer', 'approver'];
const APPROVERS: TRole[] = ['approver'];

/** Each POST /assessments by a drafter at the own post needs a period of its own. */
let period = 0;
const nextPeriod = () => {
  period += 1;
  return `${1950 + Math.floor(period / 4)}-Q${(period % 4) + 1}`;
};

/**
 * Per post and marking: a submitted assessment to read, and one per actor for each step that
 * changes state. All are drafted by a separate officer of the post, so four eyes lets the matrix
 * approver approve.
 */
export const assessmentsMatrix: MatrixArea = {
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    let n = 0;
    const periodFor = () => {
      n += 1;
      return `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    };
    for (const relation of RELATIONS) {
      const post = RELATION_POST[relation].post;
      const drafter = await t.user({ role: 'officer', post, clearance: 'S' });
      for (const level of LEVELS) {
        const base = { post, draftedBy: drafter.actor.id, classification: TARGET_MARKING[level] };
        const ids: Record<string, string> = { assessmentId: await buildAssessment(t.database.db, { ...base, status: 'submitted', period: periodFor() }) };
        for (const who of EVERYONE) {
          ids[`assessmentToEdit:${who}`] = await buildAssessment(t.database.db, { ...base, period: periodFor() });
          ids[`assessmentToSubmit:${who}`] = await buildAssessment(t.database.db, { ...base, period: periodFor() });
          ids[`assessmentToApprove:${who}`] = await buildAssessment(t.database.db, { ...base, status: 'submitted', period: periodFor() });
          ids[`assessmentToReturn:${who}`] = await buildAssessment(t.database.db, { ...base, status: 'submitted', period: periodFor() });
        }
        targets[`${relation}/${level}`] = ids;
      }
    }
    return targets;
  },
  entries: {
    'GET /api/v1/assessments': { url: () => '/api/v1/assessments?limit=5', expect: listsRecords },
    'POST /api/v1/assessments': {
      payload: (c) => ({
        post: RELATION_POST[c.relation].post,
        period: nextPeriod(),
        scores: [{ area: 'integration', score: 0, justification: 'Synthetic, by the access matrix.' }],
        synthetic: true,
      }),
      expect: (c) => (c.who === 'anonymous' ? 401 : DRAFTERS.includes(c.who as TRole) && c.relation === 'own_post' ? 201 : 403),
    },
    'GET /api/v1/assessments/changes': { url: (c) => `/api/v1/assessments/changes?country=${RELATION_POST[c.relation].country}`, expect: listsRecords },
    'GET /api/v1/assessments/evidence-options': {
      url: (c) => `/api/v1/assessments/evidence-options?type=policy_measure&country=${RELATION_POST[c.relation].country}`,
      expect: listsRecords,
    },
    'GET /api/v1/assessments/map': { url: () => '/api/v1/assessments/map?area=integration', expect: listsRecords },
    'GET /api/v1/assessments/timeline': { url: (c) => `/api/v1/assessments/timeline?country=${RELATION_POST[c.relation].country}`, expect: listsRecords },
    'GET /api/v1/assessments/deadlines': { expect: listsRecords },
    'GET /api/v1/assessments/:id': { url: (c) => `/api/v1/assessments/${c.target.assessmentId}`, expect: readsRecord },
    'GET /api/v1/assessments/:id/activity': { url: (c) => `/api/v1/assessments/${c.target.assessmentId}/activity`, expect: readsRecord },
    // Drafts: only the post's officers and approvers see them (404 for the other readers, as for engagements).
    'PATCH /api/v1/assessments/:id': {
      url: (c) => `/api/v1/assessments/${c.target[`assessmentToEdit:${c.who}`]}`,
      payload: () => ({ narrative: `Changed by the access matrix (synthetic).` }),
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/assessments/:id/submit': {
      url: (c) => `/api/v1/assessments/${c.target[`assessmentToSubmit:${c.who}`]}/submit`,
      expect: writesRecord(DRAFTERS),
    },
    'POST /api/v1/assessments/:id/approve': {
      url: (c) => `/api/v1/assessments/${c.target[`assessmentToApprove:${c.who}`]}/approve`,
      expect: writesRecord(APPROVERS),
    },
    'POST /api/v1/assessments/:id/return': {
      url: (c) => `/api/v1/assessments/${c.target[`assessmentToReturn:${c.who}`]}/return`,
      payload: () => ({ reason: 'Returned by the access matrix.' }),
      expect: writesRecord(APPROVERS),
    },
  },
};
