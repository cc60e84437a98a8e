/** GET /health: liveness for load balancers and .ci/run, with the pool's load. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema } from '../src/api/schemas.js';
import type { JobPool } from '../src/service/pool.js';
import { VERSION } from '../src/version.js';

const healthRoutes: FastifyPluginAsyncZod<{ pool: JobPool }> = async (app, { pool }) => {
  app.get('/health', {
    schema: { summary: 'Liveness and pool load', response: { 200: HealthResponseSchema } },
    handler: async () => ({ status: 'ok' as const, version: VERSION, pool: pool.stats() }),
  });
};

export default healthRoutes;
