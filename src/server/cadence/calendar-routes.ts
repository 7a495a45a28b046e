import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../http/app-error';
import { calendarFeed } from './calendar-feed';

/**
 * The iCal feed, outside /api/v1: calendar programs cannot sign in, so the secret in the URL
 * is the credential. An unknown or rotated secret answers 404.
 */
export const calendarFeedRoutes: FastifyPluginAsync = async (app) => {
  // No response schema: the body is iCalendar text, not JSON; errors are problem+json as everywhere.
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/calendar/:file',
    {
      schema: {
        tags: ['calendar'],
        summary: 'iCal feed at a secret URL (from POST /api/v1/calendar/rotate)',
        params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'is not a calendar feed') }),
        produces: ['text/calendar'],
      },
      // The secret is the path: the request log writes the route's pattern instead.
      config: { secretInPath: true },
    },
    async (request, reply) => {
      const feed = await calendarFeed(app.db, request.params.file.replace(/\.ics$/, ''), new Date());
      if (feed === undefined) throw AppError.notFound('Calendar feed');
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(feed);
    },
  );
};
