import { ZIncidentUpdate, type TIncident } from '../../shared/incidents';
import type { TClearance } from '../../shared/identity';
import type { AuditContext } from '../audit/audit-context';
import type { Executor } from '../db/client';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { higherMarking, requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { resolveHomePost } from '../records/post-write-scope';
import { syncCommentMarking } from '../workflow/comments';
import { assertIncidentAction } from './incident-policy';
import { findIncidentSubject, getIncident } from './incident-queries';
import { lockEditable, recordIncidentEdit } from './incident-edit';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';
import { validateIncidentContent } from './validate-incident';

const FIELDS = [
  'country',
  'placeName',
  'latitude',
  'longitude',
  'geoPrecision',
  'occurredOn',
  'timePrecision',
  'category',
  'summary',
  'killed',
  'injured',
  'humanRightsRelevant',
  'classification',
  'allowedNames',
  'synthetic',
] as const;
type Field = (typeof FIELDS)[number];
/** The audit trail says that these changed, not what they say: the incident and its revisions keep the text. */
const TEXT = new Set<Field>(['summary', 'placeName', 'allowedNames']);
const COLUMN: Partial<Record<Field, string>> = { country: 'countryAlpha2' };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes an incident in draft, or a verified one (a later fact, a correction): only the fields
 * given, checked together with what is stored. Every change is kept as a revision (who, when,
 * from what to what) and makes the writer one of its editors. Submitted, rejected and merged
 * incidents do not change (409).
 */
export async function updateIncident(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TIncident> {
  requirePermission(actor, 'records.draft');
  const current = await findIncidentSubject(db, id, actor);
  assertIncidentAction(actor, current, 'update');
  const update = parseInput(ZIncidentUpdate, raw);
  if (update.post !== undefined) await resolveHomePost(db, actor, update.post, 'incidents');
  const stored: Record<Field, unknown> = {
    country: current.countryAlpha2,
    placeName: current.placeName,
    latitude: current.latitude,
    longitude: current.longitude,
    geoPrecision: current.geoPrecision,
    occurredOn: current.occurredOn,
    timePrecision: current.timePrecision,
    category: current.category,
    summary: current.summary,
    killed: current.killed,
    injured: current.injured,
    humanRightsRelevant: current.humanRightsRelevant,
    classification: current.classification,
    allowedNames: current.allowedNames,
    synthetic: current.synthetic,
  };
  const effective = { ...stored, ...Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined)) } as Record<Field, unknown>;
  if ((effective.latitude === null) !== (effective.longitude === null)) {
    throw AppError.validation([{ field: 'body.longitude', message: 'needs both latitude and longitude, or neither' }]);
  }
  const changed = FIELDS.filter((field) => update[field] !== undefined && !same(update[field], stored[field]));
  if (changed.length === 0) return getIncident(db, id, actor);
  await validateIncidentContent(
    db,
    actor,
    {
      country: effective.country as string,
      category: effective.category as string,
      classification: effective.classification as TClearance,
      text: { summary: effective.summary as string, placeName: effective.placeName as string, allowedNames: effective.allowedNames as string[] },
    },
    { category: current.category },
  );

  const set: Record<string, unknown> = {};
  const revision: Record<string, unknown> = {};
  const audit: Record<string, unknown> = {};
  for (const field of changed) {
    set[COLUMN[field] ?? field] = effective[field];
    revision[field] = { from: stored[field], to: effective[field] };
    audit[field] = TEXT.has(field) ? 'changed' : revision[field];
  }
  await db.transaction(async (tx) => {
    const now = new Date();
    // Checked again under the write: an incident submitted or merged meanwhile no longer changes.
    await lockEditable(tx, id, now, set);
    await recordIncidentEdit(tx, context, {
      incident: current,
      actor,
      at: now,
      fields: [...changed],
      revision,
      action: 'incident.updated',
      audit,
      classification: higherMarking(current.classification, effective.classification as string),
    });
    if (changed.includes('classification')) await syncCommentMarking(tx, INCIDENT_WORKFLOW.recordType, id, effective.classification as TClearance);
  });
  return getIncident(db, id, actor);
}
