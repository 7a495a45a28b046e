import { inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/client';
import {
  agreements,
  assessments,
  apiTokens,
  comments,
  contacts,
  countries,
  directives,
  engagements,
  followUps,
  incidentCategories,
  incidents,
  notifications,
  policyAreas,
  policyMeasures,
  posts,
  tags,
  users,
} from '../db/schema/index';
import { visibleAgreements } from '../agreements/agreement-policy';
import { visibleAssessments } from '../assessments/assessment-policy';
import { visiblePolicyMeasures } from '../policy-measures/policy-measure-policy';
import { visibleContacts } from '../contacts/contact-policy';
import { visibleDirectives } from '../directives/directive-policy';
import { visibleEngagements } from '../engagements/engagement-policy';
import type { Actor } from '../identity/actor';
import { hasPermission, markingReadable, scopeOf } from '../identity/access-policy';
import { visibleIncidents } from '../incidents/incident-policy';

/**
 * The names of the records a page of audit events speaks of, for one reader, in one query:
 * a branch per kind of record, each asking two questions of the record as it is now.
 *
 * - `known`: may the reader know what the record is? A reader of the whole trail (an
 *   administrator: the role reads no post's records, but reads the trail of every post) knows
 *   the records marked at or below their clearance, as the events they read already are.
 *   Anyone else knows what the kind's own access rule lets them see (scope and marking).
 * - `openable`: may the reader open its page? The kind's own rule, the SQL its lists use.
 *
 * What the reader may not know comes back with no name: it never leaves the database.
 */

export interface NameParts {
  known: boolean;
  openable: boolean;
  /** Parts of the name, by kind (see the branches below); null when not known. */
  parts: (string | null)[];
}
export type Names = Map<string, NameParts>;
export const nameKey = (type: string, id: string) => `${type}:${id}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARTS = 5;

/** Ids to name, by kind; ids that are not uuids are dropped where the column is a uuid. */
export type NameRequest = Partial<Record<string, Set<string>>>;

const utcDate = (column: SQL | unknown) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;

/** Whether the reader reads the trail of every post (whatever records they may open themselves). */
export function readsWholeTrail(viewer: Actor): boolean {
  return !viewer.disabled && hasPermission(viewer, 'audit.read') && scopeOf(viewer).kind === 'none';
}

/** One branch: `type, id, known, openable, p1..p5`, the parts padded with nulls. */
function branch(type: string, id: SQL, access: { known: SQL; openable: SQL }, parts: SQL[], from: SQL): SQL {
  const padded = [...parts, ...Array.from({ length: PARTS - parts.length }, () => sql`null`)].map(
    (part, index) => sql`(${part})::text as p${sql.raw(String(index + 1))}`,
  );
  return sql`select ${type}::text as type, (${id})::text as id, coalesce((${access.known}), false) as known,
    coalesce((${access.openable}), false) as openable, ${sql.join(padded, sql`, `)} ${from}`;
}

/** Records of posts: known by marking to a reader of the whole trail, else by the kind's rule; opened by the kind's rule. */
function postRecord(viewer: Actor, classification: Column, visible: SQL): { known: SQL; openable: SQL } {
  return { known: readsWholeTrail(viewer) ? markingReadable(viewer, classification) : visible, openable: visible };
}
const EVERYONE = { known: sql`true`, openable: sql`true` };

export async function resolveNames(db: Executor, viewer: Actor, request: NameRequest): Promise<Names> {
  const ids = (type: string, uuidOnly = true) => [...(request[type] ?? [])].filter((id) => !uuidOnly || UUID.test(id));
  const branches: SQL[] = [];
  const add = (type: string, build: (list: string[]) => SQL, uuidOnly = true) => {
    const list = ids(type, uuidOnly);
    if (list.length > 0) branches.push(build(list));
  };

  // Users, API tokens and notifications: who may know them is decided in the presenter (those
  // who manage users, or the owner). TAGS, categories and posts are reference data.
  add('user', (list) =>
    branch('user', sql`${users.id}`, EVERYONE, [sql`${users.name}`, sql`${users.email}`], sql`from ${users} where ${inArray(users.id, list)}`),
  );
  add('api_token', (list) =>
    branch(
      'api_token',
      sql`${apiTokens.id}`,
      EVERYONE,
      [sql`${apiTokens.name}`, sql`${users.name}`, sql`${users.id}`],
      sql`from ${apiTokens} inner join ${users} on ${users.id} = ${apiTokens.userId} where ${inArray(apiTokens.id, list)}`,
    ),
  );
  add('notification', (list) =>
    branch(
      'notification',
      sql`${notifications.id}`,
      EVERYONE,
      [sql`${notifications.kind}`, sql`${users.name}`, sql`${users.id}`],
      sql`from ${notifications} inner join ${users} on ${users.id} = ${notifications.userId} where ${inArray(notifications.id, list)}`,
    ),
  );
  add(
    'tag',
    (list) => branch('tag', sql`${tags.code}`, EVERYONE, [sql`${tags.code}`, sql`${tags.name}`], sql`from ${tags} where ${inArray(tags.code, list)}`),
    false,
  );
  add(
    'policy_area',
    (list) =>
      branch(
        'policy_area',
        sql`${policyAreas.code}`,
        EVERYONE,
        [sql`${policyAreas.code}`, sql`${policyAreas.name}`],
        sql`from ${policyAreas} where ${inArray(policyAreas.code, list)}`,
      ),
    false,
  );
  add(
    'incident_category',
    (list) =>
      branch(
        'incident_category',
        sql`${incidentCategories.code}`,
        EVERYONE,
        [sql`${incidentCategories.code}`, sql`${incidentCategories.name}`],
        sql`from ${incidentCategories} where ${inArray(incidentCategories.code, list)}`,
      ),
    false,
  );
  add(
    'post',
    (list) => {
      const uuids = list.filter((id) => UUID.test(id));
      const match = uuids.length > 0 ? or(inArray(posts.code, list), inArray(posts.id, uuids)) : inArray(posts.code, list);
      return branch(
        'post',
        sql`case when ${inArray(posts.code, list)} then ${posts.code} else ${posts.id}::text end`,
        EVERYONE,
        [sql`${posts.code}`, sql`${posts.name}`],
        sql`from ${posts} where ${match}`,
      );
    },
    false,
  );

  // Records of posts: the reader's own access rule decides, in SQL, as in every list.
  const engagementParts = [utcDate(engagements.occurredAt), sql`${posts.name}`, sql`${engagements.kind}`];
  add('engagement', (list) =>
    branch(
      'engagement',
      sql`${engagements.id}`,
      postRecord(viewer, engagements.classification, visibleEngagements(viewer)),
      engagementParts,
      sql`from ${engagements} inner join ${posts} on ${posts.id} = ${engagements.postId} where ${inArray(engagements.id, list)}`,
    ),
  );
  add('follow_up', (list) =>
    branch(
      'follow_up',
      sql`${followUps.id}`,
      postRecord(viewer, engagements.classification, visibleEngagements(viewer)),
      [sql`${followUps.action}`, sql`${engagements.id}`, ...engagementParts],
      sql`from ${followUps} inner join ${engagements} on ${engagements.id} = ${followUps.engagementId}
        inner join ${posts} on ${posts.id} = ${engagements.postId} where ${inArray(followUps.id, list)}`,
    ),
  );
  add('directive', (list) =>
    branch(
      'directive',
      sql`${directives.id}`,
      postRecord(viewer, directives.classification, visibleDirectives(viewer)),
      [sql`${directives.reference}`, sql`${directives.subject}`],
      sql`from ${directives} where ${inArray(directives.id, list)}`,
    ),
  );
  add('contact', (list) =>
    branch(
      'contact',
      sql`${contacts.id}`,
      postRecord(viewer, contacts.classification, visibleContacts(viewer)),
      [sql`${contacts.name}`, sql`${contacts.organization}`],
      sql`from ${contacts} where ${inArray(contacts.id, list)}`,
    ),
  );
  add('incident', (list) =>
    branch(
      'incident',
      sql`${incidents.id}`,
      postRecord(viewer, incidents.classification, visibleIncidents(viewer)),
      [sql`${incidents.summary}`, sql`${incidents.occurredOn}`, sql`${posts.name}`],
      sql`from ${incidents} inner join ${posts} on ${posts.id} = ${incidents.postId} where ${inArray(incidents.id, list)}`,
    ),
  );
  add('agreement', (list) =>
    branch(
      'agreement',
      sql`${agreements.id}`,
      postRecord(viewer, agreements.classification, visibleAgreements(viewer)),
      [sql`${countries.name}`, sql`${agreements.type}`],
      sql`from ${agreements} inner join ${countries} on ${countries.alpha2} = ${agreements.countryAlpha2} where ${inArray(agreements.id, list)}`,
    ),
  );
  add('policy_measure', (list) =>
    branch(
      'policy_measure',
      sql`${policyMeasures.id}`,
      postRecord(viewer, policyMeasures.classification, visiblePolicyMeasures(viewer)),
      [sql`${policyMeasures.title}`, sql`${countries.name}`],
      sql`from ${policyMeasures} inner join ${countries} on ${countries.alpha2} = ${policyMeasures.countryAlpha2} where ${inArray(policyMeasures.id, list)}`,
    ),
  );
  add('assessment', (list) =>
    branch(
      'assessment',
      sql`${assessments.id}`,
      postRecord(viewer, assessments.classification, visibleAssessments(viewer)),
      [sql`${countries.name}`, sql`${assessments.period}`],
      sql`from ${assessments} inner join ${countries} on ${countries.alpha2} = ${assessments.countryAlpha2} where ${inArray(assessments.id, list)}`,
    ),
  );
  // A comment is as visible as the record it was left on.
  add('comment', (list) =>
    branch(
      'comment',
      sql`${comments.id}`,
      postRecord(viewer, engagements.classification, visibleEngagements(viewer)),
      [sql`'engagement'`, sql`${engagements.id}`, ...engagementParts],
      sql`from ${comments} inner join ${engagements} on ${engagements.id} = ${comments.recordId} and ${comments.recordType} = 'engagement'
        inner join ${posts} on ${posts.id} = ${engagements.postId} where ${inArray(comments.id, list)}`,
    ),
  );
  add('comment', (list) =>
    branch(
      'comment',
      sql`${comments.id}`,
      postRecord(viewer, incidents.classification, visibleIncidents(viewer)),
      [sql`'incident'`, sql`${incidents.id}`, sql`${incidents.summary}`],
      sql`from ${comments} inner join ${incidents} on ${incidents.id} = ${comments.recordId} and ${comments.recordType} = 'incident'
        where ${inArray(comments.id, list)}`,
    ),
  );

  const names: Names = new Map();
  if (branches.length === 0) return names;
  const columns = Array.from({ length: PARTS }, (_, index) => sql.raw(`case when known then p${index + 1} end as p${index + 1}`));
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select type, id, known, known and openable as openable, ${sql.join(columns, sql`, `)} from (${sql.join(branches, sql` union all `)}) as named`,
  );
  const yes = (value: unknown) => value === true || value === 't';
  for (const row of rows) {
    const known = yes(row.known);
    names.set(nameKey(String(row.type), String(row.id)), {
      known,
      openable: known && yes(row.openable),
      parts: Array.from({ length: PARTS }, (_, index) => (known ? ((row[`p${index + 1}`] as string | null) ?? null) : null)),
    });
  }
  return names;
}
