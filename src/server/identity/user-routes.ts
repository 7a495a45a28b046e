import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZUser, ZUserCreate, ZUserListQuery, ZUserUpdate } from '../../shared/identity';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { AppError } from '../http/app-error';
import { requirePermission } from './access-policy';
import { actorOf, auditContextOf } from './authenticate';
import { createUser } from './create-user';
import { updateUser } from './update-user';
import { getUser, listUsers } from './user-queries';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZUserParams = z.object({ id: z.string().uuid('must be a user id') });

/** User administration: administrators only. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    { schema: { tags: ['users'], summary: 'Users, ordered by email', querystring: ZUserListQuery, response: { 200: ZPage(ZUser), ...problems } } },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'users.manage');
      return listUsers(app.db, request.query, actor);
    },
  );

  app.post(
    '/users',
    { schema: { tags: ['users'], summary: 'Create a user', body: ZUserCreate, response: { 201: ZUser, ...problems } } },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'users.manage');
      return reply.code(201).send(await createUser(app.db, request.body, auditContextOf(request), actor));
    },
  );

  app.get('/users/:id', { schema: { tags: ['users'], summary: 'One user', params: ZUserParams, response: { 200: ZUser, ...problems } } }, async (request) => {
    const actor = actorOf(request);
    requirePermission(actor, 'users.manage');
    const user = await getUser(app.db, request.params.id, actor);
    if (!user) throw AppError.notFound('User');
    return user;
  });

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user',
        description:
          'Disabling a user, or changing role, post, bureau, clearance or password, ends all of their sessions; disabling or a new password also ' +
          'revokes all of their API tokens. Changing your own role, post, bureau, clearance or disabled flag is refused (403).',
        params: ZUserParams,
        body: ZUserUpdate,
        response: { 200: ZUser, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'users.manage');
      return updateUser(app.db, request.params.id, request.body, auditContextOf(request), actor);
    },
  );
};
