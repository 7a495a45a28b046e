import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TMe } from '../../shared/identity';
import type { Actor } from './actor';
import { permissionsFor } from './access-policy';
import { ABSOLUTE_LIFETIME_MS } from './session-store';
import { presentUser } from './user-presenter';

/**
 * The signed-in user as this request's authentication loaded them (with the session, in one
 * query): every page asks for it, so it reads nothing more.
 */
export function presentMe(actor: Actor, request: FastifyRequest, reply: FastifyReply): TMe {
  const user = presentUser({ ...actor, userBureau: actor.bureauCode, postBureau: null }, actor);
  const viaSession = request.authVia === 'session';
  const signedInAt = request.session.signedInAt;
  return {
    user,
    permissions: permissionsFor(actor.role),
    // Token clients need no CSRF token; asking for one would create a session for them.
    csrfToken: viaSession ? reply.generateCsrf() : '',
    sessionExpiresAt: viaSession && signedInAt ? new Date(signedInAt + ABSOLUTE_LIFETIME_MS).toISOString() : null,
  };
}
