import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZEngagement, ZEngagementInput, ZEngagementListQuery, ZEngagementSummary, ZEngagementUpdate, ZReadoutComparison } from '../../shared/engagements';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { ZActivity, ZActivityItem, ZCommentInput, ZReturnInput } from '../../shared/workflow';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { createEngagement } from './create-engagement';
import { getEngagement, listEngagements } from './engagement-queries';
import { commentOnEngagement, engagementActivity } from './engagement-activity';
import { approveEngagement, returnEngagement, submitEngagement } from './engagement-workflow';
import { getReadoutComparison } from './readout-comparison';
import { updateEngagement } from './update-engagement';
import { updateFollowUp } from './update-follow-up';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZEngagementParams = z.object({ id: z.string().uuid('must be an engagement id') });
const ZFollowUpParams = ZEngagementParams.extend({ followUpId: z.string().uuid('must be a follow-up id') });
// Fastify gives a request without a body as null; the command then names the missing reason.
const ZReturnBody = ZReturnInput.nullable();
const ZFollowUpUpdate = z.object({ done: z.boolean({ error: 'must be true or false' }) });

/** Engagements, their readout comparison and follow-ups under /api/v1. */
export const engagementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/engagements',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Engagements the viewer may see, newest first',
        description: '`from` and `to` are inclusive dates (UTC). Drafts appear only to their post’s officers and approvers.',
        querystring: ZEngagementListQuery,
        response: { 200: ZPage(ZEngagementSummary), ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return listEngagements(app.db, request.query, actor);
    },
  );

  app.post(
    '/engagements',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Record an engagement (a draft at your home post)',
        body: ZEngagementInput,
        response: { 201: ZEngagement, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await createEngagement(app.db, request.body, auditContextOf(request), actorOf(request))),
  );

  app.get(
    '/engagements/:id',
    { schema: { tags: ['engagements'], summary: 'One engagement', params: ZEngagementParams, response: { 200: ZEngagement, ...problems } } },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return getEngagement(app.db, request.params.id, actor);
    },
  );

  app.patch(
    '/engagements/:id',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Change a draft (the fields sent; a list sent replaces the stored one)',
        params: ZEngagementParams,
        body: ZEngagementUpdate,
        response: { 200: ZEngagement, ...problems },
      },
    },
    async (request) => updateEngagement(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/engagements/:id/submit',
    { schema: { tags: ['engagements'], summary: 'Submit a draft for approval', params: ZEngagementParams, response: { 200: ZEngagement, ...problems } } },
    async (request) => submitEngagement(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/engagements/:id/approve',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Approve a submitted engagement (never your own draft)',
        params: ZEngagementParams,
        response: { 200: ZEngagement, ...problems },
      },
    },
    async (request) => approveEngagement(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/engagements/:id/return',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Return a submitted engagement to draft, saying why (`reason` is required)',
        params: ZEngagementParams,
        body: ZReturnBody,
        response: { 200: ZEngagement, ...problems },
      },
    },
    async (request) => returnEngagement(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.patch(
    '/engagements/:id/follow-ups/:followUpId',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Mark a follow-up done or not (approved engagements too)',
        params: ZFollowUpParams,
        body: ZFollowUpUpdate,
        response: { 200: ZEngagement, ...problems },
      },
    },
    async (request) => updateFollowUp(app.db, request.params.id, request.params.followUpId, request.body.done, auditContextOf(request), actorOf(request)),
  );

  app.get(
    '/engagements/:id/comparison',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Our readout beside the counterpart’s account',
        description: 'Sentences of each side that the other does not echo, and delivered points the counterpart’s account does not mention.',
        params: ZEngagementParams,
        response: { 200: ZReadoutComparison, ...problems },
      },
    },
    async (request) => getReadoutComparison(app.db, request.params.id, actorOf(request)),
  );

  app.get(
    '/engagements/:id/activity',
    {
      schema: {
        tags: ['engagements'],
        summary:
          'The engagement’s timeline, oldest first: created, edited (who and which fields), submitted, returned (with the reason), approved, and comments',
        params: ZEngagementParams,
        response: { 200: ZActivity, ...problems },
      },
    },
    async (request) => engagementActivity(app.db, request.params.id, actorOf(request)),
  );

  app.post(
    '/engagements/:id/comments',
    {
      schema: {
        tags: ['engagements'],
        summary: 'Comment on an engagement you may read (the comment takes its marking)',
        params: ZEngagementParams,
        body: ZCommentInput,
        response: { 201: ZActivityItem, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await commentOnEngagement(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request))),
  );
};
