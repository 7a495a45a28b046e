import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCadenceQuery, ZCadenceReport, ZCoverage, ZNotification } from '../../shared/engagements';
import { ZPage, ZPageQuery } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { recordAudit } from '../audit/record-audit';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { cadenceReport } from './cadence-queries';
import { calendarFeedInfo, rotateCalendarFeed } from './calendar-feed';
import { directiveCoverage } from './coverage-queries';
import { listNotifications, markAllRead, markRead, unreadCount } from './notification-store';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/** Cadence compliance, talking-point coverage, notifications and the calendar feed. */
export const cadenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cadence',
    {
      schema: {
        tags: ['cadence'],
        summary: 'Engagement cadence per issued directive and action post, with a posts × weeks heatmap',
        description: 'Only approved engagements the viewer may see count. Bureau analysts see their bureau, officers their post.',
        querystring: ZCadenceQuery,
        response: { 200: ZCadenceReport, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return cadenceReport(app.db, actor, request.query, new Date());
    },
  );

  app.get(
    '/directives/:id/coverage',
    {
      schema: {
        tags: ['cadence'],
        summary: 'Per talking point: posts it applies to, posts that delivered it, and its reception',
        params: z.object({ id: z.string().uuid('must be a directive id') }),
        response: { 200: ZCoverage, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return directiveCoverage(app.db, actor, request.params.id);
    },
  );

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
    async (request) => listNotifications(app.db, actorOf(request).id, request.query),
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
    async (request) => ({ count: await unreadCount(app.db, actorOf(request).id) }),
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
        await markRead(tx, actor.id, request.params.id);
        await recordAudit(tx, auditContextOf(request), {
          action: 'notification.read',
          recordType: 'notification',
          recordId: request.params.id,
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
        const updated = await markAllRead(tx, actor.id);
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

  const ZFeed = z.object({ url: z.string().nullable(), rotatedAt: z.string().nullable() });
  app.get(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Whether you have a calendar feed (its URL is shown only when made)',
        response: { 200: ZFeed, ...problems },
      },
    },
    async (request) => calendarFeedInfo(app.db, actorOf(request)),
  );

  app.post(
    '/calendar/rotate',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Make a new secret iCal URL of your follow-ups and due dates; the old one stops working',
        response: { 200: ZFeed.extend({ url: z.string(), rotatedAt: z.string() }), ...problems },
      },
    },
    async (request) => rotateCalendarFeed(app.db, actorOf(request), `${request.protocol}://${request.host}`, auditContextOf(request)),
  );
};
