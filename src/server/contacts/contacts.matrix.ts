import { LEVELS, RELATION_POST, RELATIONS, TARGET_MARKING, type Level, type MatrixArea, type Relation } from '../testing/access-matrix';
import { createsAtPost, EVERYONE, listsRecords, readsRecord, writesRecord } from '../engagements/engagements.matrix';
import { buildContact } from '../engagements/test-builders';

export const contactsMatrix: MatrixArea = {
  /** Per post and marking: a contact, and one duplicate per actor to merge into it (a merge changes state). */
  async setup(t) {
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of RELATIONS)
      for (const level of LEVELS) {
        const spec = { post: RELATION_POST[relation].post, classification: TARGET_MARKING[level] };
        const ids: Record<string, string> = { contactId: await buildContact(t.database.db, spec) };
        for (const who of EVERYONE) ids[`contactDuplicate:${who}`] = await buildContact(t.database.db, spec);
        targets[`${relation}/${level}`] = ids;
      }
    return targets;
  },
  entries: {
    'GET /api/v1/contacts': { url: () => '/api/v1/contacts?limit=5', expect: listsRecords },
    'POST /api/v1/contacts': {
      payload: (c) => ({
        name: 'Synthetic Interlocutor',
        title: 'Director for Migration',
        organization: 'Ministry of the Interior',
        organizationType: 'ministry_of_interior',
        country: RELATION_POST[c.relation].country,
        post: RELATION_POST[c.relation].post,
        classification: 'U',
        synthetic: true,
      }),
      expect: createsAtPost,
    },
    'GET /api/v1/contacts/:id': { url: (c) => `/api/v1/contacts/${c.target.contactId}`, expect: readsRecord },
    'PATCH /api/v1/contacts/:id': {
      url: (c) => `/api/v1/contacts/${c.target.contactId}`,
      payload: () => ({ title: 'Director General for Migration' }),
      expect: writesRecord(['officer', 'approver']),
    },
    'POST /api/v1/contacts/:id/merge': {
      url: (c) => `/api/v1/contacts/${c.target.contactId}/merge`,
      payload: (c) => ({ duplicate: c.target[`contactDuplicate:${c.who}`] }),
      expect: writesRecord(['officer', 'approver']),
    },
  },
};
