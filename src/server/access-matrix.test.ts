import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../shared/identity';
import { agreementsMatrix } from './agreements/agreements.matrix';
import { assessmentsMatrix } from './assessments/assessments.matrix';
import { cadenceMatrix } from './cadence/cadence.matrix';
import { contactsMatrix } from './contacts/contacts.matrix';
import { directivesMatrix } from './directives/directives.matrix';
import { engagementsMatrix } from './engagements/engagements.matrix';
import { inboxMatrix } from './inbox/inbox.matrix';
import { incidentsMatrix } from './incidents/incidents.matrix';
import { identityMatrix } from './identity/identity.matrix';
import { notificationsMatrix } from './notifications/notifications.matrix';
import { policyMeasuresMatrix } from './policy-measures/policy-measures.matrix';
import { referenceMatrix } from './reference/reference.matrix';
import { statisticsMatrix } from './statistics/statistics.matrix';
import { evidenceMatrix } from './evidence/evidence.matrix';
import { ACTOR_CLEARANCE, LEVELS, RELATIONS, RELATION_POST, type Case, type Entry, type MatrixArea, type Who } from './testing/access-matrix';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestSession, type TestUser } from './testing/test-app';

/** Every area's routes; a new area adds its `<area>.matrix.ts` here. */
const AREAS: Record<string, MatrixArea> = {
  identity: identityMatrix,
  reference: referenceMatrix,
  directives: directivesMatrix,
  contacts: contactsMatrix,
  engagements: engagementsMatrix,
  incidents: incidentsMatrix,
  cadence: cadenceMatrix,
  notifications: notificationsMatrix,
  inbox: inboxMatrix,
  statistics: statisticsMatrix,
  evidence: evidenceMatrix,
  agreements: agreementsMatrix,
  policyMeasures: policyMeasuresMatrix,
  assessments: assessmentsMatrix,
};

/** Routes that a plugin serves as files, not API behaviour (the docs page's assets). */
const isDocsAsset = (url: string) => url.startsWith('/api/docs');

describe('access matrix', () => {
  let t: TestApp;
  const entries: Record<string, Entry> = Object.assign({}, ...Object.values(AREAS).map((area) => area.entries));
  const actors = new Map<Who, TestUser>();
  const sessions = new Map<Who, TestSession>();
  const targets = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) {
      const user = await t.user({
        role,
        post: role === 'officer' || role === 'approver' ? RELATION_POST.own_post.post : undefined,
        bureau: role === 'bureau_analyst' ? 'EUR' : undefined,
        clearance: ACTOR_CLEARANCE,
      });
      actors.set(role, user);
      sessions.set(role, await t.signIn(user.email));
    }
    for (const area of Object.values(AREAS)) {
      const created = (await area.setup?.(t)) ?? {};
      for (const [key, ids] of Object.entries(created)) targets.set(key, { ...(targets.get(key) ?? {}), ...ids });
    }
  });
  afterAll(async () => t.close());

  it('has an entry for every registered route, and none for a route that is gone', () => {
    const routes = t.app.routeTable.filter((route) => !isDocsAsset(route.url)).map((route) => `${route.method} ${route.url}`);
    expect([...new Set(routes)].sort()).toEqual(Object.keys(entries).sort());
  });

  // One test per area, each with room for its hundreds of requests (sign-ins hash passwords).
  it.each(Object.keys(AREAS))('answers the %s routes as the matrix says, for every role, relation and clearance', { timeout: 120_000 }, async (name) => {
    const failures: string[] = [];
    let checked = 0;
    const areaEntries = AREAS[name]!.entries;
    for (const [key, entry] of Object.entries(areaEntries)) {
      const [method, path] = key.split(' ') as [string, string];
      for (const who of ['anonymous', ...ROLES] as Who[])
        for (const relation of RELATIONS)
          for (const level of LEVELS) {
            const c: Case = { who, relation, level, target: targets.get(`${relation}/${level}`) ?? {} };
            const headers: Record<string, string> = {};
            let payload = entry.payload?.(c);
            if (key === 'POST /api/v1/session') {
              payload =
                who === 'anonymous'
                  ? { email: `nobody-${relation}-${level}@demarche.test`, password: 'not a password' }
                  : { email: actors.get(who)!.email, password: TEST_PASSWORD };
            } else if (who !== 'anonymous') {
              // Sign-out ends the session it is sent with: give it one of its own.
              const session = key === 'DELETE /api/v1/session' ? await t.signIn(actors.get(who)!.email) : sessions.get(who)!;
              Object.assign(headers, session.headers({ csrf: method !== 'GET' }));
            }
            const response = await t.request({
              method: method as 'GET',
              url: entry.url?.(c) ?? path,
              headers,
              ...(payload === undefined ? {} : { payload: payload as object }),
              remoteAddress: `10.77.${ROLES.indexOf(who as TRole) + 1}.1`,
            });
            const expected = entry.expect(c);
            checked += 1;
            if (response.statusCode !== expected) {
              failures.push(`${key} as ${who} (${relation}, ${level}): ${response.statusCode}, expected ${expected} — ${response.body.slice(0, 160)}`);
            }
          }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(Object.keys(areaEntries).length * (ROLES.length + 1) * RELATIONS.length * LEVELS.length);
  });
});
