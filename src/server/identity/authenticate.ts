import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import fastifyCsrf from '@fastify/csrf-protection';
import fp from 'fastify-plugin';
import type { AuditContext } from '../audit/audit-context';
import { AppError } from '../http/app-error';
import { loadActor, type Actor } from './actor';
import { resolveApiToken } from './api-tokens';
import { ABSOLUTE_LIFETIME_MS, DatabaseSessionStore } from './session-store';
import { warnOnUntrustedForwarding } from './trusted-proxies';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null on public routes. */
    actor: Actor | null;
    authVia: 'session' | 'token' | null;
    tokenId: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, docs, sign-in itself). */
    public?: boolean;
    /** Skip the CSRF check (only sign-in, which has no session yet). */
    csrf?: boolean;
  }
  interface FastifyInstance {
    sessionStore: DatabaseSessionStore;
  }
}

const API_PREFIX = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const SESSION_COOKIE = 'demarche_session';

/** The signed-in actor of a route that requires one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first.');
  return request.actor;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  const actor = request.actor;
  return {
    actor: actor ? { id: actor.id, email: actor.email } : null,
    via: request.authVia ?? 'session',
    address: request.ip,
    ...(request.tokenId ? { tokenId: request.tokenId } : {}),
  };
}

/**
 * Who is asking: a Bearer API token, or the session cookie. Every route requires one unless
 * its config says `public: true`; cookie-authenticated writes must carry the CSRF token.
 */
export const authentication = fp(
  async (app: FastifyInstance, options: { sessionSecret: string }) => {
    const store = new DatabaseSessionStore(app.db);
    app.decorate('sessionStore', store);
    app.decorateRequest('actor', null);
    app.decorateRequest('authVia', null);
    app.decorateRequest('tokenId', null);
    // Client addresses key the sign-in limits and the audit: say so when they cannot be right.
    warnOnUntrustedForwarding(app);

    await app.register(fastifyCookie);
    await app.register(fastifySession, {
      secret: options.sessionSecret,
      cookieName: SESSION_COOKIE,
      store,
      saveUninitialized: false,
      // Not rolling: the idle timeout is kept in the database (the store), so the cookie need
      // not be rewritten, nor the session saved, on every request.
      rolling: false,
      // Over HTTPS the cookie is Secure and SameSite=Strict; over plain HTTP (a workstation)
      // the session library lowers it to SameSite=Lax, and the CSRF token still guards writes.
      cookie: { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/', maxAge: ABSOLUTE_LIFETIME_MS },
    });
    await app.register(fastifyCsrf, {
      sessionPlugin: '@fastify/session',
      getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
    });

    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(header);
        const resolved = match?.[1] ? await resolveApiToken(app.db, match[1]) : undefined;
        const actor = resolved ? await loadActor(app.db, resolved.userId) : undefined;
        if (!resolved || !actor || actor.disabled) {
          throw new AppError('unauthenticated', 'The API token is invalid, expired or revoked.');
        }
        request.actor = actor;
        request.authVia = 'token';
        request.tokenId = resolved.tokenId;
      } else if (request.session?.userId) {
        // Read with the session by the store, in the same query; loaded again only when not.
        const loaded = store.takeActor(request.session.sessionId);
        const actor = loaded?.id === request.session.userId ? loaded : await loadActor(app.db, request.session.userId);
        if (actor && !actor.disabled) {
          request.actor = actor;
          request.authVia = 'session';
        }
      }
      // The API under /api/v1 requires sign-in; health, docs and the web app's files do not.
      // Unknown paths stay 404 for everyone, so only registered routes ask for sign-in.
      const url = request.routeOptions.url;
      if (!request.actor && url?.startsWith(API_PREFIX) && !request.routeOptions.config.public) {
        throw new AppError('unauthenticated', 'Sign in first (POST /api/v1/session) or send an API token.');
      }
    });

    app.addHook('preHandler', (request, reply, done) => {
      if (request.authVia !== 'session' || SAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) {
        done();
        return;
      }
      app.csrfProtection(request, reply, done);
    });
  },
  { name: 'authentication', dependencies: [] },
);
