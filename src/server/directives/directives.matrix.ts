import {
  RELATION_POST,
  TARGET_MARKING,
  onlyRoles,
  seesScopedRecord,
  signedIn,
  type Case,
  type Level,
  type MatrixArea,
  type Relation,
} from '../testing/access-matrix';
import { buildDirective, directiveInput } from './directive-test-builders';

/**
 * An issued directive addressed to one post sees the same audience as a record of that post:
 * officers their own post, bureau analysts their bureau, headquarters all, within clearance.
 * Drafts are seen by directive authors only.
 */
const seen = (c: Case) => seesScopedRecord(c.who, c.relation, c.level);
const status = (c: Case, whenSeen: number) => (c.who === 'anonymous' ? 401 : seen(c) ? whenSeen : 404);
const draftStatus = (c: Case, whenSeen: number) => (c.who === 'anonymous' ? 401 : c.who === 'directive_author' && c.level === 'at' ? whenSeen : 404);
const addressedTo = (c: Case) => ({ bureaus: [], countries: [], posts: [RELATION_POST[c.relation].post] });

let tagCounter = 0;
/** Four letters, unique per request (TAGS codes are letters only). */
const freshTagCode = () => {
  tagCounter += 1;
  const letter = (n: number) => String.fromCharCode(65 + (Math.floor(tagCounter / n) % 26));
  return `Q${letter(676)}${letter(26)}${letter(1)}`;
};

export const directivesMatrix: MatrixArea = {
  async setup(t) {
    const author = (await t.user({ role: 'directive_author', clearance: 'S' })).actor;
    const targets: Partial<Record<`${Relation}/${Level}`, Record<string, string>>> = {};
    for (const relation of Object.keys(RELATION_POST) as Relation[])
      for (const level of ['at', 'above'] as Level[]) {
        const overrides = {
          classification: TARGET_MARKING[level],
          actionPosts: { bureaus: [], countries: [], posts: [RELATION_POST[relation].post] },
        };
        targets[`${relation}/${level}`] = {
          issuedId: await buildDirective(t, author, overrides),
          rescindableId: await buildDirective(t, author, overrides),
          draftId: await buildDirective(t, author, overrides, { draft: true }),
          issuableId: await buildDirective(t, author, overrides, { draft: true }),
        };
      }
    return targets;
  },
  entries: {
    'GET /api/v1/tags': { expect: signedIn(200) },
    'POST /api/v1/tags': { payload: () => ({ code: freshTagCode(), name: 'Matrix tag' }), expect: onlyRoles(['admin'], 201) },
    'GET /api/v1/directives': { expect: signedIn(200) },
    // Authors may not mark a directive above their own clearance (they would lose sight of it).
    'POST /api/v1/directives': {
      payload: (c) => directiveInput({ classification: TARGET_MARKING[c.level], actionPosts: addressedTo(c) }),
      expect: (c) => (c.who === 'directive_author' ? (c.level === 'at' ? 201 : 400) : onlyRoles(['directive_author'], 201)(c)),
    },
    'GET /api/v1/directives/:id': { url: (c) => `/api/v1/directives/${c.target.issuedId}`, expect: (c) => status(c, 200) },
    'GET /api/v1/directives/:id/talking-points': {
      url: (c) => `/api/v1/directives/${c.target.issuedId}/talking-points`,
      expect: (c) => status(c, 200),
    },
    'PATCH /api/v1/directives/:id': {
      url: (c) => `/api/v1/directives/${c.target.draftId}`,
      payload: () => ({ subject: 'Renamed by the matrix' }),
      expect: (c) => draftStatus(c, 200),
    },
    'POST /api/v1/directives/:id/issue': {
      url: (c) => `/api/v1/directives/${c.target.issuableId}/issue`,
      expect: (c) => draftStatus(c, 200),
    },
    // Seen but not an author: 403; not seen: 404 (it does not exist for them).
    'POST /api/v1/directives/:id/rescind': {
      url: (c) => `/api/v1/directives/${c.target.rescindableId}/rescind`,
      expect: (c) => status(c, c.who === 'directive_author' ? 200 : 403),
    },
  },
};
