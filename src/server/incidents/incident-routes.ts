import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkDateRange } from '../../shared/dates';
import {
  ZDuplicateCandidate,
  ZIncident,
  ZIncidentCategory,
  ZIncidentCategoryInput,
  ZIncidentCheck,
  ZIncidentCheckInput,
  ZIncidentInput,
  ZIncidentListFields,
  ZIncidentListQuery,
  ZIncidentMap,
  ZIncidentSourceInput,
  ZIncidentSummary,
  ZIncidentUpdate,
  ZLegalStatusInput,
  ZRevision,
} from '../../shared/incidents';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { ZActivity, ZActivityItem, ZCommentInput, ZReturnInput } from '../../shared/workflow';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { addComment } from '../workflow/comments';
import { loadActivity } from '../workflow/record-activity';
import { createIncident } from './create-incident';
import { createCategory, listCategories, updateCategory, ZCategoryUpdate } from './incident-categories';
import { checkIncident, dismissDuplicate, listDuplicates } from './incident-duplicates';
import { exportIncidentsCsv, exportIncidentsGeoJson } from './incident-export';
import { incidentMap } from './incident-map';
import { assertIncidentAction } from './incident-policy';
import { findIncidentSubject, getIncident, listIncidents } from './incident-queries';
import { listRevisions } from './incident-revisions';
import { addIncidentSource, removeIncidentSource } from './incident-sources';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';
import { rejectIncident, returnIncident, submitIncident, verifyIncident } from './incident-workflow';
import { mergeIncident, unmergeIncident, ZMergeInput } from './merge-incidents';
import { setLegalStatus } from './set-legal-status';
import { updateIncident } from './update-incident';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZIncidentParams = z.object({ id: z.string().uuid('must be an incident id') });
const ZSourceParams = ZIncidentParams.extend({ sourceId: z.string().uuid('must be a source id') });
const ZCandidateParams = ZIncidentParams.extend({ candidateId: z.string().uuid('must be an incident id') });
const ZCategoryParams = z.object({ code: z.string().max(64) });
// Fastify gives a request without a body as null; the command then names the missing reason.
const ZReasonBody = ZReturnInput.nullable();
const ZMapQuery = ZIncidentListFields.omit({ limit: true, cursor: true, format: true }).superRefine(checkDateRange);

/** Incidents, their sources, legal status, workflow, duplicates and merges under /api/v1. */
export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['incidents'];

  app.get(
    '/incidents',
    {
      schema: {
        tags,
        summary: 'Incidents the viewer may see, newest first (merged ones are represented by their survivor)',
        description:
          '`from` and `to` are inclusive dates. `category`, `legalStatus`, `suspectStatus` and `status` take one value or several (comma-separated or repeated). ' +
          '`reliability=B` keeps incidents with at least one source rated A or B. `format=csv` or `format=geojson` downloads every matching incident (no paging); ' +
          'every format carries the legal status with its label. Drafts appear only to their post’s officers and approvers.',
        querystring: ZIncidentListQuery,
        response: { 200: ZPage(ZIncidentSummary), ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      const query = request.query;
      // Streams skip the response schema: the export is written as it is read, a batch at a time.
      if (query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="incidents.csv"')
          .send(exportIncidentsCsv(app.db, query, actor) as never);
      }
      if (query.format === 'geojson') {
        return reply
          .type('application/geo+json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="incidents.geojson"')
          .send(exportIncidentsGeoJson(app.db, query, actor) as never);
      }
      return listIncidents(app.db, query, actor);
    },
  );

  app.get(
    '/incidents/map',
    {
      schema: {
        tags,
        summary: 'Reported incidents by place, with their legal statuses: counts, not a crime rate',
        querystring: ZMapQuery,
        response: { 200: ZIncidentMap, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return incidentMap(app.db, request.query, actor);
    },
  );

  app.post(
    '/incidents/check',
    {
      schema: {
        tags,
        summary: 'Before saving: personal identifiers in the text, and incidents you may see that may be the same event',
        body: ZIncidentCheckInput,
        response: { 200: ZIncidentCheck, ...problems },
      },
    },
    async (request) => checkIncident(app.db, request.body, actorOf(request)),
  );

  app.post(
    '/incidents',
    {
      schema: {
        tags,
        summary: 'File an incident (a draft at your home post), with at least one source',
        description:
          'The summary and place name are checked for personal names, e-mail addresses, phone numbers and identity-document numbers first: a hit is a 400 whose `spans` list each one. ' +
          'A public official named in their official role is let through when the name is in `allowedNames`.',
        body: ZIncidentInput,
        response: { 201: ZIncident, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await createIncident(app.db, request.body, auditContextOf(request), actorOf(request))),
  );

  app.get(
    '/incidents/:id',
    { schema: { tags, summary: 'One incident', params: ZIncidentParams, response: { 200: ZIncident, ...problems } } },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return getIncident(app.db, request.params.id, actor);
    },
  );

  app.patch(
    '/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft or a verified incident (the fields sent); each change is kept as a revision',
        params: ZIncidentParams,
        body: ZIncidentUpdate,
        response: { 200: ZIncident, ...problems },
      },
    },
    async (request) => updateIncident(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/incidents/:id/sources',
    { schema: { tags, summary: 'Add a source', params: ZIncidentParams, body: ZIncidentSourceInput, response: { 200: ZIncident, ...problems } } },
    async (request) => addIncidentSource(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.delete(
    '/incidents/:id/sources/:sourceId',
    {
      schema: {
        tags,
        summary: 'Remove a source (never the last one, nor one that states a legal-status step)',
        params: ZSourceParams,
        response: { 200: ZIncident, ...problems },
      },
    },
    async (request) => removeIncidentSource(app.db, request.params.id, request.params.sourceId, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/incidents/:id/legal-status',
    {
      schema: {
        tags,
        summary: 'Record the next legal-status step with its date and the source that states it',
        params: ZIncidentParams,
        body: ZLegalStatusInput,
        response: { 200: ZIncident, ...problems },
      },
    },
    async (request) => setLegalStatus(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/incidents/:id/submit',
    { schema: { tags, summary: 'Submit a draft for verification', params: ZIncidentParams, response: { 200: ZIncident, ...problems } } },
    async (request) => submitIncident(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/incidents/:id/verify',
    {
      schema: {
        tags,
        summary: 'Verify a submitted incident (never one you wrote, edited or merged into)',
        params: ZIncidentParams,
        response: { 200: ZIncident, ...problems },
      },
    },
    async (request) => verifyIncident(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/incidents/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted incident to draft, saying why',
        params: ZIncidentParams,
        body: ZReasonBody,
        response: { 200: ZIncident, ...problems },
      },
    },
    async (request) => returnIncident(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/incidents/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a submitted incident, saying why (it is kept, frozen)',
        params: ZIncidentParams,
        body: ZReasonBody,
        response: { 200: ZIncident, ...problems },
      },
    },
    async (request) => rejectIncident(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.get(
    '/incidents/:id/revisions',
    {
      schema: {
        tags,
        summary: 'What changed, by whom and when (this incident’s and those merged into it)',
        params: ZIncidentParams,
        response: { 200: z.object({ items: z.array(ZRevision) }), ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return listRevisions(app.db, request.params.id, actor);
    },
  );

  app.get(
    '/incidents/:id/activity',
    { schema: { tags, summary: 'The incident’s timeline and comments, oldest first', params: ZIncidentParams, response: { 200: ZActivity, ...problems } } },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      await findIncidentSubject(app.db, request.params.id, actor);
      return { items: await loadActivity(app.db, INCIDENT_WORKFLOW.recordType, request.params.id) };
    },
  );

  app.post(
    '/incidents/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on an incident you may read (the comment takes its marking)',
        params: ZIncidentParams,
        body: ZCommentInput,
        response: { 201: ZActivityItem, ...problems },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      const incident = await findIncidentSubject(app.db, request.params.id, actor);
      assertIncidentAction(actor, incident, 'comment');
      const item = await addComment(app.db, { workflow: INCIDENT_WORKFLOW, record: incident, actor, input: request.body, context: auditContextOf(request) });
      return reply.code(201).send(item);
    },
  );

  app.get(
    '/incidents/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Incidents you may see that may describe the same event',
        params: ZIncidentParams,
        response: { 200: z.object({ items: z.array(ZDuplicateCandidate) }), ...problems },
      },
    },
    async (request) => listDuplicates(app.db, request.params.id, actorOf(request)),
  );

  app.post(
    '/incidents/:id/duplicates/:candidateId/dismiss',
    { schema: { tags, summary: 'Mark a candidate as not the same event', params: ZCandidateParams, response: { 204: z.null(), ...problems } } },
    async (request, reply) => {
      await dismissDuplicate(app.db, request.params.id, request.params.candidateId, auditContextOf(request), actorOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/incidents/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge this incident into another (`into` survives with the sources of both); undo with /unmerge',
        params: ZIncidentParams,
        body: ZMergeInput,
        response: { 200: ZIncident, ...problems },
      },
    },
    async (request) => mergeIncident(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/incidents/:id/unmerge',
    { schema: { tags, summary: 'Undo the merge of this incident', params: ZIncidentParams, response: { 200: ZIncident, ...problems } } },
    async (request) => unmergeIncident(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.get(
    '/incident-categories',
    {
      schema: {
        tags,
        summary: 'The incident categories, in order (retired ones marked)',
        response: { 200: z.object({ items: z.array(ZIncidentCategory) }), ...problems },
      },
    },
    async (request) => {
      actorOf(request);
      return listCategories(app.db);
    },
  );

  app.post(
    '/incident-categories',
    { schema: { tags, summary: 'Add a category (administrators)', body: ZIncidentCategoryInput, response: { 201: ZIncidentCategory, ...problems } } },
    async (request, reply) => reply.code(201).send(await createCategory(app.db, request.body, auditContextOf(request), actorOf(request))),
  );

  app.patch(
    '/incident-categories/:code',
    {
      schema: {
        tags,
        summary: 'Rename, describe or retire a category (administrators)',
        params: ZCategoryParams,
        body: ZCategoryUpdate,
        response: { 200: ZIncidentCategory, ...problems },
      },
    },
    async (request) => updateCategory(app.db, request.params.code, request.body, auditContextOf(request), actorOf(request)),
  );
};
