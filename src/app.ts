/**
 * Builds the fastify app: plugins, OpenAPI, error answers and the three routes. The tests
 * use it without listening (supertest on app.server); src/server.ts listens.
 */
import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import checkRoutes from '../routes/check.js';
import graphRoutes from '../routes/graph.js';
import gradRoutes from '../routes/grad.js';
import healthRoutes from '../routes/health.js';
import staticRoutes from '../routes/static.js';
import { httpError, requestErrorBody } from './api/http-errors.js';
import type { Config } from './config.js';
import { JobPool, QueueFullError } from './service/pool.js';
import { VERSION } from './version.js';

export interface AppOptions {
  /** check every answer against its zod schema (tests); production only serializes */
  validateResponses?: boolean;
  /** let test-only programs make a worker misbehave (see src/service/task.ts) */
  testHooks?: boolean;
  /** a pino destination for the logs (tests capture them); default stdout */
  logStream?: { write(line: string): void };
}

/** Answers are produced by our own job functions; re-validating them costs more than the job. */
const plainSerializer = () => (data: unknown) => JSON.stringify(data);

export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler((route) => {
    const validate = validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
    return (data) => {
      try {
        return validate(data);
      } catch (e) {
        // zod recurses into nested lists: JSON nested thousands deep overflows the stack
        if (e instanceof RangeError) return { error: new Error('the request is nested too deeply') };
        throw e;
      }
    };
  });
  app.setSerializerCompiler(options.validateResponses ? serializerCompiler : plainSerializer);

  const pool = new JobPool({
    size: config.poolSize,
    timeLimitMs: config.timeLimitMs,
    queueLimit: config.queueLimit,
    clientQueueLimit: config.clientQueueLimit,
    clientMaxRunning: config.clientMaxRunning,
    workerHeapMb: config.workerHeapMb,
    limits: config.limits,
    cacheEntries: config.resultCacheEntries,
    testHooks: options.testHooks,
  });
  // runs after the server stopped taking requests and the in-flight ones finished
  app.addHook('onClose', async () => pool.destroy());
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } },
    // slides on other origins embed the SVG with <img>
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, { origin: config.corsOrigin === '*' ? '*' : config.corsOrigin.split(',').map((o) => o.trim()), exposedHeaders: ['x-request-id', 'retry-after', 'etag'] });
  await app.register(compress, { threshold: 1024 });
  if (config.rateLimitMax > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitMax,
      timeWindow: config.rateLimitWindowMs,
      // health checks and the playground's own page and assets are not program runs
      allowList: (req) => req.url === '/health' || req.url === '/' || req.url.startsWith('/assets/'),
      // thrown by the plugin, so it goes through the error handler like every other refusal
      errorResponseBuilder: (_req, ctx) =>
        Object.assign(new Error(`rate limit exceeded: at most ${ctx.max} requests per window; retry in ${ctx.after}`), { statusCode: 429 }),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'gradviz',
        version: VERSION,
        description: 'Runs PyTorch-style Python programs on its own autodiff engine; answers with gradients and a Graphviz picture of the autograd graph.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof QueueFullError) {
      return reply
        .code(503)
        .header('retry-after', String(err.retryAfterS))
        .send(httpError(503, 'ServiceUnavailable', err.message));
    }
    const body = requestErrorBody(err);
    if (body) {
      req.log.info({ err: { code: err.code, message: err.message } }, 'request refused');
      return reply.code(body.statusCode).send(body);
    }
    req.log.error({ err }, 'unexpected error');
    return reply.code(500).send(httpError(500, 'InternalError', 'internal server error'));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(httpError(404, 'NotFound', `no route ${req.method} ${req.url.split('?')[0]}`));
  });

  await app.register(gradRoutes, { pool });
  await app.register(graphRoutes, { pool });
  await app.register(healthRoutes, { pool });
  // a batch carries up to 500 programs: 8 times the usual body limit
  await app.register(checkRoutes, { pool, batchBodyLimit: config.bodyLimit * 8 });
  await app.register(staticRoutes);
  return app;
}
