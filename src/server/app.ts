import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions, LogController } from 'fastify';
import fastifyStatic from '@fastify/static';
import helmet from 'helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { validatorCompiler } from './http/human-messages';
import type { Database, Db, DriverName } from './db/client';
import { agreementRoutes } from './agreements/agreement-routes';
import { assessmentRoutes } from './assessments/assessment-routes';
import { auditRoutes } from './audit/audit-routes';
import { cadenceRoutes } from './cadence/cadence-routes';
import { calendarFeedRoutes } from './cadence/calendar-routes';
import { contactRoutes } from './contacts/contact-routes';
import { directiveRoutes } from './directives/directive-routes';
import { engagementRoutes } from './engagements/engagement-routes';
import { incidentRoutes } from './incidents/incident-routes';
import { incidentImportRoutes } from './incidents/import/import-routes';
import { inboxRoutes } from './inbox/inbox-routes';
import { healthRoutes } from './http/health-routes';
import { accountRoutes } from './identity/account-routes';
import { authentication } from './identity/authenticate';
import { sessionRoutes } from './identity/session-routes';
import { userRoutes } from './identity/user-routes';
import { frameworkProblem, MAX_PARAM_LENGTH, PROBLEM_CONTENT_TYPE, registerProblemHandlers } from './http/problem';
import { notificationRoutes } from './notifications/notification-routes';
import { HOME_COUNTRY } from './reference/reference-data';
import { policyMeasureRoutes } from './policy-measures/policy-measure-routes';
import { referenceRoutes } from './reference/reference-routes';
import { statisticRoutes } from './statistics/statistic-routes';
import { evidenceRoutes } from './evidence/evidence-routes';
import { registerRequestFlows } from './http/request-flows';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbDriver: DriverName;
    /** Every route registered, for the access-matrix test and the docs. */
    routeTable: { method: string; url: string }[];
  }
}

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));
export const API_PREFIX = '/api/v1';

export interface BuildAppOptions {
  database: Database;
  /** Signs the session cookie. */
  sessionSecret: string;
  /** Pino options, or false for silence (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Whose X-Forwarded-* headers to trust: proxy addresses or a hop rule (`fastifyTrustProxy`), never all. */
  trustProxy?: false | string[] | ((address: string, hop: number) => boolean);
  /** Folder of the built web app; not served when absent. */
  webDir?: string;
  /** ISO alpha-2 code of the home country, whose capital agreement distances are measured from (US by default). */
  homeCountry?: string;
  /** More routes, registered after the API's (tests use it to provoke failures). */
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
}

/** Builds the whole application without listening, so tests can use `inject`. */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** The path carries a secret (a feed's URL is its credential): never log the path itself. */
    secretInPath?: boolean;
  }
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // One line per request (the onResponse hook below) instead of Fastify's two at info.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // Errors of the router and of the HTTP parser leave as problem+json too.
    frameworkErrors: (error, request, reply) => {
      void (reply as FastifyReply).code(400).type(PROBLEM_CONTENT_TYPE).send(frameworkProblem(error, request.url));
    },
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify({
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        detail: 'The request is malformed (an invalid header, a NUL character in a header, or a broken request line).',
        errors: [{ field: 'headers', message: 'must be well-formed: no NUL or control characters, one value per line' }],
      });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      void error;
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.database.db);
  app.decorate('dbDriver', options.database.driver);
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });
  registerRequestFlows(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // A request that succeeded is logged at debug, one that was refused or failed at info (and a
  // failure's cause at error, by the error handler): at the default level the log keeps what
  // needs a look, and logging no longer costs more than a light request itself.
  app.addHook('onResponse', (request, reply, done) => {
    // A route whose path is its credential (the calendar feed) is logged by its pattern.
    const url = request.routeOptions.config?.secretInPath ? request.routeOptions.url : request.url;
    const line = { method: request.method, url, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 400) request.log.info(line, 'request completed');
    else request.log.debug(line, 'request completed');
    done();
  });
  registerProblemHandlers(app);

  // Security headers, built once: @fastify/helmet rebuilt helmet's middleware (parsing the CSP
  // directives again) on every request, 4 % of a light request's time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Helmet's default would make browsers fetch assets over HTTPS even on a plain-HTTP
        // deployment, leaving a blank page; TLS is the load balancer's business.
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  await app.register(authentication, { sessionSecret: options.sessionSecret });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Demarche API',
        version: '1',
        description:
          'Directive-driven diplomacy. Lists return `{ items, nextCursor }`; pass `cursor` to get the next page. ' +
          'Errors are RFC 9457 problem+json with a field-level `errors` list for invalid input.',
      },
    },
    transform: jsonSchemaTransform,
  });
  // The docs page brings its own CSP with hashes of its inline code (staticCSP).
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(sessionRoutes, { prefix: API_PREFIX });
  await app.register(accountRoutes, { prefix: API_PREFIX });
  await app.register(userRoutes, { prefix: API_PREFIX });
  await app.register(auditRoutes, { prefix: API_PREFIX });
  await app.register(referenceRoutes, { prefix: API_PREFIX });
  await app.register(directiveRoutes, { prefix: API_PREFIX });
  await app.register(contactRoutes, { prefix: API_PREFIX });
  await app.register(engagementRoutes, { prefix: API_PREFIX });
  await app.register(incidentRoutes, { prefix: API_PREFIX });
  await app.register(incidentImportRoutes, { prefix: API_PREFIX, database: options.database });
  await app.register(cadenceRoutes, { prefix: API_PREFIX });
  await app.register(notificationRoutes, { prefix: API_PREFIX });
  await app.register(inboxRoutes, { prefix: API_PREFIX });
  await app.register(statisticRoutes, { prefix: API_PREFIX, database: options.database });
  await app.register(evidenceRoutes, { prefix: API_PREFIX });
  await app.register(agreementRoutes, { prefix: API_PREFIX, homeCountry: options.homeCountry ?? HOME_COUNTRY });
  await app.register(policyMeasureRoutes, { prefix: API_PREFIX });
  await app.register(assessmentRoutes, { prefix: API_PREFIX });
  await app.register(calendarFeedRoutes);
  if (options.extraRoutes) await app.register(options.extraRoutes);

  const webDir = options.webDir ?? WEB_DIST;
  if (existsSync(webDir)) registerWeb(app, webDir);

  await app.ready();
  return app;
}

/** Serves the built React app; any other non-API GET gets index.html (client-side routes). */
function registerWeb(app: FastifyInstance, webDir: string): void {
  void app.register(fastifyStatic, { root: webDir, wildcard: false, index: 'index.html' });
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method !== 'GET' || path.startsWith('/api') || path.includes('.')) return;
    if (path === '/') return;
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
