import type { FastifyBaseLogger } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_ACTION } from '../audit/audit-checkpoint';
import { formatAuditHead, readAuditHead } from '../audit/audit-head';
import { auditEvents } from '../db/schema/index';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { type JobName, type JobRunner, startJobs } from './job-runner';

describe('background jobs', () => {
  let database: TestDatabase;
  let jobs: JobRunner;
  const logged: { fields: Record<string, unknown>; message: string }[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const log = {
      info: (fields: Record<string, unknown>, message: string) => logged.push({ fields, message }),
      error: (fields: Record<string, unknown>, message: string) => logged.push({ fields, message }),
    };
    jobs = await startJobs(database, log as unknown as FastifyBaseLogger);
  });
  afterAll(async () => {
    await jobs.stop();
    await database.close();
  });

  const runToCompletion = async (name: JobName) => {
    const id = await jobs.trigger(name);
    expect(id).toBeTruthy();
    await expect.poll(async () => (await jobs.boss.getJobById(name, id!))?.state, { timeout: 30_000, interval: 250 }).toBe('completed');
  };

  it("checkpoints the audit chain once a day, even when run again, and logs the checkpoint's head", async () => {
    await runToCompletion('audit-checkpoint');
    await runToCompletion('audit-checkpoint');
    const today = new Date().toISOString().slice(0, 10);
    const checkpoints = await database.db.select({ period: auditEvents.recordId }).from(auditEvents).where(eq(auditEvents.action, CHECKPOINT_ACTION));
    expect(checkpoints).toEqual([{ period: today }]);
    const head = formatAuditHead((await readAuditHead(database.db))!);
    expect(logged.filter((line) => line.message === 'audit-checkpoint job done').map((line) => line.fields)).toEqual([
      { period: today, written: true, head },
      { period: today, written: false, head },
    ]);
  });
});
