import { asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TInboxRecord } from '../../shared/inbox';
import type { TPerson } from '../../shared/workflow';
import type { Executor } from '../db/client';
import { assessments, countries, engagements, incidentCategories, incidents, posts, users } from '../db/schema/index';

/**
 * The engagements, incidents and assessments of one inbox list, under a condition that carries the reader's
 * access rule: the first `limit` of each type in the list's order, and how many match in all.
 * The caller merges the types and keeps the first `limit`.
 */
export interface InboxRow {
  record: TInboxRecord;
  drafter: TPerson;
  submittedAt: Date | null;
}

const drafters = alias(users, 'inbox_drafter');

export async function engagementRows(
  db: Executor,
  where: SQL,
  limit: number,
  order: 'oldest_submitted' | 'newest',
): Promise<{ rows: InboxRow[]; total: number }> {
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: engagements.id,
        postName: posts.name,
        classification: engagements.classification,
        kind: engagements.kind,
        occurredAt: engagements.occurredAt,
        submittedAt: engagements.submittedAt,
        drafterId: drafters.id,
        drafterName: drafters.name,
      })
      .from(engagements)
      .innerJoin(posts, eq(posts.id, engagements.postId))
      .innerJoin(drafters, eq(drafters.id, engagements.draftedBy))
      .where(where)
      .orderBy(...(order === 'oldest_submitted' ? [asc(engagements.submittedAt), asc(engagements.id)] : [desc(engagements.updatedAt), desc(engagements.id)]))
      .limit(limit),
    db.select({ n: count() }).from(engagements).where(where),
  ]);
  return {
    total: counted?.n ?? 0,
    rows: rows.map((row) => ({
      record: {
        recordType: 'engagement',
        id: row.id,
        postName: row.postName,
        classification: row.classification as TInboxRecord['classification'],
        kind: row.kind as Extract<TInboxRecord, { recordType: 'engagement' }>['kind'],
        occurredAt: row.occurredAt.toISOString(),
      },
      drafter: { id: row.drafterId, name: row.drafterName },
      submittedAt: row.submittedAt,
    })),
  };
}

export async function incidentRows(
  db: Executor,
  where: SQL,
  limit: number,
  order: 'oldest_submitted' | 'newest',
): Promise<{ rows: InboxRow[]; total: number }> {
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: incidents.id,
        postName: posts.name,
        classification: incidents.classification,
        categoryName: incidentCategories.name,
        placeName: incidents.placeName,
        occurredOn: incidents.occurredOn,
        timePrecision: incidents.timePrecision,
        submittedAt: incidents.submittedAt,
        createdAt: incidents.createdAt,
        drafterId: drafters.id,
        drafterName: drafters.name,
      })
      .from(incidents)
      .innerJoin(posts, eq(posts.id, incidents.postId))
      .innerJoin(incidentCategories, eq(incidentCategories.code, incidents.category))
      .innerJoin(drafters, eq(drafters.id, incidents.draftedBy))
      .where(where)
      .orderBy(...(order === 'oldest_submitted' ? [asc(incidents.submittedAt), asc(incidents.id)] : [desc(incidents.updatedAt), desc(incidents.id)]))
      .limit(limit),
    db.select({ n: count() }).from(incidents).where(where),
  ]);
  return {
    total: counted?.n ?? 0,
    rows: rows.map((row) => ({
      record: {
        recordType: 'incident',
        id: row.id,
        postName: row.postName,
        classification: row.classification as TInboxRecord['classification'],
        categoryName: row.categoryName,
        placeName: row.placeName,
        occurredOn: row.occurredOn,
        timePrecision: row.timePrecision as Extract<TInboxRecord, { recordType: 'incident' }>['timePrecision'],
      },
      drafter: { id: row.drafterId, name: row.drafterName },
      // Imported incidents may lack it: they have waited since they were filed.
      submittedAt: row.submittedAt ?? row.createdAt,
    })),
  };
}

export async function assessmentRows(
  db: Executor,
  where: SQL,
  limit: number,
  order: 'oldest_submitted' | 'newest',
): Promise<{ rows: InboxRow[]; total: number }> {
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: assessments.id,
        postName: posts.name,
        classification: assessments.classification,
        countryName: countries.name,
        period: assessments.period,
        submittedAt: assessments.submittedAt,
        drafterId: drafters.id,
        drafterName: drafters.name,
      })
      .from(assessments)
      .innerJoin(posts, eq(posts.id, assessments.postId))
      .innerJoin(countries, eq(countries.alpha2, assessments.countryAlpha2))
      .innerJoin(drafters, eq(drafters.id, assessments.draftedBy))
      .where(where)
      .orderBy(...(order === 'oldest_submitted' ? [asc(assessments.submittedAt), asc(assessments.id)] : [desc(assessments.updatedAt), desc(assessments.id)]))
      .limit(limit),
    db.select({ n: count() }).from(assessments).where(where),
  ]);
  return {
    total: counted?.n ?? 0,
    rows: rows.map((row) => ({
      record: {
        recordType: 'assessment',
        id: row.id,
        postName: row.postName,
        classification: row.classification as TInboxRecord['classification'],
        countryName: row.countryName,
        period: row.period,
      },
      drafter: { id: row.drafterId, name: row.drafterName },
      submittedAt: row.submittedAt,
    })),
  };
}

/** The web path of a record. */
export const recordLink = (record: Pick<TInboxRecord, 'recordType' | 'id'>) =>
  record.recordType === 'assessment' ? `/policy/assessments/${record.id}` : `/${record.recordType}s/${record.id}`;
