import { eq } from 'drizzle-orm';
import type { TEvidenceOption, TEvidenceType } from '../../shared/assessments';
import type { Executor } from '../db/client';
import { countries } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { findEvidence } from './evidence-records';

/**
 * The records of one type that the reader may link as evidence for an assessment of this
 * country, matching the words typed (all of them, the latest first, when none are): the
 * assessment form's choices, under the same access rule as the links it saves.
 */
export async function evidenceOptions(
  db: Executor,
  query: { type: TEvidenceType; country: string; q?: string; limit: number },
  reader: Actor,
): Promise<{ items: TEvidenceOption[] }> {
  const country = query.country.toUpperCase();
  const [place] = await db.select({ code: countries.alpha2 }).from(countries).where(eq(countries.alpha2, country)).limit(1);
  if (!place) throw AppError.validation([{ field: 'query.country', message: `no country has the code "${country}"` }]);
  const found = await findEvidence(db, query.type, reader, { country, q: query.q, limit: query.limit });
  return { items: found.map((record) => ({ type: query.type, ...record })) };
}
