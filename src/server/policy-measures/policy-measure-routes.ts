import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPage } from '../../shared/pagination';
import {
  ZPolicyArea,
  ZPolicyAreaInput,
  ZPolicyAreaUpdate,
  ZPolicyMeasure,
  ZPolicyMeasureInput,
  ZPolicyMeasureListQuery,
  ZPolicyMeasureSourceInput,
  ZPolicyMeasureStatusInput,
  ZPolicyMeasureSummary,
  ZPolicyMeasureUpdate,
} from '../../shared/policy-measures';
import { ZProblem } from '../../shared/problem';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { createMeasure } from './create-policy-measure';
import { createPolicyArea, listPolicyAreas, updatePolicyArea } from './policy-areas';
import { getMeasure, listMeasures } from './policy-measure-queries';
import { addMeasureSource, removeMeasureSource } from './policy-measure-sources';
import { setMeasureStatus, updateMeasure } from './update-policy-measure';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZMeasureParams = z.object({ id: z.string().uuid('must be a policy measure id') });
const ZSourceParams = ZMeasureParams.extend({ sourceId: z.string().uuid('must be a source id') });
const ZAreaParams = z.object({ code: z.string().max(64) });

/** Host-government laws and policies, their status history and sources, and the policy areas, under /api/v1. */
export const policyMeasureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['policy measures'];

  app.get(
    '/policy-measures',
    {
      schema: {
        tags,
        summary: 'Policy measures the viewer may see, the latest status change first',
        description:
          '`area`, `status` and `direction` take one value or several (comma-separated or repeated). `from` and `to` (inclusive dates) keep measures with a status change dated between them. `q` matches the title.',
        querystring: ZPolicyMeasureListQuery,
        response: { 200: ZPage(ZPolicyMeasureSummary), ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return listMeasures(app.db, request.query, actor);
    },
  );

  app.post(
    '/policy-measures',
    {
      schema: {
        tags,
        summary: 'Record a law or policy of your post’s country, with its status, date and at least one source',
        body: ZPolicyMeasureInput,
        response: { 201: ZPolicyMeasure, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(await createMeasure(app.db, request.body, auditContextOf(request), actorOf(request))),
  );

  app.get(
    '/policy-measures/:id',
    {
      schema: {
        tags,
        summary: 'One policy measure with its status history and sources',
        params: ZMeasureParams,
        response: { 200: ZPolicyMeasure, ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return getMeasure(app.db, request.params.id, actor);
    },
  );

  app.patch(
    '/policy-measures/:id',
    {
      schema: {
        tags,
        summary: 'Change the area, title, direction, summary or marking',
        params: ZMeasureParams,
        body: ZPolicyMeasureUpdate,
        response: { 200: ZPolicyMeasure, ...problems },
      },
    },
    async (request) => updateMeasure(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/policy-measures/:id/status',
    {
      schema: {
        tags,
        summary: 'Record the next status (adopted, in force, suspended, repealed…) with the date it took effect',
        params: ZMeasureParams,
        body: ZPolicyMeasureStatusInput,
        response: { 200: ZPolicyMeasure, ...problems },
      },
    },
    async (request) => setMeasureStatus(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/policy-measures/:id/sources',
    { schema: { tags, summary: 'Add a source', params: ZMeasureParams, body: ZPolicyMeasureSourceInput, response: { 200: ZPolicyMeasure, ...problems } } },
    async (request) => addMeasureSource(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.delete(
    '/policy-measures/:id/sources/:sourceId',
    { schema: { tags, summary: 'Remove a source (never the last one)', params: ZSourceParams, response: { 200: ZPolicyMeasure, ...problems } } },
    async (request) => removeMeasureSource(app.db, request.params.id, request.params.sourceId, auditContextOf(request), actorOf(request)),
  );

  app.get(
    '/policy-areas',
    {
      schema: { tags, summary: 'The policy areas, in order (retired ones marked)', response: { 200: z.object({ items: z.array(ZPolicyArea) }), ...problems } },
    },
    async (request) => {
      actorOf(request);
      return listPolicyAreas(app.db);
    },
  );

  app.post(
    '/policy-areas',
    { schema: { tags, summary: 'Add a policy area (administrators)', body: ZPolicyAreaInput, response: { 201: ZPolicyArea, ...problems } } },
    async (request, reply) => reply.code(201).send(await createPolicyArea(app.db, request.body, auditContextOf(request), actorOf(request))),
  );

  app.patch(
    '/policy-areas/:code',
    {
      schema: {
        tags,
        summary: 'Rename, describe or retire a policy area (administrators)',
        params: ZAreaParams,
        body: ZPolicyAreaUpdate,
        response: { 200: ZPolicyArea, ...problems },
      },
    },
    async (request) => updatePolicyArea(app.db, request.params.code, request.body, auditContextOf(request), actorOf(request)),
  );
};
