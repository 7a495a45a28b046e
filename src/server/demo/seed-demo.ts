import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { TClearance, TRole, TUser } from '../../shared/identity';
import type { TDirective } from '../../shared/directives';
import type { TBureauCode } from '../../shared/reference';
import type { Db } from '../db/client';
import { directives, notifications, posts, users } from '../db/schema/index';
import { applicablePoints } from '../directives/applicable-points';
import { SYSTEM, type AuditContext } from '../audit/audit-context';
import { createContact } from '../contacts/create-contact';
import { createDirective } from '../directives/create-directive';
import { issueDirective } from '../directives/issue-directive';
import { createEngagement } from '../engagements/create-engagement';
import { approveEngagement, submitEngagement } from '../engagements/engagement-workflow';
import { loadActor, type Actor } from '../identity/actor';
import { createUser } from '../identity/create-user';
import { seedDemoAgreements } from './demo-agreements';
import { seedDemoIncidents } from './demo-incidents';
import { MIGRATION_DIRECTIVE, SOUTH_ASIA_CALLS, SOUTH_ASIA_DIRECTIVE, THIRD_COUNTRY_DIRECTIVE } from './demo-content';

interface DemoUserSpec {
  key: string;
  role: TRole;
  name: string;
  post?: string;
  bureau?: TBureauCode;
  clearance: TClearance;
}

/** One user of every role, and officers and approvers at the posts the demo engages from. */
export const DEMO_USERS: DemoUserSpec[] = [
  { key: 'admin', role: 'admin', name: 'Demo Administrator', clearance: 'S' },
  { key: 'author', role: 'directive_author', name: 'Demo Directive Author', clearance: 'S' },
  { key: 'hq', role: 'hq_analyst', name: 'Demo Headquarters Analyst', clearance: 'S' },
  { key: 'eur', role: 'bureau_analyst', name: 'Demo EUR Analyst', bureau: 'EUR', clearance: 'C' },
  { key: 'berlin.officer', role: 'officer', name: 'Demo Officer Berlin', post: 'berlin', clearance: 'SBU' },
  { key: 'berlin.approver', role: 'approver', name: 'Demo Approver Berlin', post: 'berlin', clearance: 'C' },
  { key: 'paris.officer', role: 'officer', name: 'Demo Officer Paris', post: 'paris', clearance: 'SBU' },
  { key: 'paris.approver', role: 'approver', name: 'Demo Approver Paris', post: 'paris', clearance: 'C' },
  { key: 'ottawa.officer', role: 'officer', name: 'Demo Officer Ottawa', post: 'ottawa', clearance: 'SBU' },
  { key: 'new-delhi.officer', role: 'officer', name: 'Demo Officer New Delhi', post: 'new-delhi', clearance: 'SBU' },
  { key: 'new-delhi.approver', role: 'approver', name: 'Demo Approver New Delhi', post: 'new-delhi', clearance: 'C' },
  { key: 'islamabad.officer', role: 'officer', name: 'Demo Officer Islamabad', post: 'islamabad', clearance: 'SBU' },
  { key: 'islamabad.approver', role: 'approver', name: 'Demo Approver Islamabad', post: 'islamabad', clearance: 'C' },
];

export const demoEmail = (key: string) => `${key}@demarche.demo`;

export interface DemoSeedResult {
  /** Users created now carry their password; existing ones keep theirs (password null). */
  users: { email: string; role: TRole; scope: string; clearance: TClearance; password: string | null }[];
  directives: number;
  engagements: number;
  incidents: number;
  agreements: number;
}

const DAY = 24 * 60 * 60 * 1000;
const SYNTHETIC_NOTE =
  'Synthetic demo engagement: no such meeting took place. The reception recorded is illustrative only and is no statement of the host government\u2019s position.';

/**
 * Adds demo users of every role and the demo directives and engagements of
 * PUBLIC-REPORTING.md. Safe to run again: existing users and directives (by reference) are
 * left as they are.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<DemoSeedResult> {
  const context: AuditContext = { ...SYSTEM, via: 'cli' };
  const result: DemoSeedResult = { users: [], directives: 0, engagements: 0, incidents: 0, agreements: 0 };
  const actors = new Map<string, Actor>();

  // One administrator: the demo adds its own only when the database has none (the first start makes one).
  const [otherAdmin] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), sql`lower(${users.email}) <> ${demoEmail('admin')}`))
    .limit(1);
  for (const spec of DEMO_USERS) {
    if (spec.role === 'admin' && otherAdmin) continue;
    const email = demoEmail(spec.key);
    const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    let id = existing?.id;
    let password: string | null = null;
    if (!id) {
      password = `demo-${randomBytes(9).toString('base64url')}`;
      const created: TUser = await createUser(
        db,
        { email, name: spec.name, role: spec.role, post: spec.post ?? null, bureau: spec.bureau ?? null, clearance: spec.clearance, password },
        context,
      );
      id = created.id;
    }
    const actor = await loadActor(db, id);
    if (!actor) throw new Error(`demo user ${email} not found`);
    actors.set(spec.key, actor);
    result.users.push({ email, role: spec.role, scope: spec.post ?? spec.bureau ?? 'all posts', clearance: spec.clearance, password });
  }
  const as = (key: string) => actors.get(key)!;

  const ensureDirective = async (input: typeof MIGRATION_DIRECTIVE, issue: boolean): Promise<TDirective | undefined> => {
    const [existing] = await db.select({ id: directives.id }).from(directives).where(eq(directives.reference, input.reference));
    if (existing) return undefined;
    const draft = await createDirective(db, input, context, as('author'));
    result.directives += 1;
    return issue ? issueDirective(db, draft.id, context, as('author')) : draft;
  };

  const engage = async (officerKey: string, approverKey: string, input: Parameters<typeof createEngagement>[1]): Promise<void> => {
    const draft = await createEngagement(db, { synthetic: true, ...input }, context, as(officerKey));
    await submitEngagement(db, draft.id, context, as(officerKey));
    await approveEngagement(db, draft.id, context, as(approverKey));
    // The demo drafted and approved it at once: nobody needs to hear that it awaited approval.
    await db.delete(notifications).where(and(eq(notifications.recordType, 'engagement'), eq(notifications.recordId, draft.id)));
    result.engagements += 1;
  };

  const migration = await ensureDirective(MIGRATION_DIRECTIVE, true);
  if (migration) {
    // Issued on the cable's date; the synthetic engagements below are dated from today so that
    // cadence shows every status: Berlin on time, Paris due soon, the posts that never engaged overdue.
    await db
      .update(directives)
      .set({ issuedAt: new Date(`${MIGRATION_DIRECTIVE.date}T12:00:00Z`) })
      .where(eq(directives.id, migration.id));
    const berlinPoints = await pointsFor(db, migration.id, 'berlin');
    const contact = await createContact(
      db,
      {
        name: 'Synthetic Contact A',
        title: 'Director-General (synthetic)',
        organization: 'Ministry of the Interior (synthetic contact)',
        organizationType: 'ministry_of_interior',
        country: 'DE',
        classification: 'U',
        synthetic: true,
      },
      context,
      as('berlin.officer'),
    );
    await engage('berlin.officer', 'berlin.approver', {
      occurredAt: new Date(now.getTime() - 6 * DAY).toISOString(),
      kind: 'demarche',
      classification: 'SBU',
      directives: [migration.id],
      contacts: [contact.id],
      points: berlinPoints.map((point, index) => ({
        talkingPointId: point,
        delivered: index < 3 || index === 12,
        reception: index < 3 || index === 12 ? 'noncommittal' : null,
      })),
      ourReadout: SYNTHETIC_NOTE,
      followUps: [{ action: 'Send the host ministry the points in writing (synthetic follow-up).', dueDate: isoDate(now.getTime() + 5 * DAY) }],
    });
    const parisPoints = await pointsFor(db, migration.id, 'paris');
    await engage('paris.officer', 'paris.approver', {
      occurredAt: new Date(now.getTime() - 26 * DAY).toISOString(),
      kind: 'call',
      classification: 'U',
      directives: [migration.id],
      points: parisPoints.slice(0, 2).map((point) => ({ talkingPointId: point, delivered: true, reception: 'noncommittal' })),
      ourReadout: SYNTHETIC_NOTE,
    });
  }

  await ensureDirective(THIRD_COUNTRY_DIRECTIVE, false);

  result.incidents = await seedDemoIncidents(db, context, as);
  result.agreements = await seedDemoAgreements(db, context, as('hq'), now);

  const southAsia = await ensureDirective(SOUTH_ASIA_DIRECTIVE, true);
  if (southAsia) {
    await db
      .update(directives)
      .set({ issuedAt: new Date('2025-04-30T12:00:00Z') })
      .where(eq(directives.id, southAsia.id));
    for (const [side, post] of [
      ['india', 'new-delhi'],
      ['pakistan', 'islamabad'],
    ] as const) {
      const call = SOUTH_ASIA_CALLS[side];
      const contact = await createContact(db, { ...call.contact, classification: 'U', synthetic: true }, context, as(`${post}.officer`));
      await engage(`${post}.officer`, `${post}.approver`, {
        occurredAt: '2025-04-30T15:00:00Z',
        kind: 'call',
        classification: 'U',
        directives: [southAsia.id],
        contacts: [contact.id],
        // The readouts say what was raised, not how it was received, and a delivered point needs
        // its reception: rather than invent one, the points are left to the readout.
        points: [],
        ourReadout: call.ourReadout,
        counterpartAccount: 'counterpartAccount' in call ? call.counterpartAccount : null,
        counterpartDate: 'counterpartAccount' in call ? '2025-04-30' : null,
      });
    }
  }
  return result;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function pointsFor(db: Db, directiveId: string, postCode: string): Promise<string[]> {
  const [post] = await db.select({ id: posts.id }).from(posts).where(eq(posts.code, postCode));
  return (await applicablePoints(db, [directiveId], post!.id)).map((point) => point.id);
}
