import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Engagements, their readout comparison and follow-ups under /api/v1. */
export const engagementRoutes: FastifyPluginAsyncZod = async () => {};
