import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAssessment,
  ZAssessmentChanges,
  ZAssessmentDeadlines,
  ZAssessmentInput,
  ZAssessmentListQuery,
  ZAssessmentMap,
  ZAssessmentMapQuery,
  ZAssessmentSummary,
  ZAssessmentTimeline,
  ZAssessmentUpdate,
  ZChangesQuery,
  ZEvidenceOptions,
  ZEvidenceOptionsQuery,
  ZTimelineQuery,
} from '../../shared/assessments';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { ZActivity, ZReturnInput } from '../../shared/workflow';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { loadActivity } from '../workflow/record-activity';
import { assessmentChanges } from './assessment-changes';
import { assessmentDeadlines } from './assessment-deadlines';
import { assessmentMap, assessmentTimeline } from './assessment-map';
import { findAssessmentSubject, getAssessment, listAssessments } from './assessment-queries';
import { ASSESSMENT_WORKFLOW } from './assessment-workflow-definition';
import { approveAssessment, returnAssessment, submitAssessment } from './assessment-workflow';
import { createAssessment } from './create-assessment';
import { evidenceOptions } from './evidence-options';
import { updateAssessment } from './update-assessment';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZAssessmentParams = z.object({ id: z.string().uuid('must be an assessment id') });
// Fastify gives a request without a body as null; the command then names the missing reason.
const ZReasonBody = ZReturnInput.nullable();

/** Periodic assessments of host governments, their workflow, the change view, the map and the deadlines, under /api/v1. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessments'];

  app.get(
    '/assessments',
    {
      schema: {
        tags,
        summary: 'Assessments the viewer may see, the latest period first',
        description: '`status` takes one value or several. Drafts appear only to their post’s officers and approvers.',
        querystring: ZAssessmentListQuery,
        response: { 200: ZPage(ZAssessmentSummary), ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return listAssessments(app.db, request.query, actor);
    },
  );

  app.post(
    '/assessments',
    {
      schema: {
        tags,
        summary: 'Start your post’s assessment of its country for a period (a draft, copied from the latest approved one)',
        description:
          '`period` defaults to the post’s last ended period (a quarter, or the period nearest to the assessment cadence of a directive naming the post for action). ' +
          'Scores, justifications, narrative and marking are copied from the latest approved assessment before it; the flag, its rationale and its evidence are not. ' +
          'Fields sent replace the copy’s. `flagged: true` needs `flagRationale` and at least one `evidence` link to a record you may see.',
        body: ZAssessmentInput,
        response: { 201: ZAssessment, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await createAssessment(app.db, request.body, auditContextOf(request), actorOf(request))),
  );

  app.get(
    '/assessments/changes',
    {
      schema: {
        tags,
        summary: 'What moved between two periods of a country, area by area, with the measures whose status changed in the later period',
        querystring: ZChangesQuery,
        response: { 200: ZAssessmentChanges, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return assessmentChanges(app.db, request.query, actor);
    },
  );

  app.get(
    '/assessments/evidence-options',
    {
      schema: {
        tags,
        summary: 'Records of one type you may link as an assessment’s evidence: of the country, matching `q`, the latest first',
        description:
          'Policy measures and incidents of the country, engagements of its posts, statistic series with figures for it; each under its own access rule, ' +
          'the same that checks the links an assessment saves. `q` searches titles, places, categories, readouts, indicators and publishers.',
        querystring: ZEvidenceOptionsQuery,
        response: { 200: ZEvidenceOptions, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return evidenceOptions(app.db, request.query, actor);
    },
  );

  app.get(
    '/assessments/map',
    {
      schema: {
        tags,
        summary: 'Per country, the latest approved assessment you may see: overall score (or one area’s with `area`) and flag',
        querystring: ZAssessmentMapQuery,
        response: { 200: ZAssessmentMap, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return assessmentMap(app.db, request.query, actor);
    },
  );

  app.get(
    '/assessments/timeline',
    {
      schema: {
        tags,
        summary: 'A country’s approved assessments over periods, with every area’s score',
        querystring: ZTimelineQuery,
        response: { 200: ZAssessmentTimeline, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return assessmentTimeline(app.db, request.query, actor);
    },
  );

  app.get(
    '/assessments/deadlines',
    {
      schema: {
        tags,
        summary: 'Assessments owed under directives with an assessment cadence, for the posts you read: due, overdue, submitted or approved',
        response: { 200: ZAssessmentDeadlines, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return assessmentDeadlines(app.db, actor);
    },
  );

  app.get(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: 'One assessment (evidence you may not see is left out)',
        params: ZAssessmentParams,
        response: { 200: ZAssessment, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return getAssessment(app.db, request.params.id, actor);
    },
  );

  app.patch(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft (the fields sent); an approved assessment is frozen',
        params: ZAssessmentParams,
        body: ZAssessmentUpdate,
        response: { 200: ZAssessment, ...problems },
      },
    },
    async (request) => updateAssessment(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/assessments/:id/submit',
    { schema: { tags, summary: 'Submit a draft for approval', params: ZAssessmentParams, response: { 200: ZAssessment, ...problems } } },
    async (request) => submitAssessment(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/assessments/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a submitted assessment (never one you wrote); it is frozen from then on',
        params: ZAssessmentParams,
        response: { 200: ZAssessment, ...problems },
      },
    },
    async (request) => approveAssessment(app.db, request.params.id, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/assessments/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted assessment to draft, saying why',
        params: ZAssessmentParams,
        body: ZReasonBody,
        response: { 200: ZAssessment, ...problems },
      },
    },
    async (request) => returnAssessment(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.get(
    '/assessments/:id/activity',
    { schema: { tags, summary: 'The assessment’s timeline, oldest first', params: ZAssessmentParams, response: { 200: ZActivity, ...problems } } },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      await findAssessmentSubject(app.db, request.params.id, actor);
      return { items: await loadActivity(app.db, ASSESSMENT_WORKFLOW.recordType, request.params.id) };
    },
  );
};
