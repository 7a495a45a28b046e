import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { defineWorkflow } from '../workflow/workflow-definition';
import { notify } from './notification-store';

/**
 * The whole class of "a notification about something its reader may not see": every record
 * type needs a rule to be shown at all, so a new type cannot leak by being forgotten.
 */
describe('notifications follow the record they point at', () => {
  let t: TestApp;
  let ottawa: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    ottawa = await t.user({ role: 'officer', post: 'ottawa', clearance: 'C' });
  });
  afterAll(async () => t.close());

  const list = async () => (await t.request({ method: 'GET', url: '/api/v1/notifications', as: ottawa })).json().items as { recordId: string; title: string }[];
  const count = async () => (await t.request({ method: 'GET', url: '/api/v1/notifications/unread-count', as: ottawa })).json().count as number;

  it('shows a reminder about a directive addressed to the reader’s post, composed from the directive', async () => {
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['ottawa'], classification: 'C' });
    await notify(t.database.db, [
      {
        userId: ottawa.actor.id,
        kind: 'cadence.overdue',
        recordType: 'directive',
        recordId: directive.id,
        params: { dueDate: '2026-01-31' },
        dedupeKey: `v:${directive.id}`,
      },
    ]);
    expect((await list()).map((n) => n.title)).toEqual([`Engagement overdue: ${directive.reference}`]);
    expect(await count()).toBe(1);
  });

  it('hides a notification about a record type without an access rule, a record that does not exist, or one above the reader', async () => {
    const before = await list();
    const secret = await buildIssuedDirective(t.database.db, { actionPosts: ['ottawa'], classification: 'S' });
    const elsewhere = await buildIssuedDirective(t.database.db, { actionPosts: ['berlin'], classification: 'U' });
    await notify(t.database.db, [
      { userId: ottawa.actor.id, kind: 'incident.awaiting_approval', recordType: 'incident', recordId: randomUUID(), dedupeKey: `v:${randomUUID()}` },
      { userId: ottawa.actor.id, kind: 'engagement.awaiting_approval', recordType: 'engagement', recordId: randomUUID(), dedupeKey: `v:${randomUUID()}` },
      { userId: ottawa.actor.id, kind: 'cadence.overdue', recordType: 'directive', recordId: secret.id, dedupeKey: `v:${randomUUID()}` },
      { userId: ottawa.actor.id, kind: 'cadence.overdue', recordType: 'directive', recordId: elsewhere.id, dedupeKey: `v:${randomUUID()}` },
    ]);
    expect(await list()).toEqual(before);
    expect(await count()).toBe(before.length);
  });
});

describe('a workflow declaration', () => {
  it('is refused when it names a state it does not declare', () => {
    expect(() =>
      defineWorkflow({
        recordType: 'test',
        label: 'test record',
        path: '/tests',
        states: ['draft', 'submitted', 'approved'],
        editableIn: ['draft'],
        transitions: {
          submit: { from: ['draft'], to: 'submitted', permission: 'records.draft', past: 'submitted', effect: 'requests_approval' },
          approve: { from: ['submitted'], to: 'aproved', permission: 'records.approve', fourEyes: true, past: 'approved', effect: 'decides' },
          return: { from: ['submitted'], to: 'draft', permission: 'records.approve', reasonRequired: true, past: 'returned', effect: 'sends_back' },
        },
      }),
    ).toThrow('workflow test names unknown states: aproved');
  });
});
