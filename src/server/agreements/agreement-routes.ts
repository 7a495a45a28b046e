import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAgreement,
  ZAgreementInput,
  ZAgreementListQuery,
  ZAgreementPage,
  ZAgreementSourceInput,
  ZAgreementUpdate,
  ZStageChange,
  ZStageMove,
  ZStageProblem,
} from '../../shared/agreements';
import { ZProblem } from '../../shared/problem';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { addAgreementSource, removeAgreementSource } from './agreement-sources';
import { getAgreement, getHistory, listAgreements } from './agreement-queries';
import { createAgreement } from './create-agreement';
import { moveAgreementStage } from './move-agreement-stage';
import { updateAgreement } from './update-agreement';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZAgreementParams = z.object({ id: z.string().uuid('must be an agreement id') });
const ZSourceParams = ZAgreementParams.extend({ sourceId: z.string().uuid('must be a source id') });

export interface AgreementRouteOptions {
  /** ISO alpha-2 code of the home country: distances are measured from its capital. */
  homeCountry: string;
}

/** Third-country agreements, their stages, history and sources under /api/v1. */
export const agreementRoutes: FastifyPluginAsyncZod<AgreementRouteOptions> = async (app, options) => {
  const tags = ['agreements'];
  const { homeCountry } = options;

  app.get(
    '/agreements',
    {
      schema: {
        tags,
        summary: 'Agreements the viewer may see, filtered and sorted',
        description:
          '`stage` and `type` take one value or several (comma-separated). `sort` is updated (newest first), distance (great-circle km from the home capital, ' +
          'nearest first), stage (pipeline order) or country (name); `order` reverses it. Agreements without a distance come last. `home` names the capital distances are measured from.',
        querystring: ZAgreementListQuery,
        response: { 200: ZAgreementPage, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return listAgreements(app.db, request.query, actor, homeCountry);
    },
  );

  app.post(
    '/agreements',
    {
      schema: {
        tags,
        summary: 'Record an agreement under outreach (headquarters analysts and directive authors)',
        body: ZAgreementInput,
        response: { 201: ZAgreement, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await createAgreement(app.db, request.body, auditContextOf(request), actorOf(request), homeCountry)),
  );

  app.get(
    '/agreements/:id',
    {
      schema: {
        tags,
        summary: 'One agreement, with its terms, history, linked engagements and sources',
        params: ZAgreementParams,
        response: { 200: ZAgreement, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return getAgreement(app.db, request.params.id, actor, homeCountry);
    },
  );

  app.patch(
    '/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Change an agreement’s type, terms, notes, marking or linked engagements (the fields sent); the stage moves through /stage',
        params: ZAgreementParams,
        body: ZAgreementUpdate,
        response: { 200: ZAgreement, ...problems },
      },
    },
    async (request) => updateAgreement(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request), homeCountry),
  );

  app.post(
    '/agreements/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move an agreement to another stage, with an optional note and day (today, UTC, by default)',
        description:
          'Allowed: one step forward; one step back before signature; declined from any stage before in force; suspended from any stage of the pipeline; ' +
          'from declined or suspended, back to the stage it stopped at. Any other move is a 409 naming the stage and the allowed ones (`allowedStages`).',
        params: ZAgreementParams,
        body: ZStageMove,
        response: { 200: ZAgreement, ...problems, 409: ZStageProblem },
      },
    },
    async (request) => moveAgreementStage(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request), homeCountry),
  );

  app.get(
    '/agreements/:id/history',
    {
      schema: {
        tags,
        summary: 'The agreement’s changes of stage, oldest first: from, to, day, note, who and when',
        params: ZAgreementParams,
        response: { 200: z.array(ZStageChange), ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return getHistory(app.db, request.params.id, actor, homeCountry);
    },
  );

  app.post(
    '/agreements/:id/sources',
    {
      schema: {
        tags,
        summary: 'Add a source (a document, a report)',
        params: ZAgreementParams,
        body: ZAgreementSourceInput,
        response: { 200: ZAgreement, ...problems },
      },
    },
    async (request) => addAgreementSource(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request), homeCountry),
  );

  app.delete(
    '/agreements/:id/sources/:sourceId',
    { schema: { tags, summary: 'Remove a source', params: ZSourceParams, response: { 200: ZAgreement, ...problems } } },
    async (request) => removeAgreementSource(app.db, request.params.id, request.params.sourceId, auditContextOf(request), actorOf(request), homeCountry),
  );
};
