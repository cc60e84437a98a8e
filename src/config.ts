/**
 * Configuration from environment variables, validated once at start: a typo in a limit
 * stops the server with a message naming the variable instead of running unprotected.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { JobLimits } from './api/schemas.js';

const int = (min: number) => z.coerce.number().int().min(min);
const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

/** The README's configuration table mirrors this. */
const EnvSchema = z.object({
  PORT: int(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POOL_SIZE: int(1).max(256).default(Math.max(1, availableParallelism())),
  TIME_LIMIT_MS: int(100).default(5000),
  QUEUE_LIMIT: int(0).default(256),
  CLIENT_QUEUE_LIMIT: int(0).default(32),
  CLIENT_MAX_RUNNING: int(1).optional(),
  WORKER_HEAP_MB: int(32).default(512),
  BODY_LIMIT: int(1024).default(1024 * 1024),
  // generous: an autograder or a test suite sends hundreds of requests a minute from one
  // address; the per-client queues already keep one client from crowding out the others
  RATE_LIMIT_MAX: int(0).default(3000),
  RATE_LIMIT_WINDOW_MS: int(1000).default(60_000),
  CORS_ORIGIN: z.string().default('*'),
  TRUST_PROXY: flag.default(false),
  MAX_STEPS: int(1000).default(20_000_000),
  MAX_ELEMENTS: int(1000).default(20_000_000),
  MAX_OUTPUT_CHARS: int(1000).default(1_000_000),
  MAX_RECURSION: int(50).default(1000),
  MAX_GRAPH_NODES: int(10).max(3000).default(400),
  SHUTDOWN_GRACE_MS: int(0).default(10_000),
  RESULT_CACHE_ENTRIES: int(0).default(256),
});

export interface Config {
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  poolSize: number;
  timeLimitMs: number;
  /** jobs waiting for a thread (in all / per client) beyond which requests get 503 */
  queueLimit: number;
  clientQueueLimit: number;
  /** threads one client may hold at once (default: all but one) */
  clientMaxRunning: number;
  workerHeapMb: number;
  bodyLimit: number;
  /** requests per window and client; 0 turns the rate limit off */
  rateLimitMax: number;
  rateLimitWindowMs: number;
  corsOrigin: string;
  trustProxy: boolean;
  limits: JobLimits;
  shutdownGraceMs: number;
  /** answers of /grad and /graph kept for identical requests (0: none) */
  resultCacheEntries: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // an empty variable means "not set", as in most shells' `FOO= cmd`
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    poolSize: e.POOL_SIZE,
    timeLimitMs: e.TIME_LIMIT_MS,
    queueLimit: e.QUEUE_LIMIT,
    clientQueueLimit: e.CLIENT_QUEUE_LIMIT,
    clientMaxRunning: Math.min(e.POOL_SIZE, e.CLIENT_MAX_RUNNING ?? Math.max(1, e.POOL_SIZE - 1)),
    workerHeapMb: e.WORKER_HEAP_MB,
    bodyLimit: e.BODY_LIMIT,
    rateLimitMax: e.RATE_LIMIT_MAX,
    rateLimitWindowMs: e.RATE_LIMIT_WINDOW_MS,
    corsOrigin: e.CORS_ORIGIN,
    trustProxy: e.TRUST_PROXY,
    limits: {
      maxSteps: e.MAX_STEPS,
      maxElements: e.MAX_ELEMENTS,
      maxOutputChars: e.MAX_OUTPUT_CHARS,
      maxRecursion: e.MAX_RECURSION,
      maxGraphNodes: e.MAX_GRAPH_NODES,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    resultCacheEntries: e.RESULT_CACHE_ENTRIES,
  };
}
