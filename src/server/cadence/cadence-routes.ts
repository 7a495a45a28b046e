import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCadenceQuery, ZCadenceReport, ZCoverage } from '../../shared/engagements';
import { ZProblem } from '../../shared/problem';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { cadenceReport } from './cadence-report';
import { calendarFeedInfo, rotateCalendarFeed } from './calendar-feed';
import { directiveCoverage } from './coverage-queries';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/** Cadence compliance, talking-point coverage and the calendar feed. */
export const cadenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cadence',
    {
      schema: {
        tags: ['cadence'],
        summary: 'Engagement cadence per issued directive and action post, with a posts × weeks heatmap',
        description:
          'Only approved engagements the viewer may see, dated between the directive’s issue and now, count. A post that never engaged is due at issue + cadence and overdue after it. Bureau analysts see their bureau, officers their post. With `directive`, the heatmap covers the weeks since its issue with each week’s status.',
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
