import { and, eq, sql } from 'drizzle-orm';
import type { TEvidence } from '../../shared/evidence';
import { LEGAL_STATUS_LABELS, LEGAL_STATUSES, type TLegalStatus } from '../../shared/incidents';
import { RELIABILITIES, RELIABILITY_LABELS, type TReliability } from '../../shared/sources';
import { queryRows, type Executor } from '../db/client';
import { incidents, sources } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { listedIncidents } from '../incidents/incident-policy';
import { INCIDENT_WORKFLOW } from '../incidents/incident-workflow-definition';

const VERIFICATION_LABELS: Record<string, string> = {
  draft: 'Draft (not yet submitted)',
  submitted: 'Awaiting verification',
  verified: 'Verified',
  rejected: 'Rejected at verification',
};

/**
 * The incidents posts reported for a country that the reader may see (the incident list's access
 * rule, in SQL), by legal status, verification and the best reliability of their sources. They
 * are reported incidents, not a crime rate: nothing here is divided by anything.
 */
export async function reportedIncidents(
  db: Executor,
  reader: Actor,
  country: { code: string; name: string },
  category: string | undefined,
): Promise<TEvidence['reported']> {
  const where = and(listedIncidents(reader), eq(incidents.countryAlpha2, country.code), category ? eq(incidents.category, category) : undefined);
  const best = sql`(select min(${sources.reliability}) from ${sources} where ${sources.recordType} = ${INCIDENT_WORKFLOW.recordType} and ${sources.recordId} = ${incidents.id})`;
  const rows = await queryRows<{ legal: string; status: string; reliability: string | null; n: number }>(
    db,
    sql`select ${incidents.legalStatus} as legal, ${incidents.status} as status, ${best} as reliability, count(*)::int as n
      from ${incidents} where ${where} group by 1, 2, 3`,
  );
  const tally = (key: (row: (typeof rows)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + row.n);
    return counts;
  };
  const legal = tally((row) => row.legal);
  const status = tally((row) => row.status);
  const reliability = tally((row) => row.reliability ?? 'none');
  const ordered = (codes: readonly string[], counts: Map<string, number>, label: (code: string) => string) =>
    codes.filter((code) => counts.has(code)).map((code) => ({ code, label: label(code), count: counts.get(code) ?? 0 }));
  return {
    label: 'Reported incidents, not a crime rate',
    note:
      `Incidents that posts reported for ${country.name}${category ? ' in this category' : ''}, whatever their date, that you may see: ` +
      'what came to the posts’ attention, with the legal status each has reached. They are not a sample of crime and are not divided by any population.',
    total: rows.reduce((sum, row) => sum + row.n, 0),
    byLegalStatus: ordered(LEGAL_STATUSES, legal, (code) => LEGAL_STATUS_LABELS[code as TLegalStatus]),
    byVerification: ordered(['verified', 'submitted', 'rejected', 'draft'], status, (code) => VERIFICATION_LABELS[code] ?? code),
    byReliability: ordered([...RELIABILITIES, 'none'], reliability, (code) =>
      code === 'none' ? 'No source' : `Best source ${code}: ${RELIABILITY_LABELS[code as TReliability]}`,
    ),
  };
}
