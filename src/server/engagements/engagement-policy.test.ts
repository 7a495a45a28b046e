import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEARANCES, ROLES, type TClearance, type TRole } from '../../shared/identity';
import { engagements, posts } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { createTestApp, type TestApp } from '../testing/test-app';
import { canSeeEngagement, engagementActions, visibleEngagements } from './engagement-policy';
import { buildEngagement } from './test-builders';

const STATUSES = ['draft', 'submitted', 'approved'] as const;

describe('engagement policy', () => {
  let t: TestApp;
  let berlinId: string;
  let records: { id: string; postId: string; postBureauCode: string | null; classification: TClearance; status: string; draftedBy: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const drafter = await t.user({ role: 'officer', post: 'berlin' });
    for (const post of ['berlin', 'paris', 'ottawa'])
      for (const classification of CLEARANCES)
        for (const status of STATUSES) await buildEngagement(t.database.db, { post, draftedBy: drafter.actor.id, classification, status });
    const bureauOf = new Map((await t.database.db.select({ id: posts.id, code: posts.code, bureau: posts.bureauCode }).from(posts)).map((p) => [p.id, p]));
    berlinId = [...bureauOf.values()].find((p) => p.code === 'berlin')!.id;
    records = (await t.database.db.select().from(engagements).orderBy(asc(engagements.id))).map((row) => ({
      id: row.id,
      postId: row.postId,
      postBureauCode: bureauOf.get(row.postId)?.bureau ?? null,
      classification: row.classification as TClearance,
      status: row.status,
      draftedBy: row.draftedBy,
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
    (await t.database.db.select({ id: engagements.id }).from(engagements).where(visibleEngagements(who)).orderBy(asc(engagements.id))).map((r) => r.id);

  it('gives the same answer as a SQL condition and as a predicate, for every role, clearance and status', async () => {
    for (const role of ROLES)
      for (const clearance of CLEARANCES) {
        const who = actor(role, clearance);
        expect(await bySql(who), `${role} ${clearance}`).toEqual(records.filter((r) => canSeeEngagement(who, r)).map((r) => r.id));
      }
  });

  it('shows drafts to the post’s officers and approvers only', async () => {
    const statusesSeen = async (who: Actor) => {
      const visible = new Set(await bySql(who));
      return [...new Set(records.filter((r) => visible.has(r.id)).map((r) => r.status))].sort();
    };
    expect(await statusesSeen(actor('officer', 'S'))).toEqual(['approved', 'draft', 'submitted']);
    expect(await statusesSeen(actor('approver', 'U'))).toEqual(['approved', 'draft', 'submitted']);
    expect(await statusesSeen(actor('bureau_analyst', 'S'))).toEqual(['approved', 'submitted']);
    expect(await statusesSeen(actor('hq_analyst', 'S'))).toEqual(['approved', 'submitted']);
    expect(await statusesSeen(actor('directive_author', 'S'))).toEqual(['approved', 'submitted']);
  });

  it('offers only the actions that would succeed, refusing approval to everyone who edited the content', () => {
    const found = records.find((r) => r.postId === berlinId && r.classification === 'U' && r.status === 'submitted')!;
    const editor = actor('approver', 'S');
    const record = { ...found, editors: [editor.id] };
    const approver = actor('approver', 'S');
    expect(engagementActions(approver, record)).toEqual(['approve', 'return', 'update_follow_up', 'comment']);
    expect(engagementActions({ ...approver, id: record.draftedBy }, record)).toEqual(['return', 'update_follow_up', 'comment']);
    // An approver who changed the text is one of its authors: they may return it, not approve it.
    expect(engagementActions(editor, record)).toEqual(['return', 'update_follow_up', 'comment']);
    expect(engagementActions(actor('officer', 'S'), record)).toEqual(['update_follow_up', 'comment']);
    expect(engagementActions(actor('hq_analyst', 'S'), record)).toEqual(['comment']);
    expect(engagementActions(actor('officer', 'U'), { ...record, classification: 'C' })).toEqual([]);
  });
});
