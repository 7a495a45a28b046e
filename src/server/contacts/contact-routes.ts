import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Contacts (interlocutors in an official capacity) under /api/v1. */
export const contactRoutes: FastifyPluginAsyncZod = async () => {};
