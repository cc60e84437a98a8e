import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';

/** An app as the tests use it: one thread, no rate limit, no logs, answers checked against the schemas. */
export async function makeApp(overrides: Partial<Config> = {}, options: AppOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig({}), poolSize: 1, clientMaxRunning: 1, logLevel: 'silent', rateLimitMax: 0, ...overrides };
  const app = await buildApp(config, { testHooks: true, validateResponses: true, ...options });
  await app.ready();
  return app;
}
