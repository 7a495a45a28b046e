import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZTag, ZTagCreate } from '../../shared/directives';
import { ZPage, ZPageQuery } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { AppError } from '../http/app-error';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { createTag } from './create-tag';
import { canManageTags } from './directive-policy';
import { listTags } from './tag-queries';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 409: ZProblem };

/** Subject TAGS: every signed-in user reads them; administrators add them. */
export const tagRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tags',
    { schema: { tags: ['directives'], summary: 'Subject TAGS, by code', querystring: ZPageQuery, response: { 200: ZPage(ZTag), ...problems } } },
    async (request) => listTags(app.db, request.query),
  );

  app.post(
    '/tags',
    { schema: { tags: ['directives'], summary: 'Add a TAGS code (administrators)', body: ZTagCreate, response: { 201: ZTag, ...problems } } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canManageTags(actor)) throw new AppError('forbidden', `Your role (${actor.role}) does not allow adding TAGS (administrators do).`);
      return reply.code(201).send(await createTag(app.db, request.body, auditContextOf(request)));
    },
  );
};
