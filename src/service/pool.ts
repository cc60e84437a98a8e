/**
 * Runs jobs on a piscina pool of worker threads, never on the event loop.
 *
 * The pool keeps its own bounded queues in front of piscina and hands piscina at most one
 * job per thread, so a job starts the moment it is handed over and its wall-clock limit
 * measures its run, not its wait. Each client (IP) has its own FIFO; clients are served
 * in turn and none may hold every thread, so one client's flood of endless loops does not
 * stall everyone else. When the limit passes, the job's abort signal makes
 * piscina terminate the thread (an endless loop inside one engine operation cannot hold
 * it) and start a fresh one. A thread that dies of its heap limit becomes a MemoryError.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { ResultCache } from './result-cache.js';
import { Piscina } from 'piscina';
import { gradErrorAnswer, graphErrorResult, programError } from '../api/error-answers.js';
import type { CheckAnswer, ErrorJSON, GradRequest, GradResponse, GraphJobResult, GraphRequest, JobLimits } from '../api/schemas.js';
import { gradeFailedRun } from '../check/answer.js';
import type { CheckJob, Observation, ObserveJob } from '../check/job.js';
import type { Task, WorkerData } from './task.js';

export interface PoolOptions {
  size: number;
  timeLimitMs: number;
  /** jobs that may wait for a thread in all; one more is refused with QueueFullError */
  queueLimit: number;
  /** jobs one client may have waiting */
  clientQueueLimit: number;
  /** threads one client may hold at once: below `size`, a flood from one client leaves room for others */
  clientMaxRunning: number;
  workerHeapMb: number;
  limits: JobLimits;
  /** answers of /grad and /graph runs kept for identical requests (0: none) */
  cacheEntries?: number;
  testHooks?: boolean;
}

/** An answer larger than this (string lengths plus elements) is not cached. */
const CACHE_MAX_ANSWER_SIZE = 1_000_000;

export interface PoolStats {
  threads: number;
  queued: number;
  running: number;
}

/** The queue is full: the route answers 503 with Retry-After. */
export class QueueFullError extends Error {
  constructor(readonly retryAfterS: number) {
    super('the server is busy: too many programs are waiting to run');
  }
}

interface Client {
  key: string;
  /** FIFO; bounded by clientQueueLimit, so shift() is cheap */
  waiting: Pending[];
  running: number;
}

interface Pending {
  task: Task;
  resolve: (value: unknown) => void;
  onFailure: (error: ErrorJSON) => unknown;
}

/**
 * The compiled worker: the tests run this file from src/ (through vitest) but workers can
 * only load JavaScript, so from src/ the pool points into dist/ (`npm test` builds first).
 */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const inDist = /[\\/]dist[\\/]src[\\/]service[\\/]pool\.js$/.test(here);
  const file = inDist ? fileURLToPath(new URL('./worker.js', import.meta.url)) : fileURLToPath(new URL('../../dist/src/service/worker.js', import.meta.url));
  if (!existsSync(file)) throw new Error(`worker file ${file} is missing: run \`npm run build\` first`);
  return file;
}

export class JobPool {
  private readonly piscina: Piscina;
  private readonly clients = new Map<string, Client>();
  /** clients with waiting jobs, in the order they are served (Map keeps insertion order) */
  private readonly turns = new Map<string, Client>();
  private running = 0;
  private waiting = 0;
  private readonly timeoutError: ErrorJSON;
  private readonly memoryError: ErrorJSON;
  private readonly cache: ResultCache<unknown>;

  constructor(private readonly options: PoolOptions) {
    this.cache = new ResultCache(options.cacheEntries ?? 0, CACHE_MAX_ANSWER_SIZE);
    const workerData: WorkerData = { testHooks: options.testHooks === true };
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: options.size,
      maxThreads: options.size,
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb },
      workerData,
    });
    // a thread that dies between jobs is replaced by piscina; nothing to do but not crash
    this.piscina.on('error', () => {});
    this.timeoutError = programError('TimeoutError', `program exceeded the time limit (${seconds(options.timeLimitMs)} s)`);
    this.memoryError = programError('MemoryError', `program exceeded the memory limit (${options.workerHeapMb} MB)`);
  }

  /** `client` identifies who asks (the route passes the IP): clients are served in turn. */
  grad(req: GradRequest, client = ''): Promise<GradResponse> {
    return this.cachedRun(client, { kind: 'grad', req, limits: this.options.limits }, (e) => gradErrorAnswer(e)) as Promise<GradResponse>;
  }

  graph(req: GraphRequest, client = ''): Promise<GraphJobResult> {
    return this.cachedRun(client, { kind: 'graph', req, limits: this.options.limits }, (e) => graphErrorResult(req, e)) as Promise<GraphJobResult>;
  }

  /** A run's answer from the cache, or from the pool; the pool's own refusals are not kept. */
  private cachedRun(client: string, task: Task & { req: object }, onFailure: (error: ErrorJSON) => unknown): Promise<unknown> {
    // without a cache, hashing the request (up to the body limit) is work for nothing
    if (!this.options.cacheEntries) return this.submit(client, task, onFailure);
    const key = createHash('sha256').update(task.kind).update('\0').update(JSON.stringify(task.req)).digest('base64');
    return this.cache.answer(key, () => {
      let refused = false;
      const failed = (e: ErrorJSON) => {
        refused = true;
        return onFailure(e);
      };
      return this.submit(client, task, failed).then((value) => ({ value, keep: !refused }));
    });
  }

  /** Grade one submission; a run the pool stops (time, memory) fails every check with that error. */
  check(job: CheckJob, client = ''): Promise<CheckAnswer> {
    return this.submit(client, { kind: 'check', job, limits: this.options.limits }, (e) => gradeFailedRun(job, e)) as Promise<CheckAnswer>;
  }

  /** Run a program and evaluate expressions in its final globals (a reference solution). */
  observe(job: ObserveJob, client = ''): Promise<Observation> {
    return this.submit(client, { kind: 'observe', job, limits: this.options.limits }, (error): Observation => ({ stdout: '', error, values: [] })) as Promise<Observation>;
  }

  /** Jobs one client can have running at once: a batch keeps this many (plus as many waiting) in flight. */
  clientShare(): { running: number; waiting: number } {
    const running = Math.min(this.options.size, this.options.clientMaxRunning);
    return { running, waiting: Math.min(running, this.options.clientQueueLimit) };
  }

  stats(): PoolStats {
    return { threads: this.piscina.threads.length, queued: this.waiting, running: this.running };
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }

  private submit(key: string, task: Task, onFailure: (error: ErrorJSON) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let client = this.clients.get(key);
      if (!client) this.clients.set(key, (client = { key, waiting: [], running: 0 }));
      const pending: Pending = { task, resolve, onFailure };
      if (this.running < this.options.size && client.running < this.options.clientMaxRunning) return this.start(client, pending);
      if (this.waiting >= this.options.queueLimit || client.waiting.length >= this.options.clientQueueLimit) {
        if (client.running === 0 && client.waiting.length === 0) this.clients.delete(key);
        // a rough guess: the caller's own jobs ahead of it, one time limit per round
        const rounds = 1 + Math.floor(client.waiting.length / this.options.clientMaxRunning);
        return reject(new QueueFullError(Math.max(1, Math.ceil((rounds * this.options.timeLimitMs) / 1000))));
      }
      client.waiting.push(pending);
      this.waiting++;
      if (!this.turns.has(key)) this.turns.set(key, client);
    });
  }

  private start(client: Client, p: Pending): void {
    this.running++;
    client.running++;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.options.timeLimitMs);
    this.piscina.run(p.task, { signal: abort.signal }).then(
      (value) => this.finish(client, timer, () => p.resolve(value)),
      (error) => this.finish(client, timer, () => p.resolve(p.onFailure(this.describeFailure(error, abort.signal.aborted)))),
    );
  }

  private finish(client: Client, timer: NodeJS.Timeout, settle: () => void): void {
    clearTimeout(timer);
    this.running--;
    client.running--;
    settle();
    this.dispatch();
    if (client.running === 0 && client.waiting.length === 0) this.clients.delete(client.key);
  }

  /** Fill free threads, one job per client in turn, skipping clients at their share. */
  private dispatch(): void {
    while (this.running < this.options.size && this.turns.size > 0) {
      let next: Client | undefined;
      for (const c of this.turns.values()) {
        if (c.running < this.options.clientMaxRunning) {
          next = c;
          break;
        }
      }
      if (!next) return;
      const job = next.waiting.shift() as Pending;
      this.waiting--;
      this.turns.delete(next.key);
      if (next.waiting.length > 0) this.turns.set(next.key, next); // to the back of the line
      this.start(next, job);
    }
  }

  private describeFailure(error: unknown, timedOut: boolean): ErrorJSON {
    if (timedOut) return this.timeoutError;
    const code = (error as { code?: string } | null)?.code;
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') return this.memoryError;
    // a job function threw (a bug) or a thread died otherwise: a clean answer, never a 500
    const message = error instanceof Error ? error.message : String(error);
    return programError('SystemError', `gradviz internal error: ${message}`);
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
