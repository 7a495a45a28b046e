import type pg from 'pg';
import { INCIDENT_WORKFLOW } from '../incident-workflow-definition';
import { copyRows, type StagedBatch } from './staging';

/**
 * A batch copied straight into incidents, sources, incident_legal_statuses and record_activity,
 * in that order (each names rows of the ones before), with the columns the INSERT … SELECT from
 * the staging tables would fill: the least the database can do to store the rows. Sources are
 * copied in the order given, so their insertion order (seq) is their order, as from staging.
 */
export async function copyIntoTables(client: pg.PoolClient, batch: StagedBatch, actorId: string): Promise<void> {
  const recordType = INCIDENT_WORKFLOW.recordType;
  await copyRows(
    client,
    'incidents',
    'id, post_id, country_alpha2, place_name, latitude, longitude, geo_precision, occurred_on, time_precision, category, summary, killed, injured, human_rights_relevant, classification, legal_status, allowed_names, external_id, synthetic, drafted_by',
    batch.incidents.map((row) => [...row, actorId]),
  );
  if (batch.sources.length > 0) {
    await copyRows(
      client,
      'sources',
      'id, record_type, record_id, url, outlet, published_on, language, source_type, reliability, credibility, suspect_status, added_by',
      // The staged row's third cell is the order given, which the copy keeps as the rows' order.
      batch.sources.map(([id, incidentId, , ...rest]) => [id!, recordType, incidentId!, ...rest, actorId]),
    );
  }
  await copyRows(
    client,
    'incident_legal_statuses',
    'incident_id, status, effective_on, source_id, recorded_by',
    batch.legalStatuses.map((row) => [...row, actorId]),
  );
  await copyRows(
    client,
    'record_activity',
    'record_type, record_id, actor_id, kind',
    batch.incidents.map(([id]) => [recordType, id!, actorId, 'created']),
  );
}
