import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../audit/audit-context';
import { SYSTEM } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import { buildEngagement } from '../engagements/test-builders';
import { createUser } from '../identity/create-user';
import { seedReference } from '../reference/seed-reference';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { queryRows } from './client';
import { migrate } from './migrate';
import { migrationsUpTo } from '../testing/migrations-up-to';

/**
 * An upgrade from before the shared workflow keeps what people had: notifications made then
 * point at their record, and the engagements' history (from the audit trail) becomes their
 * activity, so four eyes knows who already edited them and returns keep their reason.
 */
describe('upgrading a database to the shared record workflow', () => {
  let database: TestDatabase;
  let engagementId: string;
  let officerId: string;
  let approverId: string;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrate(database, migrationsUpTo('0005_audit_classification'));
    const db = database.db;
    await seedReference(db);
    const user = (role: 'officer' | 'approver') =>
      createUser(
        db,
        {
          email: `${role}@upgrade.test`,
          name: `Upgrade ${role}`,
          role,
          post: 'berlin',
          bureau: null,
          clearance: 'S',
          password: 'correct horse battery staple',
        },
        SYSTEM,
      );
    officerId = (await user('officer')).id;
    approverId = (await user('approver')).id;
    engagementId = (await buildEngagement(db, { post: 'berlin', draftedBy: officerId, status: 'draft' })).id;
    const as = (id: string): AuditContext => ({ actor: { id, email: 'x@upgrade.test' }, via: 'session', address: null });
    const step = (actor: string, action: string, change: Record<string, unknown>) =>
      recordAudit(db, as(actor), { action, recordType: 'engagement', recordId: engagementId, change, classification: 'U' });
    await step(officerId, 'engagement.created', { kind: 'meeting' });
    await step(officerId, 'engagement.submitted', { status: { from: 'draft', to: 'submitted' } });
    await step(approverId, 'engagement.returned', { reason: 'Name the ministry.' });
    await step(approverId, 'engagement.updated', { ourReadout: 'changed', kind: { from: 'meeting', to: 'call' } });
    await db.execute(sql`insert into notifications (user_id, kind, title, body, link, dedupe_key) values
      (${approverId}, 'engagement.submitted', 'Engagement awaiting approval', 'old text', ${`/engagements/${engagementId}`}, ${`engagement:${engagementId}:submitted:1:${approverId}`}),
      (${officerId}, 'follow_up.overdue', 'Follow-up overdue', 'old text', ${`/engagements/${engagementId}`}, ${'follow_up:6f1c2c8e-0000-4000-8000-000000000001:overdue'})`);

    await migrate(database);
  });
  afterAll(async () => database.close());

  it('turns the audit trail of each engagement into its activity, editors and return reasons included', async () => {
    const rows = await queryRows<{ actor_id: string; kind: string; fields: string[]; note: string | null }>(
      database.db,
      sql`select actor_id, kind, fields, note from record_activity where record_id = ${engagementId} order by at, kind`,
    );
    expect(rows.map((row) => [row.kind, row.actor_id, row.fields, row.note])).toEqual([
      ['created', officerId, [], null],
      ['submitted', officerId, [], null],
      ['returned', approverId, [], 'Name the ministry.'],
      ['edited', approverId, ['kind', 'ourReadout'], null],
    ]);
  });

  it('points the notifications made before at their record, under the new kinds', async () => {
    const rows = await queryRows<{ kind: string; record_type: string; record_id: string; params: Record<string, string> }>(
      database.db,
      sql`select kind, record_type, record_id, params from notifications order by kind`,
    );
    expect(rows).toEqual([
      { kind: 'engagement.awaiting_approval', record_type: 'engagement', record_id: engagementId, params: {} },
      { kind: 'follow_up.overdue', record_type: 'engagement', record_id: engagementId, params: { followUpId: '6f1c2c8e-0000-4000-8000-000000000001' } },
    ]);
  });
});
