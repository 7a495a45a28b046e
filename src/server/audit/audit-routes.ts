import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditEvent, ZAuditQuery } from '../../shared/audit';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { requirePermission } from '../identity/access-policy';
import { actorOf } from '../identity/authenticate';
import { listAuditEvents } from './audit-queries';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first (administrators)',
        querystring: ZAuditQuery,
        response: { 200: ZPage(ZAuditEvent), 400: ZProblem, 401: ZProblem, 403: ZProblem },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'audit.read');
      return listAuditEvents(app.db, request.query, actor);
    },
  );
};
