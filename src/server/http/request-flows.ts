import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { runAsQueryFlow } from '../db/query-turns';

const flowScope = Symbol('query flow scope');
type WithScope = FastifyRequest & { [flowScope]?: AsyncResource };

/**
 * Each request's statements are one flow at the embedded database (src/server/db/query-turns.ts),
 * so that a light request is not queued behind every statement of the heavy ones. The flow is
 * entered when the request arrives; the handler runs from the end of the request body, outside
 * that context, so it is entered again before validation (as @fastify/request-context does).
 */
export function registerRequestFlows(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    runAsQueryFlow(() => {
      const scope = new AsyncResource('demarche-request');
      (request as WithScope)[flowScope] = scope;
      scope.runInAsyncScope(done);
    });
  });
  app.addHook('preValidation', (request, _reply, done) => {
    const scope = (request as WithScope)[flowScope];
    if (scope) scope.runInAsyncScope(done);
    else done();
  });
}
