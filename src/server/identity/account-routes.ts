import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZActiveSession, ZPasswordChange, ZPasswordChanged } from '../../shared/identity';
import { ZPage, ZPageQuery } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { AppError } from '../http/app-error';
import { actorOf, auditContextOf, SESSION_COOKIE } from './authenticate';
import { changeOwnPassword } from './change-password';
import { listOwnSessions, revokeOwnSession } from './own-sessions';
import { hashSessionId } from './session-store';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem, 429: ZProblem };

/** The stored key of the session this request came with, or null for an API token. */
const currentSessionHash = (request: FastifyRequest) => (request.authVia === 'session' ? hashSessionId(request.session.sessionId) : null);

/** What signed-in users do to their own account: their password and their sessions. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/me/password',
    {
      schema: {
        tags: ['identity'],
        summary: 'Change your own password',
        description:
          'Needs the current password; a wrong one counts as a failed sign-in (after 5 for the account, or 20 from the address, within 15 minutes: 429 ' +
          'with Retry-After). The new password follows the rules of user creation. Your other sessions end, this one is kept, and your API tokens ' +
          'are revoked. Only with a session: an API token cannot change the password.',
        body: ZPasswordChange,
        response: { 200: ZPasswordChanged, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const sessionHash = currentSessionHash(request);
      if (!sessionHash) throw new AppError('forbidden', 'An API token cannot change the password; sign in to change it.');
      return changeOwnPassword(app.db, actor, request.body, { sessionHash, address: request.ip }, auditContextOf(request));
    },
  );

  app.get(
    '/me/sessions',
    {
      schema: {
        tags: ['identity'],
        summary: 'Your active sessions, newest sign-in first',
        description: 'The session of this request is marked `current`.',
        querystring: ZPageQuery,
        response: { 200: ZPage(ZActiveSession), ...problems },
      },
    },
    async (request) => listOwnSessions(app.db, actorOf(request), request.query, currentSessionHash(request)),
  );

  app.delete(
    '/me/sessions/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'End one of your sessions',
        description: 'Ending the session of this request signs you out. Another user’s session does not exist for you (404).',
        params: z.object({ id: z.string().uuid('must be a session id') }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { current } = await revokeOwnSession(app.db, actor, request.params.id, currentSessionHash(request), auditContextOf(request));
      if (current) {
        await request.session.destroy();
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      return reply.code(204).send(null);
    },
  );
};
