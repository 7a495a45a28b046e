import { and, eq, like } from 'drizzle-orm';
import type { TAgreementStage, TAgreementType } from '../../shared/agreements';
import type { AuditContext } from '../audit/audit-context';
import { createAgreement } from '../agreements/create-agreement';
import { moveAgreementStage } from '../agreements/move-agreement-stage';
import type { Db } from '../db/client';
import { agreements } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { HOME_COUNTRY } from '../reference/reference-data';

/**
 * Synthetic agreements for the demo board, table and map. Public reporting says only that
 * headquarters is "actively searching for other countries to take people from third countries"
 * and that "the further from the U.S., the better" (../shared/PUBLIC-REPORTING.md); it names no
 * counterpart, stage or term. So every agreement here is invented and says so: no such outreach
 * was reported, and the countries were chosen for the spread of distances, nothing else.
 */
const NOTE =
  'Synthetic demo agreement: no such outreach was reported. The counterpart, stage and terms are invented to show the pipeline; they say nothing of that government\u2019s position.';

interface DemoAgreement {
  country: string;
  type: TAgreementType;
  /** Stages after `identified`, each with how many days ago it was reached. */
  path: [TAgreementStage, number][];
  annualCapacity?: number;
}

const DEMO_AGREEMENTS: DemoAgreement[] = [
  { country: 'MN', type: 'third_country_nationals', path: [] },
  { country: 'NA', type: 'third_country_nationals', path: [['approached', 40]] },
  {
    country: 'FJ',
    type: 'return_hub',
    path: [
      ['approached', 90],
      ['negotiating', 30],
    ],
    annualCapacity: 300,
  },
  {
    country: 'UY',
    type: 'safe_third_country',
    path: [
      ['approached', 120],
      ['negotiating', 70],
      ['declined', 12],
    ],
  },
  {
    country: 'CV',
    type: 'readmission',
    path: [
      ['approached', 200],
      ['negotiating', 150],
      ['text_agreed', 60],
    ],
    annualCapacity: 150,
  },
];

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString().slice(0, 10);

/** Adds the demo agreements once (by their note); returns how many it added. */
export async function seedDemoAgreements(db: Db, context: AuditContext, hq: Actor, now = new Date()): Promise<number> {
  const [existing] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.synthetic, true), like(agreements.notes, 'Synthetic demo agreement:%')))
    .limit(1);
  if (existing) return 0;
  for (const demo of DEMO_AGREEMENTS) {
    const agreement = await createAgreement(
      db,
      {
        country: demo.country,
        type: demo.type,
        stageOn: daysAgo(now, 240),
        notes: NOTE,
        annualCapacity: demo.annualCapacity ?? null,
        classification: 'U',
        synthetic: true,
      },
      context,
      hq,
      HOME_COUNTRY,
    );
    for (const [stage, ago] of demo.path) {
      await moveAgreementStage(db, agreement.id, { stage, on: daysAgo(now, ago), note: 'Synthetic demo step.' }, context, hq, HOME_COUNTRY);
    }
  }
  return DEMO_AGREEMENTS.length;
}
