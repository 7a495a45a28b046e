import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZDirective,
  ZDirectiveInput,
  ZDirectiveListQuery,
  ZDirectiveSummary,
  ZDirectiveUpdate,
  ZTalkingPoint,
  ZTalkingPointsQuery,
} from '../../shared/directives';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { actorOf, auditContextOf } from '../identity/authenticate';
import type { DirectiveFields } from './check-directive-content';
import { createDirective } from './create-directive';
import { getDirective, listDirectives } from './directive-queries';
import { issueDirective } from './issue-directive';
import { rescindDirective } from './rescind-directive';
import { tagRoutes } from './tag-routes';
import { talkingPointsFor } from './talking-points-for-post';
import { updateDirective } from './update-directive';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZDirectiveParams = z.object({ id: z.string().uuid('must be a directive id') });

/** Directives, talking points and TAGS under /api/v1. */
export const directiveRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(tagRoutes);

  app.get(
    '/directives',
    {
      schema: {
        tags: ['directives'],
        summary: 'Directives the user may see, newest date first',
        querystring: ZDirectiveListQuery,
        response: { 200: ZPage(ZDirectiveSummary), ...problems },
      },
    },
    async (request) => listDirectives(app.db, request.query, actorOf(request)),
  );

  app.post(
    '/directives',
    { schema: { tags: ['directives'], summary: 'Draft a directive (directive authors)', body: ZDirectiveInput, response: { 201: ZDirective, ...problems } } },
    async (request, reply) => reply.code(201).send(await createDirective(app.db, request.body, auditContextOf(request), actorOf(request))),
  );

  app.get(
    '/directives/:id',
    {
      schema: {
        tags: ['directives'],
        summary: 'One directive, with the talking points the user’s post must deliver',
        params: ZDirectiveParams,
        response: { 200: ZDirective, ...problems },
      },
    },
    async (request) => getDirective(app.db, request.params.id, actorOf(request)),
  );

  app.patch(
    '/directives/:id',
    {
      schema: {
        tags: ['directives'],
        summary: 'Change a draft (directive authors)',
        description: 'Only the fields sent change; a list sent replaces the old one. An issued directive is frozen (409).',
        params: ZDirectiveParams,
        body: ZDirectiveUpdate,
        response: { 200: ZDirective, ...problems },
      },
    },
    async (request) => updateDirective(app.db, request.params.id, request.body as Partial<DirectiveFields>, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/directives/:id/issue',
    {
      schema: {
        tags: ['directives'],
        summary: 'Issue a draft (directive authors)',
        description: 'Needs at least one action post and one talking point. A directive it supersedes becomes superseded.',
        params: ZDirectiveParams,
        response: { 200: ZDirective, ...problems },
      },
    },
    async (request) => issueDirective(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/directives/:id/rescind',
    {
      schema: {
        tags: ['directives'],
        summary: 'Rescind an issued directive (directive authors)',
        params: ZDirectiveParams,
        response: { 200: ZDirective, ...problems },
      },
    },
    async (request) => rescindDirective(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.get(
    '/directives/:id/talking-points',
    {
      schema: {
        tags: ['directives'],
        summary: 'The talking points that apply to a post',
        description: 'By default the user’s home post; headquarters users without `post` get every point.',
        params: ZDirectiveParams,
        querystring: ZTalkingPointsQuery,
        response: { 200: ZPage(ZTalkingPoint), ...problems },
      },
    },
    async (request) => ({
      items: await talkingPointsFor(app.db, request.params.id, actorOf(request), request.query.post),
      nextCursor: null,
    }),
  );
};
