import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealth } from '../../shared/health';
import { ZProblem } from '../../shared/problem';
import { ping } from '../db/client';
import { AppError } from './app-error';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness with a real database query',
        response: { 200: ZHealth, 503: ZProblem },
      },
    },
    async (request) => {
      try {
        await ping(app.db);
      } catch (error) {
        request.log.error({ err: error }, 'health check: database did not answer');
        throw new AppError('unavailable', 'The database did not answer.');
      }
      return { status: 'ok' as const, database: app.dbDriver };
    },
  );
};
