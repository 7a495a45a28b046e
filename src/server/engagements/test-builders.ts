import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import {
  contacts,
  directivePosts,
  directives,
  engagementContacts,
  engagementDirectives,
  engagementOfficers,
  engagements,
  followUps,
  posts,
  talkingPoints,
} from '../db/schema/index';

/**
 * Test builders: rows inserted directly, so that contact and engagement tests do not depend
 * on the directive commands. Everything they make is marked synthetic.
 */
const suffix = () => randomBytes(3).toString('hex');

export async function postOf(db: Executor, code: string): Promise<{ id: string; countryAlpha2: string }> {
  const [post] = await db.select({ id: posts.id, countryAlpha2: posts.countryAlpha2 }).from(posts).where(eq(posts.code, code));
  if (!post) throw new Error(`no post ${code}`);
  return post;
}

export interface PointSpec {
  text: string;
  scope?: 'all' | 'bureaus' | 'countries';
  bureaus?: string[];
  countries?: string[];
}

export async function buildDirective(
  db: Executor,
  options: {
    actionPosts: string[];
    infoPosts?: string[];
    points?: (string | PointSpec)[];
    status?: string;
    classification?: TClearance;
    reference?: string;
    subject?: string;
  },
): Promise<{ id: string; reference: string; pointIds: string[] }> {
  const reference = options.reference ?? `TEST-${suffix()}`;
  const [directive] = await db
    .insert(directives)
    .values({
      reference,
      date: '2025-11-21',
      subject: options.subject ?? 'Synthetic test directive',
      fromLine: 'SECSTATE',
      objective: 'Synthetic objective for tests.',
      classification: options.classification ?? 'U',
      status: options.status ?? 'issued',
      synthetic: true,
    })
    .returning({ id: directives.id });
  const id = directive!.id;
  for (const [codes, role] of [
    [options.actionPosts, 'action'],
    [options.infoPosts ?? [], 'info'],
  ] as const)
    for (const code of codes) await db.insert(directivePosts).values({ directiveId: id, postId: (await postOf(db, code)).id, role });
  const pointIds: string[] = [];
  for (const [index, spec] of (options.points ?? []).entries()) {
    const point = typeof spec === 'string' ? { text: spec } : spec;
    const [row] = await db
      .insert(talkingPoints)
      .values({
        directiveId: id,
        number: index + 1,
        text: point.text,
        scope: point.scope ?? 'all',
        scopeBureaus: point.bureaus ?? [],
        scopeCountries: point.countries ?? [],
      })
      .returning({ id: talkingPoints.id });
    pointIds.push(row!.id);
  }
  return { id, reference, pointIds };
}

export async function buildContact(
  db: Executor,
  options: { post: string; classification?: TClearance; name?: string; title?: string; organization?: string; organizationType?: string; country?: string },
): Promise<string> {
  const post = await postOf(db, options.post);
  const [row] = await db
    .insert(contacts)
    .values({
      name: options.name ?? `Synthetic Contact ${suffix()}`,
      title: options.title ?? 'Director',
      organization: options.organization ?? 'Ministry of the Interior',
      organizationType: options.organizationType ?? 'ministry_of_interior',
      countryAlpha2: options.country ?? post.countryAlpha2,
      postId: post.id,
      classification: options.classification ?? 'U',
      synthetic: true,
    })
    .returning({ id: contacts.id });
  return row!.id;
}

export async function buildEngagement(
  db: Executor,
  options: {
    post: string;
    draftedBy: string;
    status?: 'draft' | 'submitted' | 'approved';
    classification?: TClearance;
    occurredAt?: string;
    directives?: string[];
    contacts?: string[];
    followUps?: number;
    ourReadout?: string;
  },
): Promise<{ id: string; followUpIds: string[] }> {
  const post = await postOf(db, options.post);
  const status = options.status ?? 'draft';
  const [row] = await db
    .insert(engagements)
    .values({
      postId: post.id,
      occurredAt: new Date(options.occurredAt ?? '2025-12-01T10:00:00Z'),
      kind: 'meeting',
      classification: options.classification ?? 'U',
      status,
      ourReadout: options.ourReadout ?? 'Synthetic readout.',
      synthetic: true,
      draftedBy: options.draftedBy,
      submittedAt: status === 'draft' ? null : new Date(),
    })
    .returning({ id: engagements.id });
  const id = row!.id;
  await db.insert(engagementOfficers).values({ engagementId: id, userId: options.draftedBy });
  for (const directiveId of options.directives ?? []) await db.insert(engagementDirectives).values({ engagementId: id, directiveId });
  for (const contactId of options.contacts ?? []) await db.insert(engagementContacts).values({ engagementId: id, contactId });
  const followUpIds: string[] = [];
  for (let i = 0; i < (options.followUps ?? 0); i += 1) {
    const [followUp] = await db
      .insert(followUps)
      .values({ engagementId: id, action: `Synthetic follow-up ${i + 1}`, ownerId: options.draftedBy, dueDate: '2026-01-15' })
      .returning({ id: followUps.id });
    followUpIds.push(followUp!.id);
  }
  return { id, followUpIds };
}
