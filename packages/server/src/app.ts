import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { DatabaseKind, Db } from '@jixiao/db';
import {
  closeDocumentRenderer,
  createBulkAuditRunner,
  createReplicaReads,
  createServiceContext,
  createUploadReaders,
  failInterruptedBulkAudits,
  MAX_BULK_ZIP_BYTES,
  type ServiceContext,
} from '@jixiao/services';
import Fastify, { type FastifyInstance, type FastifySchema, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fastifyTrustProxy, type TrustProxy } from './http/deployment-settings.ts';
import { errorHandler, notFoundHandler } from './http/errors.ts';
import { securityHeadersFor } from './http/security-headers.ts';
import { authenticate } from './http/session.ts';
import { registerWebApp } from './http/web-app.ts';
import { analysisRoutes } from './routes/analysis/analysis.routes.ts';
import { appealRoutes } from './routes/appeals/appeals.routes.ts';
import { auditRoutes } from './routes/audit/audit.routes.ts';
import { authRoutes } from './routes/auth/auth.routes.ts';
import { passwordRoutes } from './routes/auth/password.routes.ts';
import { budgetYearRoutes } from './routes/budget-year/budget-year.routes.ts';
import { bulkAuditRoutes } from './routes/bulk-audits/bulk-audits.routes.ts';
import { declarationRoutes } from './routes/declarations/declarations.routes.ts';
import { documentRoutes, publicDocumentRoutes } from './routes/documents/documents.routes.ts';
import { evaluationRoutes } from './routes/evaluations/evaluations.routes.ts';
import { evidenceRoutes } from './routes/evidence/evidence.routes.ts';
import { feedbackRoutes } from './routes/feedback/feedback.routes.ts';
import { publicFeedbackRoutes } from './routes/feedback/public-feedback.routes.ts';
import { findingRoutes } from './routes/findings/findings.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { monitoringRoutes } from './routes/monitoring/monitoring.routes.ts';
import { organizationRoutes } from './routes/organizations/organizations.routes.ts';
import { publicRoutes } from './routes/public/public.routes.ts';
import { rectificationRoutes } from './routes/rectification/rectification.routes.ts';
import { resultApplicationRoutes } from './routes/result-application/result-application.routes.ts';
import { ruleSetRoutes } from './routes/rule-sets/rule-sets.routes.ts';
import { userRoutes } from './routes/users/users.routes.ts';

export type AppConfig = {
  /** Secure cookies (HTTPS only); off for http://localhost. Also upgrades insecure requests in the CSP. */
  cookieSecure: boolean;
  /** Whose X-Forwarded-For to believe for the client address (rate limits, sign-in throttling); none by default. */
  trustProxy: TrustProxy;
  /** Largest JSON body in bytes. */
  bodyLimit: number;
  /** Largest import body (a base64 report file). */
  importBodyLimit: number;
  /** Largest zip uploaded for a bulk audit, in bytes before base64. */
  bulkAuditZipLimit: number;
  /** Login attempts per client address per minute (failures are also throttled per name and address). */
  loginRateLimit: number;
  /**
   * The key public feedback senders' addresses are hashed with (JIXIAO_FEEDBACK_KEY); servers sharing a database
   * should share it. Absent: a random key per process (the per-address counts start afresh on restart).
   */
  feedbackKey: string | undefined;
};

export const DEFAULT_CONFIG: AppConfig = {
  cookieSecure: false,
  trustProxy: false,
  bodyLimit: 1024 * 1024,
  importBodyLimit: 30 * 1024 * 1024,
  bulkAuditZipLimit: MAX_BULK_ZIP_BYTES,
  loginRateLimit: 30,
  feedbackKey: undefined,
};

export type AppDeps = {
  db: Db;
  databaseKind: DatabaseKind;
  /** A streaming replica of db: the public portal and open data read from it while it keeps up. */
  replica?: Db | undefined;
  config?: Partial<AppConfig>;
  /** Fastify logger options (pino); false in tests. */
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** The built web app to serve at / (see http/web-app.ts); API only when absent or not built. */
  webRoot?: string | undefined;
};

/** Never log secrets: passwords, cookies, CSRF tokens. */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'body.password',
  'currentPassword',
  '*.currentPassword',
  'newPassword',
  '*.newPassword',
  'temporaryPassword',
  '*.temporaryPassword',
];

// Validation messages in Chinese, for every schema in this process.
z.config(z.locales.zhCN());

/** A registered route; its schema lets tests hold every input to the rules (authorization matrix, safe text). */
export type RouteEntry = { method: string; url: string; schema: FastifySchema | undefined };

/**
 * The content security policy of every response: scripts only from this origin (the web app is built to
 * files, no inline script), styles inline allowed (antd writes CSS-in-JS style tags), no framing, no plugins.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const DOCUMENTATION_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'";

declare module 'fastify' {
  // biome-ignore lint/style/useConsistentTypeDefinitions: augmenting Fastify's interface is the one way to type a decoration
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
  }
}

/** Builds the HTTP app from its dependencies; does not listen (server.ts does, tests inject). */
export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const config: AppConfig = { ...DEFAULT_CONFIG, ...deps.config };
  const replica = deps.replica ? createReplicaReads(deps.db, deps.replica) : undefined;
  // The first probe decides whether the replica is fit before the first request; until then reads use the primary.
  await replica?.probe();
  // Uploaded files are read on worker threads, so a hostile one never stalls the answers to everyone else.
  const uploads = createUploadReaders();
  const ctx: ServiceContext = { ...createServiceContext(deps.db, deps.now, replica), uploads };
  // Jobs the previous process left unfinished can never finish: say so before anyone polls them.
  await failInterruptedBulkAudits(ctx);
  const bulkAudits = createBulkAuditRunner(ctx);
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: config.bodyLimit,
    trustProxy: fastifyTrustProxy(config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  // Every route as registered, so the authorization matrix test can insist that each one has a policy.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, schema: route.schema });
  });
  app.decorate('routeTable', routeTable);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  if (!(deps.webRoot && (await registerWebApp(app, deps.webRoot)))) app.setNotFoundHandler(notFoundHandler);

  // Over plain http (a LAN deployment without TLS) upgrading requests would break loading the web app's scripts.
  const upgradeInsecureRequests = config.cookieSecure ? [] : null;
  const securityHeaders = securityHeadersFor({
    contentSecurityPolicy: { directives: { ...CONTENT_SECURITY_POLICY, upgradeInsecureRequests } },
  });
  // swagger-ui's page boots from an inline script; only the API documentation gets that allowance.
  const documentationHeaders = { ...securityHeaders, 'content-security-policy': DOCUMENTATION_CSP };
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api/docs') ? documentationHeaders : securityHeaders);
    done();
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Jixiao 绩效自评 API', version: '0.1.0', description: '项目支出绩效自评：填报、计分、审核、公开' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes, { ctx, databaseKind: deps.databaseKind });
  await app.register(publicRoutes, { ctx });
  await app.register(publicFeedbackRoutes, {
    ctx,
    sourceKey: config.feedbackKey ? new TextEncoder().encode(config.feedbackKey) : undefined,
  });
  await app.register(publicDocumentRoutes, { ctx });
  await app.register(ruleSetRoutes);
  await app.register(authRoutes, {
    ctx,
    cookies: { secure: config.cookieSecure },
    loginRateLimit: config.loginRateLimit,
  });
  await app.register(async (scope) => {
    scope.decorateRequest('actor', null);
    // onRequest, not preHandler: an anonymous caller gets 401 before any body validation.
    scope.addHook('onRequest', async (request) => {
      request.actor = await authenticate(ctx, request, request.routeOptions.config.sessionAccess ?? 'full');
    });
    await scope.register(passwordRoutes, { ctx, rateLimit: config.loginRateLimit });
    await scope.register(evaluationRoutes, { ctx, importBodyLimit: config.importBodyLimit });
    await scope.register(evidenceRoutes, { ctx, bodyLimit: config.importBodyLimit });
    await scope.register(appealRoutes, { ctx, bodyLimit: config.importBodyLimit });
    await scope.register(rectificationRoutes, { ctx, bodyLimit: config.importBodyLimit });
    await scope.register(declarationRoutes, { ctx, bodyLimit: config.importBodyLimit });
    await scope.register(monitoringRoutes, { ctx, bodyLimit: config.importBodyLimit });
    await scope.register(budgetYearRoutes, { ctx });
    await scope.register(findingRoutes, { ctx });
    await scope.register(analysisRoutes, { ctx });
    await scope.register(organizationRoutes, { ctx });
    await scope.register(userRoutes, { ctx });
    await scope.register(auditRoutes, { ctx });
    await scope.register(feedbackRoutes, { ctx });
    await scope.register(documentRoutes, { ctx });
    await scope.register(resultApplicationRoutes, { ctx });
    await scope.register(bulkAuditRoutes, {
      ctx,
      runner: bulkAudits,
      // base64 grows the zip by a third; the rest of the JSON body is a few names.
      bodyLimit: Math.ceil(config.bulkAuditZipLimit / 3) * 4 + 64 * 1024,
    });
  });
  app.addHook('onClose', closeDocumentRenderer);
  if (replica) app.addHook('onClose', async () => replica.close());
  app.addHook('onClose', bulkAudits.close);
  app.addHook('onClose', uploads.close);
  return app;
};
