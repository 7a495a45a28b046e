import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TMe } from '../../shared/identity';
import type { Db } from '../db/client';
import { AppError } from '../http/app-error';
import type { Actor } from './actor';
import { permissionsFor } from './access-policy';
import { ABSOLUTE_LIFETIME_MS } from './session-store';
import { getUser } from './user-queries';

export async function presentMe(db: Db, actor: Actor, request: FastifyRequest, reply: FastifyReply): Promise<TMe> {
  const user = await getUser(db, actor.id, actor);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
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
