import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZContact, ZContactInput, ZContactListQuery, ZContactMerge, ZContactUpdate } from '../../shared/engagements';
import { ZPage } from '../../shared/pagination';
import { ZProblem } from '../../shared/problem';
import { requirePermission } from '../identity/access-policy';
import { actorOf, auditContextOf } from '../identity/authenticate';
import { getContact, listContacts } from './contact-queries';
import { createContact } from './create-contact';
import { mergeContacts } from './merge-contacts';
import { updateContact } from './update-contact';

const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 409: ZProblem };
const ZContactParams = z.object({ id: z.string().uuid('must be a contact id') });

/** Contacts (interlocutors in an official capacity) under /api/v1. */
export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Contacts the viewer may see, by name',
        querystring: ZContactListQuery,
        response: { 200: ZPage(ZContact), ...problems },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return listContacts(app.db, request.query, actor);
    },
  );

  app.post(
    '/contacts',
    { schema: { tags: ['contacts'], summary: 'Record a contact for your home post', body: ZContactInput, response: { 201: ZContact, ...problems } } },
    async (request, reply) => reply.code(201).send(await createContact(app.db, request.body, auditContextOf(request), actorOf(request))),
  );

  app.get(
    '/contacts/:id',
    { schema: { tags: ['contacts'], summary: 'One contact', params: ZContactParams, response: { 200: ZContact, ...problems } } },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.read');
      return getContact(app.db, request.params.id, actor);
    },
  );

  app.patch(
    '/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Change a contact (the fields sent)',
        params: ZContactParams,
        body: ZContactUpdate,
        response: { 200: ZContact, ...problems },
      },
    },
    async (request) => updateContact(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );

  app.post(
    '/contacts/:id/merge',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Merge a duplicate into this contact',
        description: 'The duplicate’s engagements move to this contact and the duplicate disappears. Both must belong to the same post.',
        params: ZContactParams,
        body: ZContactMerge,
        response: { 200: ZContact, ...problems },
      },
    },
    async (request) => mergeContacts(app.db, request.params.id, request.body, auditContextOf(request), actorOf(request)),
  );
};
