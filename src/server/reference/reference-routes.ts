import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { ZBureau, ZCountry, ZPost } from '../../shared/reference';
import { ZCountryListQuery, ZCountryParams, ZPostListQuery, ZPostOverview, ZPostParams, ZPostStaff } from '../../shared/reference-api';
import { AppError } from '../http/app-error';
import { actorOf } from '../identity/authenticate';
import { postOverview } from './post-overview';
import { getCountry, getPost, listBureaus, listCountries, listPosts, listPostStaff } from './reference-queries';

/** Reference data is read-only through the API; it changes by seed and import only. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/bureaus',
    {
      schema: {
        tags: ['reference'],
        summary: 'Regional bureaus with their number of countries and posts',
        response: { 200: ZPage(ZBureau) },
      },
    },
    async () => listBureaus(app.db),
  );

  app.get(
    '/countries',
    {
      schema: {
        tags: ['reference'],
        summary: 'Countries (ISO 3166-1), ordered by alpha-2 code',
        querystring: ZCountryListQuery,
        response: { 200: ZPage(ZCountry), 400: ZProblem },
      },
    },
    async (request) => listCountries(app.db, request.query),
  );

  app.get(
    '/countries/:code',
    {
      schema: {
        tags: ['reference'],
        summary: 'One country by alpha-2 or alpha-3 code',
        params: ZCountryParams,
        response: { 200: ZCountry, 400: ZProblem, 404: ZProblem },
      },
    },
    async (request) => {
      const country = await getCountry(app.db, request.params.code);
      if (!country) throw AppError.notFound(`Country ${request.params.code}`);
      return country;
    },
  );

  app.get(
    '/posts',
    {
      schema: {
        tags: ['reference'],
        summary: 'Posts (embassies, consulates, missions), ordered by code',
        description: '`q` finds posts by part of their name, city, country name or code, in any case; `%` and `_` match themselves.',
        querystring: ZPostListQuery,
        response: { 200: ZPage(ZPost), 400: ZProblem },
      },
    },
    async (request) => listPosts(app.db, request.query),
  );

  app.get(
    '/posts/:code',
    {
      schema: {
        tags: ['reference'],
        summary: 'One post by its code',
        params: ZPostParams,
        response: { 200: ZPost, 404: ZProblem },
      },
    },
    async (request) => {
      const post = await getPost(app.db, request.params.code);
      if (!post) throw AppError.notFound(`Post ${request.params.code}`);
      return post;
    },
  );

  app.get(
    '/posts/:code/overview',
    {
      schema: {
        tags: ['reference'],
        summary: 'A post’s page for you: the post, which of its record sections you may read, and its deadlines under each directive',
        description:
          'Sections are those of the post’s records you may read (your role and scope); outside them the post has no engagements, deadlines, contacts or incidents for you. The deadlines are the cadence report’s rows for this post: only approved engagements you may see count.',
        params: ZPostParams,
        response: { 200: ZPostOverview, 400: ZProblem, 404: ZProblem },
      },
    },
    async (request) => postOverview(app.db, actorOf(request), request.params.code, new Date()),
  );

  app.get(
    '/posts/:code/staff',
    {
      schema: {
        tags: ['reference'],
        summary: 'The people of a post, to name as present at an engagement or give a follow-up to',
        description: 'Enabled users whose home post this is, by name. Only the post’s own officers and approvers, and administrators, may list them.',
        params: ZPostParams,
        response: { 200: ZPostStaff, 400: ZProblem, 403: ZProblem, 404: ZProblem },
      },
    },
    async (request) => listPostStaff(app.db, actorOf(request), request.params.code),
  );
};
