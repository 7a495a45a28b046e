import { and, eq, inArray } from 'drizzle-orm';
import type { TIncidentInput } from '../../shared/incidents';
import type { AuditContext } from '../audit/audit-context';
import type { Db } from '../db/client';
import { incidents, notifications } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { createIncident } from '../incidents/create-incident';
import { submitIncident, verifyIncident } from '../incidents/incident-workflow';

/**
 * Synthetic incidents for the demo: invented events (no such incident took place), sources at
 * example.org, no person named. They show what the model records alike — a national and a
 * foreign-national suspect, an attack on migrants, sources that disagree — and one incident
 * waiting for the Berlin approver's verification.
 */
const NOTE = 'Synthetic demo incident: no such event took place.';
const source = (n: number, overrides: Partial<TIncidentInput['sources'][number]> = {}): TIncidentInput['sources'][number] => ({
  url: `https://example.org/synthetic-demo/source-${n}`,
  outlet: `Synthetic demo source ${n}`,
  language: 'de',
  type: 'media',
  reliability: 'C',
  credibility: 3,
  ...overrides,
});

interface DemoIncident {
  externalId: string;
  by: string;
  verifiedBy?: string;
  input: TIncidentInput;
}

const DEMO_INCIDENTS: DemoIncident[] = [
  {
    externalId: 'demo-incident-1',
    by: 'berlin.officer',
    verifiedBy: 'berlin.approver',
    input: {
      placeName: 'Berlin-Neukölln',
      latitude: 52.4811,
      longitude: 13.4354,
      geoPrecision: 'district',
      occurredOn: '2025-12-06',
      category: 'anti_migrant_attack',
      summary: `${NOTE} Two residents of a shelter for asylum seekers were assaulted at a tram stop at night; police report a xenophobic motive.`,
      injured: 2,
      humanRightsRelevant: true,
      classification: 'U',
      sources: [source(1, { type: 'police', reliability: 'B', credibility: 2, suspectStatus: 'national' })],
    },
  },
  {
    externalId: 'demo-incident-2',
    by: 'berlin.officer',
    verifiedBy: 'berlin.approver',
    input: {
      placeName: 'Leipzig',
      latitude: 51.3397,
      longitude: 12.3731,
      geoPrecision: 'town',
      occurredOn: '2025-12-01',
      timePrecision: 'week',
      category: 'violent_crime',
      summary: `${NOTE} A robbery with a knife at a railway station; the police report and a newspaper disagree on the suspect's status.`,
      injured: 1,
      classification: 'U',
      sources: [
        source(2, { type: 'police', reliability: 'B', credibility: 2, suspectStatus: 'foreign_national' }),
        source(3, { suspectStatus: 'asylum_seeker' }),
      ],
      legalStatus: { status: 'charged', effectiveOn: '2025-12-10', source: 0 },
    },
  },
  {
    externalId: 'demo-incident-3',
    by: 'berlin.officer',
    input: {
      placeName: 'Hamburg',
      latitude: 53.5511,
      longitude: 9.9937,
      geoPrecision: 'town',
      occurredOn: '2025-12-12',
      category: 'antisemitic_incident',
      summary: `${NOTE} Graffiti threatening a synagogue community was painted on a community centre; no suspect has been identified.`,
      classification: 'SBU',
      sources: [source(4, { type: 'ngo', suspectStatus: 'unknown' })],
    },
  },
  {
    externalId: 'demo-incident-4',
    by: 'paris.officer',
    verifiedBy: 'paris.approver',
    input: {
      placeName: 'Lyon',
      latitude: 45.764,
      longitude: 4.8357,
      geoPrecision: 'town',
      occurredOn: '2025-11-28',
      timePrecision: 'month',
      category: 'anti_christian_incident',
      summary: `${NOTE} Vandalism of a church's altar and statues; the prosecutor's office has opened an investigation.`,
      classification: 'U',
      sources: [source(5, { language: 'fr', type: 'official', reliability: 'A', credibility: 2, suspectStatus: 'not_stated' })],
      legalStatus: { status: 'under_investigation', effectiveOn: '2025-12-02', source: 0 },
    },
  },
];

/** Files the demo incidents not filed before (by external id); verifies those the demo verifies. Returns how many it filed. */
export async function seedDemoIncidents(db: Db, context: AuditContext, as: (key: string) => Actor): Promise<number> {
  const stored = await db
    .select({ externalId: incidents.externalId })
    .from(incidents)
    .where(
      inArray(
        incidents.externalId,
        DEMO_INCIDENTS.map((incident) => incident.externalId),
      ),
    );
  const done = new Set(stored.map((row) => row.externalId));
  let filed = 0;
  for (const demo of DEMO_INCIDENTS) {
    if (done.has(demo.externalId)) continue;
    const draft = await createIncident(db, { ...demo.input, externalId: demo.externalId, synthetic: true }, context, as(demo.by));
    await submitIncident(db, draft.id, context, as(demo.by));
    if (demo.verifiedBy) {
      await verifyIncident(db, draft.id, context, as(demo.verifiedBy));
      // Verified at once by the demo: nobody needs to hear that it awaited verification.
      await db.delete(notifications).where(and(eq(notifications.recordType, 'incident'), eq(notifications.recordId, draft.id)));
    }
    filed += 1;
  }
  return filed;
}
