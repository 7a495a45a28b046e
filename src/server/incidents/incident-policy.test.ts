import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEARANCES, ROLES, type TClearance, type TRole } from '../../shared/identity';
import { incidents, posts } from '../db/schema/index';
import { actionRefusal as engagementRefusal } from '../engagements/engagement-policy';
import type { Actor } from '../identity/actor';
import { createTestApp, type TestApp } from '../testing/test-app';
import { actionRefusal, canSeeIncident, INCIDENT_ACTIONS, incidentActions, visibleIncidents } from './incident-policy';
import { buildIncident } from './test-builders';

const STATUSES = ['draft', 'submitted', 'verified', 'rejected'] as const;

describe('incident policy', () => {
  let t: TestApp;
  let berlinId: string;
  let records: {
    id: string;
    postId: string;
    postBureauCode: string | null;
    classification: TClearance;
    status: string;
    draftedBy: string;
    mergedIntoId: string | null;
  }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const drafter = await t.user({ role: 'officer', post: 'berlin' });
    for (const post of ['berlin', 'paris', 'ottawa'])
      for (const classification of CLEARANCES)
        for (const status of STATUSES) await buildIncident(t.database.db, { post, draftedBy: drafter.actor.id, classification, status });
    const bureauOf = new Map((await t.database.db.select({ id: posts.id, code: posts.code, bureau: posts.bureauCode }).from(posts)).map((p) => [p.id, p]));
    berlinId = [...bureauOf.values()].find((p) => p.code === 'berlin')!.id;
    records = (await t.database.db.select().from(incidents).orderBy(asc(incidents.id))).map((row) => ({
      id: row.id,
      postId: row.postId,
      postBureauCode: bureauOf.get(row.postId)?.bureau ?? null,
      classification: row.classification as TClearance,
      status: row.status,
      draftedBy: row.draftedBy,
      mergedIntoId: row.mergedIntoId,
    }));
  });
  afterAll(async () => t.close());

  const actor = (role: TRole, clearance: TClearance): Actor => ({
    id: randomUUID(),
    email: `${role}@demarche.test`,
    name: role,
    role,
    clearance,
    postId: role === 'officer' || role === 'approver' ? berlinId : null,
    postCode: role === 'officer' || role === 'approver' ? 'berlin' : null,
    bureauCode: role === 'admin' || role === 'hq_analyst' || role === 'directive_author' ? null : 'EUR',
    disabled: false,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  });
  const bySql = async (who: Actor) =>
    (await t.database.db.select({ id: incidents.id }).from(incidents).where(visibleIncidents(who)).orderBy(asc(incidents.id))).map((r) => r.id);

  it('gives the same answer as a SQL condition and as a predicate, for every role, clearance and status', async () => {
    for (const role of ROLES)
      for (const clearance of CLEARANCES) {
        const who = actor(role, clearance);
        expect(await bySql(who), `${role} ${clearance}`).toEqual(records.filter((r) => canSeeIncident(who, r)).map((r) => r.id));
      }
  });

  it('shows drafts to the post’s officers and approvers only', async () => {
    const statusesSeen = async (who: Actor) => {
      const visible = new Set(await bySql(who));
      return [...new Set(records.filter((r) => visible.has(r.id)).map((r) => r.status))].sort();
    };
    expect(await statusesSeen(actor('officer', 'S'))).toEqual(['draft', 'rejected', 'submitted', 'verified']);
    expect(await statusesSeen(actor('bureau_analyst', 'S'))).toEqual(['rejected', 'submitted', 'verified']);
    expect(await statusesSeen(actor('hq_analyst', 'S'))).toEqual(['rejected', 'submitted', 'verified']);
  });

  it('offers only the actions that would succeed: verification never to an editor, edits of verified incidents to the post', () => {
    const submitted = { ...records.find((r) => r.postId === berlinId && r.classification === 'U' && r.status === 'submitted')!, editors: [] as string[] };
    const verified = { ...records.find((r) => r.postId === berlinId && r.classification === 'U' && r.status === 'verified')!, editors: [] as string[] };
    const approver = actor('approver', 'S');
    expect(incidentActions(approver, submitted)).toEqual(['verify', 'return', 'reject', 'comment', 'merge', 'dismiss_duplicate']);
    expect(incidentActions({ ...approver, id: submitted.draftedBy }, submitted)).toEqual(['return', 'comment', 'merge', 'dismiss_duplicate']);
    expect(incidentActions(actor('officer', 'S'), verified)).toEqual(['update', 'add_source', 'remove_source', 'set_legal_status', 'comment']);
    expect(incidentActions(actor('hq_analyst', 'S'), verified)).toEqual(['comment', 'merge', 'dismiss_duplicate']);
    expect(incidentActions(actor('directive_author', 'S'), verified)).toEqual(['comment']);
    expect(incidentActions(actor('hq_analyst', 'U'), { ...verified, classification: 'C' })).toEqual([]);
    // A merged incident is a pointer: only undoing the merge and comments are left.
    expect(incidentActions(actor('hq_analyst', 'S'), { ...verified, mergedIntoId: randomUUID() })).toEqual(['comment', 'unmerge']);
  });

  it('answers a refusal as data, not as an Error with a stack trace (a page asks for every action of every row)', () => {
    const record = { ...records.find((r) => r.status === 'verified')!, editors: [] as string[] };
    const reader = actor('directive_author', 'S');
    for (const action of INCIDENT_ACTIONS) {
      const refused = actionRefusal(reader, record, action);
      if (refused) expect(refused, action).not.toBeInstanceOf(Error);
    }
    const engagement = { ...record, status: 'submitted' };
    expect(engagementRefusal(reader, engagement, 'approve')).toEqual({ code: 'forbidden', message: expect.stringContaining('approvers') });
    expect(engagementRefusal(reader, engagement, 'approve')).not.toBeInstanceOf(Error);
  });
});
