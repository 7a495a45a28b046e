import { asc, eq } from 'drizzle-orm';
import type { TEvidenceLink, TEvidenceRef, TEvidenceType } from '../../shared/assessments';
import type { TClearance } from '../../shared/identity';
import { markingNaming } from '../audit/named-marking';
import type { Executor } from '../db/client';
import { assessmentEvidence, engagements, incidents, policyMeasures, statisticSeries } from '../db/schema/index';
import type { FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { findEvidence } from './evidence-records';

/**
 * The links of an assessment, each checked by its record's own access rule (evidence-records.ts):
 * an author links only to records they may see, and a reader is shown only the links to records
 * they may see (the others are left out, not counted).
 */
const WORDS: Record<TEvidenceType, string> = {
  policy_measure: 'policy measure',
  incident: 'incident',
  engagement: 'engagement',
  statistic: 'statistic series',
};

/** The visible records of each type among these ids, with a label and a link. */
async function visibleOfType(db: Executor, type: TEvidenceType, ids: string[], viewer: Actor): Promise<Map<string, Omit<TEvidenceLink, 'type' | 'id'>>> {
  const found = await findEvidence(db, type, viewer, { ids });
  return new Map(found.map((record) => [record.id, { label: record.label, link: record.link }]));
}

const byType = (refs: TEvidenceRef[]) => {
  const groups = new Map<TEvidenceType, string[]>();
  for (const ref of refs) groups.set(ref.type, [...(groups.get(ref.type) ?? []), ref.id]);
  return groups;
};

/** A field error for each link to a record the author may not see (or that does not exist: the same to them). */
export async function evidenceProblems(db: Executor, refs: TEvidenceRef[], author: Actor): Promise<FieldError[]> {
  const visible = new Map<TEvidenceType, Set<string>>();
  for (const [type, ids] of byType(refs)) visible.set(type, new Set((await visibleOfType(db, type, ids, author)).keys()));
  return refs.flatMap((ref, index) =>
    visible.get(ref.type)?.has(ref.id) ? [] : [{ field: `body.evidence.${index}.id`, message: `is not a ${WORDS[ref.type]} you may see` }],
  );
}

/** The stored links of an assessment, in their order. */
export async function storedEvidence(db: Executor, assessmentId: string): Promise<TEvidenceRef[]> {
  const rows = await db
    .select({ type: assessmentEvidence.recordType, id: assessmentEvidence.recordId })
    .from(assessmentEvidence)
    .where(eq(assessmentEvidence.assessmentId, assessmentId))
    .orderBy(asc(assessmentEvidence.position));
  return rows.map((row) => ({ type: row.type as TEvidenceType, id: row.id }));
}

/** The links of an assessment that the reader may follow, with labels; the others are left out. */
export async function readableEvidence(db: Executor, refs: TEvidenceRef[], reader: Actor): Promise<TEvidenceLink[]> {
  const visible = new Map<TEvidenceType, Map<string, Omit<TEvidenceLink, 'type' | 'id'>>>();
  for (const [type, ids] of byType(refs)) visible.set(type, await visibleOfType(db, type, ids, reader));
  return refs.flatMap((ref) => {
    const found = visible.get(ref.type)?.get(ref.id);
    return found ? [{ type: ref.type, id: ref.id, ...found }] : [];
  });
}

const TABLES = { policy_measure: policyMeasures, incident: incidents, engagement: engagements, statistic: statisticSeries } as const;

/**
 * The marking an audit event naming these records needs: the highest of the assessment's own
 * (`floor`) and the records'. The trail names linked records by id, and an id of an S incident
 * in an event marked U would tell a U-cleared administrator that it exists (as contact.merged
 * is marked as high as the engagements it moves).
 */
export async function markingWithEvidence(db: Executor, floor: TClearance, refs: readonly TEvidenceRef[]): Promise<TClearance> {
  return markingNaming(
    db,
    floor,
    [...byType([...refs])].map(([type, ids]) => ({ table: TABLES[type], ids })),
  );
}
