import { and, eq, ne } from 'drizzle-orm';
import { isUniqueViolation } from '../db/constraint-errors';
import type { Executor } from '../db/client';
import { counterArguments, directives, directiveTags, talkingPoints } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { DirectiveFields, TalkingPointFields } from './check-directive-content';

/** The directive's own columns among the fields given (updates are partial). */
export function directiveColumnsOf(fields: Partial<DirectiveFields>): Partial<typeof directives.$inferInsert> {
  const set: Partial<typeof directives.$inferInsert> = {};
  if (fields.reference !== undefined) set.reference = fields.reference;
  if (fields.date !== undefined) set.date = fields.date;
  if (fields.subject !== undefined) set.subject = fields.subject;
  if (fields.from !== undefined) set.fromLine = fields.from;
  if (fields.objective !== undefined) set.objective = fields.objective;
  if (fields.background !== undefined) set.background = fields.background;
  if (fields.classification !== undefined) set.classification = fields.classification;
  if (fields.engagementCadenceDays !== undefined) set.engagementCadenceDays = fields.engagementCadenceDays;
  if (fields.incidentCadenceDays !== undefined) set.incidentCadenceDays = fields.incidentCadenceDays;
  if (fields.assessmentCadenceDays !== undefined) set.assessmentCadenceDays = fields.assessmentCadenceDays;
  if (fields.supersedes !== undefined) set.supersedesId = fields.supersedes;
  if (fields.synthetic !== undefined) set.synthetic = fields.synthetic;
  if (fields.sourceNote !== undefined) set.sourceNote = fields.sourceNote;
  return set;
}

const referenceTaken = () =>
  new AppError('conflict', 'Another directive already has this reference.', [{ field: 'body.reference', message: 'is already used by another directive' }]);

/** References are unique: the cable is cited by it. */
export async function assertReferenceFree(tx: Executor, reference: string, selfId: string | null = null): Promise<void> {
  const [taken] = await tx
    .select({ id: directives.id })
    .from(directives)
    .where(and(eq(directives.reference, reference), selfId ? ne(directives.id, selfId) : undefined))
    .limit(1);
  if (taken) throw referenceTaken();
}

/** Two authors saving the same reference at once: the unique index decides, and says so as a 409. */
export function asReferenceConflict(error: unknown): unknown {
  return isUniqueViolation(error, 'directives_reference_unique') ? referenceTaken() : error;
}

export async function replaceTags(tx: Executor, directiveId: string, codes: string[]): Promise<void> {
  await tx.delete(directiveTags).where(eq(directiveTags.directiveId, directiveId));
  const unique = [...new Set(codes)];
  if (unique.length > 0) await tx.insert(directiveTags).values(unique.map((tagCode) => ({ directiveId, tagCode })));
}

/** Points are numbered 1..n in the order given; their counter-arguments keep their order too. */
export async function replaceTalkingPoints(tx: Executor, directiveId: string, points: TalkingPointFields[]): Promise<void> {
  await tx.delete(talkingPoints).where(eq(talkingPoints.directiveId, directiveId));
  if (points.length === 0) return;
  const inserted = await tx
    .insert(talkingPoints)
    .values(
      points.map((point, i) => ({
        directiveId,
        number: i + 1,
        text: point.text,
        scope: point.scope,
        scopeBureaus: point.scope === 'bureaus' ? [...new Set(point.bureaus)] : [],
        scopeCountries: point.scope === 'countries' ? [...new Set(point.countries)] : [],
        rationale: point.rationale ?? null,
        wording: point.wording,
        attribution: point.attribution ?? null,
      })),
    )
    .returning({ id: talkingPoints.id, number: talkingPoints.number });
  const counters = inserted.flatMap(({ id, number }) =>
    (points[number - 1]?.counterArguments ?? []).map((counter, position) => ({
      talkingPointId: id,
      position: position + 1,
      argument: counter.argument,
      rebuttal: counter.rebuttal,
    })),
  );
  if (counters.length > 0) await tx.insert(counterArguments).values(counters);
}
