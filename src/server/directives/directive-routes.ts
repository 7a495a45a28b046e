import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Directives, talking points and TAGS under /api/v1. */
export const directiveRoutes: FastifyPluginAsyncZod = async () => {};
