import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZEvidence, ZEvidenceQuery, ZOffenceGroupList } from '../../shared/evidence';
import { ZProblem } from '../../shared/problem';
import { actorOf } from '../identity/authenticate';
import { requirePermission } from '../identity/access-policy';
import { getEvidence } from './evidence';
import { offenceGroups } from './offence-groups';

/** The evidence panel's data under /api/v1 (docs/evidence.md). */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Read and checked at start-up: a wrong docs/mappings/offence-groups.json stops the server, naming the field.
  const groups = offenceGroups();
  const tags = ['evidence'];
  app.get(
    '/evidence',
    {
      schema: {
        tags,
        summary: 'Official figures for both groups with their definitions, and the incidents posts reported, for a country',
        description:
          'For the offence group of `category` (all offences without one; docs/mappings/offence-groups.json): per source and definition set ' +
          '(series of different justice stage, group definition, standardisation, immigration-law offences or unit are never in one panel), ' +
          'both groups side by side with the same layout, ' +
          'a rate per 100,000 only where a population of the same group definition, year and residents is linked (else `rate.reason`), ' +
          'immigration-law offences excluded by default (`immigrationLaw=include` to include them), exactly where the source separates them ' +
          'and otherwise as a bounded range with its reason; warnings on definition mismatches and series breaks; every caveat and source. ' +
          '`reported` counts the incidents the reader may see, by legal status, verification and best source reliability: reported incidents, not a crime rate.',
        querystring: ZEvidenceQuery,
        response: { 200: ZEvidence, 400: ZProblem, 401: ZProblem, 403: ZProblem },
      },
    },
    async (request) => getEvidence(app.db, request.query, actorOf(request)),
  );

  app.get(
    '/evidence/offence-groups',
    {
      schema: {
        tags,
        summary: 'The offence groups of the evidence panel and the incident categories that map to them',
        response: { 200: ZOffenceGroupList, 401: ZProblem, 403: ZProblem },
      },
    },
    async (request) => {
      requirePermission(actorOf(request), 'records.read');
      return { items: groups.map(({ id, label, description, categories }) => ({ id, label, description, categories })) };
    },
  );
};
