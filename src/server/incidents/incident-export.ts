import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and, desc, sql } from 'drizzle-orm';
import { LEGAL_STATUS_LABELS, SUSPECT_STATUS_LABELS, type TIncidentListQuery, type TLegalStatus } from '../../shared/incidents';
import type { Executor } from '../db/client';
import { incidents } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { loadIncidentDetails } from './incident-details';
import { type IncidentRow, presentIncidentExport, type TIncidentExport } from './incident-presenter';
import { incidentConditions, selectIncidents } from './incident-queries';

/** Rows fetched per query: memory stays flat however many incidents match. */
const BATCH = 500;

/** Every incident matching the filters that the reader may see, newest first, a batch at a time. */
async function* matchingIncidents(db: Executor, query: TIncidentListQuery, reader: Actor): AsyncGenerator<TIncidentExport> {
  let after: [string, string] | undefined;
  for (;;) {
    const rows = (await selectIncidents(db)
      .where(
        and(incidentConditions(query, reader), after ? sql`(${incidents.occurredOn}, ${incidents.id}) < (${after[0]}::date, ${after[1]}::uuid)` : undefined),
      )
      .orderBy(desc(incidents.occurredOn), desc(incidents.id))
      .limit(BATCH)) as IncidentRow[];
    if (rows.length === 0) return;
    const details = await loadIncidentDetails(
      db,
      rows.map((row) => row.id),
      reader,
      { workflow: false },
    );
    for (const row of rows) yield presentIncidentExport(row, details.get(row.id)!);
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = [last.occurredOn, last.id];
  }
}

const suspectText = (incident: TIncidentExport) =>
  incident.suspectStatuses.map((claim) => `${SUSPECT_STATUS_LABELS[claim.status]} (${claim.sources.map((source) => source.outlet).join('; ')})`).join(' | ');

/**
 * The columns of the CSV export. The legal status travels with its label and the suspect status
 * with the sources that state it, as on every other view: an export is read without the app.
 */
const CSV_COLUMNS: [string, (incident: TIncidentExport) => unknown][] = [
  ['id', (i) => i.id],
  ['post', (i) => i.post],
  ['country', (i) => i.country],
  ['place', (i) => i.placeName],
  ['latitude', (i) => i.latitude],
  ['longitude', (i) => i.longitude],
  ['geo_precision', (i) => i.geoPrecision],
  ['occurred_on', (i) => i.occurredOn],
  ['time_precision', (i) => i.timePrecision],
  ['category', (i) => i.category],
  ['category_name', (i) => i.categoryName],
  ['legal_status', (i) => i.legalStatus],
  ['legal_status_label', (i) => LEGAL_STATUS_LABELS[i.legalStatus as TLegalStatus]],
  ['verification', (i) => i.status],
  ['suspect_status_as_reported', suspectText],
  ['suspect_status_disputed', (i) => i.suspectStatusDisputed],
  ['sources', (i) => i.sources.length],
  ['best_source_reliability', (i) => i.bestReliability],
  ['source_urls', (i) => i.sources.map((source) => source.url).join(' ')],
  ['killed', (i) => i.killed],
  ['injured', (i) => i.injured],
  ['human_rights_relevant', (i) => i.humanRightsRelevant],
  ['classification', (i) => i.classification],
  ['synthetic', (i) => i.synthetic],
  ['summary', (i) => i.summary],
];

export function exportIncidentsCsv(db: Executor, query: TIncidentListQuery, reader: Actor): Readable {
  const csv = stringify({ header: true, columns: CSV_COLUMNS.map(([name]) => name), cast: { boolean: (value) => (value ? 'true' : 'false') } });
  const rows = Readable.from(
    (async function* () {
      for await (const incident of matchingIncidents(db, query, reader)) yield CSV_COLUMNS.map(([, value]) => value(incident) ?? '');
    })(),
  );
  rows.on('error', (error) => csv.destroy(error));
  return rows.pipe(csv);
}

/** GeoJSON (RFC 7946): an incident without coordinates is a feature with a null geometry, not left out. */
export function exportIncidentsGeoJson(db: Executor, query: TIncidentListQuery, reader: Actor): Readable {
  return Readable.from(
    (async function* () {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const incident of matchingIncidents(db, query, reader)) {
        const geometry =
          incident.latitude !== null && incident.longitude !== null ? { type: 'Point', coordinates: [incident.longitude, incident.latitude] } : null;
        const { latitude: _lat, longitude: _lon, ...properties } = incident;
        yield `${first ? '' : ','}${JSON.stringify({ type: 'Feature', id: incident.id, geometry, properties })}`;
        first = false;
      }
      yield ']}';
    })(),
  );
}
