import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZInbox } from '../../shared/inbox';
import { ZProblem } from '../../shared/problem';
import { actorOf } from '../identity/authenticate';
import { buildInbox } from './inbox-queries';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/** The signed-in user's home: what needs them now. */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: 'What needs you now: records awaiting your decision, drafts returned to you, deadlines, follow-ups, notifications',
        description:
          'Computed for the signed-in user alone, under their scope and clearance: records awaiting their approval or verification (never their own), their drafts returned with the reason, their post’s next due dates, their open follow-ups, their unread notifications and, for bureau and headquarters readers, the posts overdue in their scope. A section that does not concern the role is null; each lists the first items with the total and the page of the full list.',
        response: { 200: ZInbox, ...problems },
      },
    },
    async (request) => buildInbox(app.db, actorOf(request), new Date()),
  );
};
