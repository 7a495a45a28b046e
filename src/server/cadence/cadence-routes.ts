import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Cadence compliance, talking-point coverage, notifications and the calendar feed. */
export const cadenceRoutes: FastifyPluginAsyncZod = async () => {};
