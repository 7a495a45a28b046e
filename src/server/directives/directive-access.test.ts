import { randomUUID } from 'node:crypto';
import { and, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEARANCES, ROLES, type TClearance, type TRole } from '../../shared/identity';
import type { TBureauCode } from '../../shared/reference';
import { directives } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { visibleDirectives } from './directive-policy';
import { buildDirective, directiveInput } from './directive-test-builders';
import { rescindDirective } from './rescind-directive';
import { SYSTEM } from '../audit/audit-context';

describe('who sees which directive', () => {
  let t: TestApp;
  let author: TestUser;
  let users: Record<Exclude<TRole, 'directive_author'>, TestUser>;
  let draftId: string;
  let issuedId: string;

  beforeAll(async () => {
    t = await createTestApp();
    author = await t.user({ role: 'directive_author', clearance: 'S' });
    users = {
      officer: await t.user({ role: 'officer', post: 'berlin' }),
      approver: await t.user({ role: 'approver', post: 'berlin' }),
      bureau_analyst: await t.user({ role: 'bureau_analyst', bureau: 'EUR' }),
      hq_analyst: await t.user({ role: 'hq_analyst' }),
      admin: await t.user({ role: 'admin' }),
    };
    draftId = await buildDirective(t, author.actor, {}, { draft: true });
    issuedId = await buildDirective(t, author.actor);
  });
  afterAll(async () => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, as: TestUser, payload?: object) =>
    t.request({ method, url, as, ...(payload ? { payload } : {}) });
  const listIds = async (as: TestUser, query = '') =>
    (await call('GET', `/api/v1/directives?limit=500${query}`, as)).json().items.map((d: { id: string }) => d.id) as string[];

  it('lets only directive authors draft, change, issue and rescind (403 for the rest)', async () => {
    for (const [role, user] of Object.entries(users)) {
      const created = await call('POST', '/api/v1/directives', user, directiveInput());
      expect(created.statusCode, role).toBe(403);
    }
    // Roles that see the issued directive are refused the writes; the admin does not see it at all.
    for (const role of ['officer', 'approver', 'bureau_analyst', 'hq_analyst'] as const) {
      expect((await call('POST', `/api/v1/directives/${issuedId}/rescind`, users[role])).statusCode, role).toBe(403);
      expect((await call('POST', `/api/v1/directives/${issuedId}/issue`, users[role])).statusCode, role).toBe(403);
      expect((await call('PATCH', `/api/v1/directives/${issuedId}`, users[role], { subject: 'x' })).statusCode, role).toBe(403);
    }
    expect((await call('POST', `/api/v1/directives/${issuedId}/rescind`, users.admin)).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/directives', author, directiveInput())).statusCode).toBe(201);
  });

  it('keeps drafts from everyone but directive authors: 404 and absent from lists', async () => {
    for (const [role, user] of Object.entries(users)) {
      for (const [method, url, payload] of [
        ['GET', `/api/v1/directives/${draftId}`],
        ['GET', `/api/v1/directives/${draftId}/talking-points`],
        ['PATCH', `/api/v1/directives/${draftId}`, { subject: 'x' }],
        ['POST', `/api/v1/directives/${draftId}/issue`],
        ['POST', `/api/v1/directives/${draftId}/rescind`],
      ] as const) {
        expect((await call(method, url, user, payload)).statusCode, `${role} ${method} ${url}`).toBe(404);
      }
      expect(await listIds(user), role).not.toContain(draftId);
    }
    const otherAuthor = await t.user({ role: 'directive_author', clearance: 'U' });
    expect((await call('GET', `/api/v1/directives/${draftId}`, otherAuthor)).statusCode).toBe(200);
    expect(await listIds(otherAuthor)).toContain(draftId);
  });

  it('hides a directive marked above the reader’s clearance, and does not count it', async () => {
    const secretId = await buildDirective(t, author.actor, { classification: 'S' });
    const confidential = {
      author: await t.user({ role: 'directive_author', clearance: 'C' }),
      hq: await t.user({ role: 'hq_analyst', clearance: 'C' }),
      officer: await t.user({ role: 'officer', post: 'berlin', clearance: 'C' }),
    };
    for (const [who, user] of Object.entries(confidential)) {
      expect((await call('GET', `/api/v1/directives/${secretId}`, user)).statusCode, who).toBe(404);
      expect((await call('GET', `/api/v1/directives/${secretId}/talking-points`, user)).statusCode, who).toBe(404);
      expect(await listIds(user), who).not.toContain(secretId);
    }
    expect((await call('POST', `/api/v1/directives/${secretId}/rescind`, confidential.author)).statusCode).toBe(404);
    expect(await listIds(users.hq_analyst)).toContain(secretId);
    // An author cannot mark a directive above their own clearance: they would lose sight of it.
    const above = await call('POST', '/api/v1/directives', confidential.author, directiveInput({ classification: 'S' }));
    expect(above.statusCode).toBe(400);
    expect(above.json().errors).toEqual([{ field: 'body.classification', message: 'must be at or below your clearance (C)' }]);
  });

  it('shows bureau analysts the directives addressed to any post of their bureau, as action or info', async () => {
    const toParisForInfo = await buildDirective(t, author.actor, {
      actionPosts: { bureaus: [], countries: [], posts: ['ottawa'] },
      infoPosts: { bureaus: [], countries: [], posts: ['paris'] },
    });
    const toOttawa = await buildDirective(t, author.actor, { actionPosts: { bureaus: [], countries: [], posts: ['ottawa'] } });
    const wha = await t.user({ role: 'bureau_analyst', bureau: 'WHA' });
    expect(await listIds(users.bureau_analyst)).toEqual(expect.arrayContaining([issuedId, toParisForInfo]));
    expect(await listIds(users.bureau_analyst)).not.toContain(toOttawa);
    expect(await listIds(wha)).toEqual(expect.arrayContaining([toParisForInfo, toOttawa]));
    expect(await listIds(wha)).not.toContain(issuedId);
    expect(await listIds(users.officer)).not.toContain(toParisForInfo);
    expect(await listIds(users.admin)).toEqual([]);
  });

  it('filters the list and pages through it newest date first', async () => {
    const dates = ['2025-03-01', '2025-05-01', '2025-04-01', '2025-05-01', '2025-01-15'];
    const ids = [];
    for (const date of dates) ids.push(await buildDirective(t, author.actor, { date, subject: 'Paging sample', tags: ['ECON'] }));
    await rescindDirective(t.database.db, ids[4]!, SYSTEM, author.actor);
    const pages: { date: string; id: string }[] = [];
    let cursor: string | null = null;
    do {
      const response = await call('GET', `/api/v1/directives?q=paging%20SAMPLE&limit=2${cursor ? `&cursor=${cursor}` : ''}`, users.hq_analyst);
      expect(response.statusCode, response.body).toBe(200);
      pages.push(...response.json().items);
      cursor = response.json().nextCursor;
    } while (cursor);
    expect(pages.map((d) => d.date)).toEqual(['2025-05-01', '2025-05-01', '2025-04-01', '2025-03-01', '2025-01-15']);
    expect(new Set(pages.map((d) => d.id)).size).toBe(5);

    expect(await listIds(users.hq_analyst, '&tag=ECON&status=rescinded')).toEqual([ids[4]]);
    expect(await listIds(users.hq_analyst, '&post=ottawa&q=paging')).toEqual([]);
    expect((await listIds(users.hq_analyst, '&post=berlin&q=paging')).sort()).toEqual([...ids].sort());
    const badCursor = await call('GET', '/api/v1/directives?cursor=WyJ4IiwieSJd', users.hq_analyst);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors).toEqual([{ field: 'query.cursor', message: 'is not a cursor this server issued' }]);
  });

  it('decides visibility by one SQL condition that follows the stated rule for every role and clearance', async () => {
    // Each fixture: a marking, a status, and where it is addressed.
    const addressings = [
      { actionPosts: ['berlin'], infoPosts: [], bureaus: ['EUR'], posts: ['berlin'] },
      { actionPosts: ['ottawa'], infoPosts: ['paris'], bureaus: ['WHA', 'EUR'], posts: ['ottawa', 'paris'] },
      { actionPosts: ['canberra'], infoPosts: [], bureaus: ['EAP'], posts: ['canberra'] },
    ];
    const fixtures: { id: string; classification: TClearance; status: string; bureaus: string[]; posts: string[] }[] = [];
    for (const classification of CLEARANCES)
      for (const status of ['draft', 'issued', 'rescinded'])
        for (const to of addressings) {
          const id = await buildDirective(
            t,
            author.actor,
            {
              classification,
              actionPosts: { bureaus: [], countries: [], posts: to.actionPosts },
              infoPosts: { bureaus: [], countries: [], posts: to.infoPosts },
            },
            { draft: status === 'draft' },
          );
          if (status === 'rescinded') await rescindDirective(t.database.db, id, SYSTEM, author.actor);
          fixtures.push({ id, classification, status, bureaus: to.bureaus, posts: to.posts });
        }
    const berlinId = users.officer.actor.postId;

    const rule = (actor: Actor, d: (typeof fixtures)[number]) => {
      if (actor.role === 'admin' || CLEARANCES.indexOf(d.classification) > CLEARANCES.indexOf(actor.clearance)) return false;
      if (d.status === 'draft') return actor.role === 'directive_author';
      if (actor.role === 'officer' || actor.role === 'approver') return d.posts.includes(actor.postCode ?? '');
      if (actor.role === 'bureau_analyst') return d.bureaus.includes(actor.bureauCode ?? '');
      return true;
    };
    const actorOf = (role: TRole, clearance: TClearance, bureau: TBureauCode): Actor => ({
      id: randomUUID(),
      email: `${role}@demarche.test`,
      name: role,
      role,
      clearance,
      postId: role === 'officer' || role === 'approver' ? berlinId : null,
      postCode: role === 'officer' || role === 'approver' ? 'berlin' : null,
      bureauCode: role === 'bureau_analyst' || role === 'officer' || role === 'approver' ? bureau : null,
      disabled: false,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    });
    const ids = fixtures.map((f) => f.id);
    for (const role of ROLES)
      for (const clearance of CLEARANCES)
        for (const bureau of ['EUR', 'WHA'] as const) {
          const actor = actorOf(role, clearance, bureau);
          const rows = await t.database.db
            .select({ id: directives.id })
            .from(directives)
            .where(and(inArray(directives.id, ids), visibleDirectives(actor)));
          const bySql = rows.map((r) => r.id).sort();
          const byRule = fixtures
            .filter((f) => rule(actor, f))
            .map((f) => f.id)
            .sort();
          expect(bySql, `${role} ${clearance} ${bureau}`).toEqual(byRule);
        }
    const disabled = { ...actorOf('hq_analyst', 'S', 'EUR'), disabled: true };
    expect(await t.database.db.select().from(directives).where(visibleDirectives(disabled))).toEqual([]);
  });
});
