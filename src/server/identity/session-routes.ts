import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZMe, ZSignIn, ZToken, ZTokenCreate, ZTokenCreated } from '../../shared/identity';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../http/app-error';
import { requirePermission } from './access-policy';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import { actorOf, auditContextOf } from './authenticate';
import { presentMe } from './me-presenter';
import { signIn } from './sign-in';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 429: ZProblem };

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/session',
    {
      config: { public: true, csrf: false },
      schema: {
        tags: ['identity'],
        summary: 'Sign in; sets the session cookie',
        description: 'The same 401 answers an unknown email, a wrong password and a disabled account. Repeated failures answer 429 with Retry-After.',
        body: ZSignIn,
        response: { 200: ZMe, ...problems },
      },
    },
    async (request, reply) => {
      const actor = await signIn(app.db, request.body, request.ip);
      // A new session id at sign-in: a session id planted before sign-in is worthless.
      await request.session.regenerate();
      request.session.userId = actor.id;
      request.session.signedInAt = Date.now();
      await app.sessionStore.create(request.session.sessionId, request.session, { address: request.ip, userAgent: request.headers['user-agent'] });
      request.actor = actor;
      request.authVia = 'session';
      return presentMe(actor, request, reply);
    },
  );

  app.delete('/session', { schema: { tags: ['identity'], summary: 'Sign out', response: { 204: z.null(), ...problems } } }, async (request, reply) => {
    const actor = actorOf(request);
    if (request.authVia !== 'session') throw new AppError('validation', 'Sign-out ends a cookie session; revoke an API token instead.');
    await app.db.transaction((tx) =>
      recordAudit(tx, auditContextOf(request), {
        action: 'session.signed_out',
        recordType: 'user',
        recordId: actor.id,
        change: { session: 'ended' },
        classification: 'U',
      }),
    );
    await request.session.destroy();
    void reply.clearCookie('demarche_session', { path: '/' });
    return reply.code(204).send(null);
  });

  app.get(
    '/me',
    { schema: { tags: ['identity'], summary: 'The signed-in user, permissions and CSRF token', response: { 200: ZMe, ...problems } } },
    async (request, reply) => presentMe(actorOf(request), request, reply),
  );

  app.get('/tokens', { schema: { tags: ['identity'], summary: 'Your API tokens', response: { 200: ZPage(ZToken), ...problems } } }, async (request) => {
    const actor = actorOf(request);
    requirePermission(actor, 'tokens.manage');
    return listApiTokens(app.db, actor);
  });

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['identity'],
        summary: 'Create an API token (the secret is shown once)',
        body: ZTokenCreate,
        response: { 201: ZTokenCreated, ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'tokens.manage');
      if (request.authVia === 'token') {
        throw new AppError('forbidden', 'An API token cannot create tokens; sign in to create one.');
      }
      const created = await createApiToken(app.db, actor, request.body, auditContextOf(request));
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'Revoke one of your API tokens',
        params: z.object({ id: z.string().uuid('must be a token id') }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'tokens.manage');
      await revokeApiToken(app.db, actor, request.params.id, auditContextOf(request));
      return reply.code(204).send(null);
    },
  );
};
