import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import {
  STATISTICS_UPLOAD_MAX_BYTES,
  ZStatistic,
  ZStatisticListQuery,
  ZStatisticsImportProblem,
  ZStatisticsImportReport,
  ZStatisticsImportRequest,
} from '../../shared/statistics';
import type { Database } from '../db/client';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { importStatistics, invalidStatisticsFile } from './import-statistics';
import { listStatistics } from './statistic-queries';

/** Base64 and JSON make the body larger than the file; the schema names the file's own limit. */
const BODY_LIMIT = Math.ceil(STATISTICS_UPLOAD_MAX_BYTES * 1.4) + 1_000_000;

/** Official statistics under /api/v1: the list with definitions, and the import of a publisher's table. */
export const statisticRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  const tags = ['statistics'];

  app.get(
    '/statistics',
    {
      schema: {
        tags,
        summary: 'Official figures, each with its definitions, source and caveats',
        description:
          'Every item is one figure (country, year, value) with its series: indicator, group and group definition, justice stage, ' +
          'whether immigration-law offences are included, standardisation, unit, the denominator it may be divided by (null: none is valid), ' +
          'series breaks, source, licence, retrieval date and caveats. `seriesBreak` is true when the figure is not comparable with the year before. ' +
          '`from` and `to` are inclusive years. Ordered by country, series key and year; docs/statistics.md describes the model.',
        querystring: ZStatisticListQuery,
        response: { 200: ZPage(ZStatistic), 400: ZProblem, 401: ZProblem },
      },
    },
    async (request) => listStatistics(app.db, request.query, actorOf(request)),
  );

  app.post(
    '/statistics/imports',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a publisher’s table (CSV or XLSX, gzipped or not) with its mapping, all or nothing',
        description:
          'The body carries the file base64-encoded and the mapping (docs/statistics.md; examples in docs/mappings/). Every row is checked first: ' +
          'any problem and nothing is written, and the 400 lists each (`rows` with row, column and message). Importing the same file again changes nothing; ' +
          'a file with corrected figures updates them (and the audit trail records each correction). `dryRun: true` reports what would change. ' +
          'Written: 201; nothing to write: 200. Headquarters analysts and administrators only.',
        body: ZStatisticsImportRequest,
        response: { 200: ZStatisticsImportReport, 201: ZStatisticsImportReport, 400: ZStatisticsImportProblem, 401: ZProblem, 403: ZProblem, 413: ZProblem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'statistics.import');
      const { fileName, content, mapping, dryRun } = request.body;
      const bytes = Buffer.from(content, 'base64');
      const report = await importStatistics(database, { bytes, fileName, mapping }, { actor, context: auditContextOf(request), dryRun });
      if (report.errors.length > 0) throw invalidStatisticsFile(report);
      const wrote = !dryRun && report.series.created + report.series.updated + report.values.created + report.values.updated > 0;
      return reply.code(wrote ? 201 : 200).send(report);
    },
  );
};
