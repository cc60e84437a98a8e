/**
 * The main-thread side of grading: resolves every check's expected value (from the
 * request, or from the reference program run once on the pool and cached by a hash of its
 * content and the expressions asked), then grades submissions on the pool. A batch keeps
 * only the client's share of the pool busy (plus as many waiting), so it never floods the
 * queue, and each submission's time and memory limits are its own: an endless loop or a
 * crash costs only that submission's answer.
 */
import { createHash } from 'node:crypto';
import type { CheckAnswer, CheckBatchRequest, CheckBatchResponse, CheckRequest, ErrorJSON } from '../api/schemas.js';
import { QueueFullError, type JobPool } from '../service/pool.js';
import type { CheckJob, Observation, PreparedCheck, PreparedStdoutCheck } from './job.js';

/** The reference program failed, or one of its expressions did: the request cannot be graded (422). */
export class ReferenceFailed extends Error {
  constructor(
    message: string,
    readonly error: ErrorJSON,
  ) {
    super(message);
  }
}

type Grading = Omit<CheckRequest, 'submission'>;

/** How long a batch waits for room in a full queue before it answers 503. */
const QUEUE_PATIENCE_MS = 60_000;

/** References kept; an exercise has one reference, a course a few dozen. */
const REFERENCE_CACHE_SIZE = 64;

export class Grader {
  /** hash -> the reference's observation (promises: concurrent requests share one run) */
  private readonly references = new Map<string, Promise<Observation>>();

  constructor(private readonly pool: Pick<JobPool, 'check' | 'observe' | 'clientShare'>) {}

  async check(req: CheckRequest, client = ''): Promise<CheckAnswer> {
    const job = await this.prepare(req, client);
    return this.pool.check({ ...job, submission: req.submission }, client);
  }

  async batch(req: CheckBatchRequest, client = ''): Promise<CheckBatchResponse> {
    const job = await this.prepare(req, client);
    const results = await this.runAll(req.submissions.map((submission): CheckJob => ({ ...job, submission })), client);
    return { results };
  }

  /** Everything but the submission: the checks with their expected values resolved. */
  private async prepare(req: Grading, client: string): Promise<Omit<CheckJob, 'submission'>> {
    const fromReference = req.checks.filter((c) => c.expected === undefined).map((c) => c.expr);
    const stdoutOption = req.compare_stdout === true ? { mode: 'exact' as const, points: 1, name: 'stdout' } : req.compare_stdout || null;
    let observation: Observation | null = null;
    if (req.reference !== undefined && (fromReference.length > 0 || stdoutOption)) {
      observation = await this.reference(req.reference, fromReference, client);
    }
    let k = 0;
    const checks = req.checks.map((c): PreparedCheck => {
      let expected = c.expected;
      if (expected === undefined) {
        const observed = (observation as Observation).values[k++];
        if (observed.error) {
          throw new ReferenceFailed(`the reference program could not evaluate ${c.expr}: ${observed.error.type}: ${observed.error.message}`, observed.error);
        }
        expected = observed.value;
      }
      return { name: c.name, expr: c.expr, expected, rtol: c.rtol, atol: c.atol, points: c.points };
    });
    const stdout: PreparedStdoutCheck | null = stdoutOption && observation ? { ...stdoutOption, expected: observation.stdout } : null;
    return { checks, stdout, format: req.format };
  }

  private async reference(program: string, exprs: string[], client: string): Promise<Observation> {
    const key = createHash('sha256').update(JSON.stringify([program, exprs])).digest('hex');
    let pending = this.references.get(key);
    if (pending) {
      // most recently used goes to the back: the front is evicted first
      this.references.delete(key);
      this.references.set(key, pending);
    } else {
      pending = this.pool.observe({ program, exprs }, client);
      this.references.set(key, pending);
      if (this.references.size > REFERENCE_CACHE_SIZE) this.references.delete(this.references.keys().next().value as string);
    }
    let observation: Observation;
    try {
      observation = await pending;
    } catch (e) {
      this.references.delete(key);
      throw e;
    }
    if (observation.error) {
      // not cached: a TimeoutError may be the server's load, and a fixed reference gets a new hash anyway
      this.references.delete(key);
      const where = observation.error.line === null ? '' : ` at line ${observation.error.line}`;
      throw new ReferenceFailed(`the reference program failed${where}: ${observation.error.type}: ${observation.error.message}`, observation.error);
    }
    return observation;
  }

  /** Runs the jobs in lanes, as many as the client's share of the pool; answers in order. */
  private async runAll(jobs: CheckJob[], client: string): Promise<CheckAnswer[]> {
    const share = this.pool.clientShare();
    const lanes = Math.min(jobs.length, Math.max(1, share.running + share.waiting));
    const results = new Array<CheckAnswer>(jobs.length);
    let next = 0;
    let stopped = false;
    const lane = async (): Promise<void> => {
      while (!stopped && next < jobs.length) {
        const i = next++;
        try {
          results[i] = await this.checkWhenQueued(jobs[i], client);
        } catch (e) {
          stopped = true;
          throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    return results;
  }

  /** A queue full of other clients' jobs delays a batch (up to QUEUE_PATIENCE_MS) instead of failing it at once. */
  private async checkWhenQueued(job: CheckJob, client: string): Promise<CheckAnswer> {
    const start = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.pool.check(job, client);
      } catch (e) {
        if (!(e instanceof QueueFullError) || Date.now() - start > QUEUE_PATIENCE_MS) throw e;
        await new Promise((r) => setTimeout(r, Math.min(1000, 50 * attempt)));
      }
    }
  }
}
