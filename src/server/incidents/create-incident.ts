import { eq } from 'drizzle-orm';
import { ZIncidentInput, type TIdentifierSpan, type TIncident, type TIncidentInput } from '../../shared/incidents';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { isUniqueViolation } from '../db/constraint-errors';
import { incidentLegalStatuses, incidents, sources } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { resolveHomePost, type WritePost } from '../records/post-write-scope';
import { appendActivity } from '../workflow/record-activity';
import { getIncident } from './incident-queries';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';
import { type IncidentReferenceData, validateIncidentContent } from './validate-incident';

type Input = ReturnType<typeof ZIncidentInput.parse>;

/** An incident checked and ready to insert: what the API, the CLI and the bulk import write alike. */
export interface PreparedIncident {
  input: Input;
  post: WritePost;
  country: string;
}

/** What the bulk import reads once instead of once per incident; each is read per incident when absent. */
export interface PrepareOptions {
  reference?: IncidentReferenceData;
  /** The post by code, as resolveHomePost answers it (the import remembers its answer per code). */
  homePost?: (code: string | undefined) => Promise<WritePost>;
  /** The guard's spans for this incident's text, already asked of the worker threads (the bulk import). */
  guarded?: () => Promise<readonly TIdentifierSpan[]>;
}

/** Parses and checks one incident for the writer's home post; throws the field errors (400) it finds. */
export async function prepareIncident(db: Executor, actor: Actor, raw: unknown, options: PrepareOptions = {}): Promise<PreparedIncident> {
  requirePermission(actor, 'records.draft');
  const input = parseInput(ZIncidentInput, raw);
  const post = await (options.homePost ? options.homePost(input.post) : resolveHomePost(db, actor, input.post, 'incidents'));
  const country = input.country ?? post.countryAlpha2;
  if (input.legalStatus?.source !== null && input.legalStatus?.source !== undefined && input.legalStatus.source >= input.sources.length) {
    throw AppError.validation([
      { field: 'body.legalStatus.source', message: `must be the index of one of the ${input.sources.length} sources given (from 0)` },
    ]);
  }
  if (input.legalStatus && input.legalStatus.effectiveOn < input.occurredOn) {
    throw AppError.validation([{ field: 'body.legalStatus.effectiveOn', message: 'must not be before the incident’s date' }]);
  }
  await validateIncidentContent(
    db,
    actor,
    {
      country,
      category: input.category,
      classification: input.classification,
      text: { summary: input.summary, placeName: input.placeName, allowedNames: input.allowedNames },
    },
    {},
    options.reference,
    options.guarded,
  );
  return { input, post, country };
}

/** Writes a prepared incident as a draft with its sources, first legal status, activity and audit event. */
export async function insertIncident(tx: Executor, prepared: PreparedIncident, context: AuditContext, actor: Actor): Promise<string> {
  const { input, post, country } = prepared;
  const [created] = await tx
    .insert(incidents)
    .values({
      postId: post.id,
      countryAlpha2: country,
      placeName: input.placeName,
      latitude: input.latitude,
      longitude: input.longitude,
      geoPrecision: input.geoPrecision,
      occurredOn: input.occurredOn,
      timePrecision: input.timePrecision,
      category: input.category,
      summary: input.summary,
      killed: input.killed,
      injured: input.injured,
      humanRightsRelevant: input.humanRightsRelevant,
      classification: input.classification,
      legalStatus: input.legalStatus?.status ?? 'reported',
      allowedNames: input.allowedNames,
      externalId: input.externalId ?? null,
      synthetic: input.synthetic,
      draftedBy: actor.id,
    })
    .returning({ id: incidents.id });
  if (!created) throw new Error('insert returned no row');
  const sourceRows = await tx
    .insert(sources)
    .values(
      input.sources.map((source) => ({
        recordType: INCIDENT_WORKFLOW.recordType,
        recordId: created.id,
        url: source.url,
        outlet: source.outlet,
        publishedOn: source.publishedOn,
        language: source.language,
        sourceType: source.type,
        reliability: source.reliability,
        credibility: source.credibility,
        suspectStatus: source.suspectStatus,
        addedBy: actor.id,
      })),
    )
    .returning({ id: sources.id });
  const legal = input.legalStatus ?? { status: 'reported' as const, effectiveOn: input.occurredOn, source: null };
  await tx.insert(incidentLegalStatuses).values({
    incidentId: created.id,
    status: legal.status,
    effectiveOn: legal.effectiveOn,
    sourceId: legal.source === null ? null : (sourceRows[legal.source]?.id ?? null),
    recordedBy: actor.id,
  });
  await appendActivity(tx, { recordType: INCIDENT_WORKFLOW.recordType, recordId: created.id, actorId: actor.id, kind: 'created' });
  await recordAudit(tx, context, {
    action: 'incident.created',
    classification: input.classification,
    recordType: INCIDENT_WORKFLOW.recordType,
    recordId: created.id,
    // What was recorded, without the summary's text (the record keeps it).
    change: {
      post: post.code,
      country,
      occurredOn: input.occurredOn,
      category: input.category,
      classification: input.classification,
      legalStatus: legal.status,
      sources: input.sources.length,
      externalId: input.externalId ?? null,
      synthetic: input.synthetic,
    },
  });
  return created.id;
}

const externalIdTaken = (externalId: string) => new AppError('conflict', `An incident with the external id "${externalId}" is already stored.`);

/**
 * Files an incident as a draft at the writer's home post. An incident with an external id
 * already stored is a conflict (409): the bulk import skips such rows instead.
 */
export async function createIncident(db: Executor, raw: TIncidentInput, context: AuditContext, actor: Actor): Promise<TIncident> {
  const prepared = await prepareIncident(db, actor, raw);
  if (prepared.input.externalId) {
    const [existing] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.externalId, prepared.input.externalId)).limit(1);
    if (existing) throw externalIdTaken(prepared.input.externalId);
  }
  const id = await db
    .transaction((tx) => insertIncident(tx, prepared, context, actor))
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'incidents_external_id_idx')) throw externalIdTaken(prepared.input.externalId ?? '');
      throw error;
    });
  return getIncident(db, id, actor);
}
