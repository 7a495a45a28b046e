import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZNotification } from '../../shared/notifications';
import { ZPage, ZPageQuery } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { recordAudit } from '../audit/record-audit';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { listNotifications, markAllRead, markRead, unreadCount } from './notification-queries';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/**
 * The reader's own notifications, composed when read; only those about records the reader
 * may still see are listed, counted or marked.
 */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first',
        querystring: ZPageQuery.extend({
          unread: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: { 200: ZPage(ZNotification), ...problems },
      },
    },
    async (request) => listNotifications(app.db, actorOf(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of your notifications are unread',
        response: { 200: z.object({ count: z.number().int() }), ...problems },
      },
    },
    async (request) => ({ count: await unreadCount(app.db, actorOf(request)) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notifications read',
        params: z.object({ id: z.string().uuid('must be a notification id') }),
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await app.db.transaction(async (tx) => {
        await markRead(tx, actor, request.params.id);
        await recordAudit(tx, auditContextOf(request), {
          action: 'notification.read',
          recordType: 'notification',
          recordId: request.params.id,
          change: { read: { from: false, to: true } },
          classification: 'U',
        });
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: { tags: ['notifications'], summary: 'Mark all your notifications read', response: { 200: z.object({ updated: z.number().int() }), ...problems } },
    },
    async (request) => {
      const actor = actorOf(request);
      return app.db.transaction(async (tx) => {
        const updated = await markAllRead(tx, actor);
        await recordAudit(tx, auditContextOf(request), {
          action: 'notification.read_all',
          recordType: 'user',
          recordId: actor.id,
          change: { updated },
          classification: 'U',
        });
        return { updated };
      });
    },
  );
};
