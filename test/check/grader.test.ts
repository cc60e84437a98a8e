/** The main-thread side of grading, on a fake pool: the reference cache and the batch's lanes. */
import { describe, expect, it } from 'vitest';
import type { CheckAnswer, CheckBatchRequest } from '../../src/api/schemas.js';
import { Grader, ReferenceFailed } from '../../src/check/grader.js';
import type { CheckJob, Observation, ObserveJob } from '../../src/check/job.js';
import { QueueFullError } from '../../src/service/pool.js';

class FakePool {
  observed: ObserveJob[] = [];
  running = 0;
  maxRunning = 0;
  queueFullLeft = 0;
  constructor(private readonly share = { running: 2, waiting: 2 }) {}

  async observe(job: ObserveJob): Promise<Observation> {
    this.observed.push(job);
    if (job.program.includes('raise')) return { stdout: '', error: { type: 'ValueError', message: 'bad', line: 1, column: null }, values: [] };
    return { stdout: 'ref\n', error: null, values: job.exprs.map((e) => ({ value: e.length, error: null })) };
  }

  async check(job: CheckJob): Promise<CheckAnswer> {
    if (this.queueFullLeft > 0) {
      this.queueFullLeft--;
      throw new QueueFullError(1);
    }
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    await new Promise((r) => setTimeout(r, 5 + (job.submission.length % 3)));
    this.running--;
    return { score: job.submission.length, max_score: 0, checks: [], stdout: '', error: null };
  }

  clientShare() {
    return this.share;
  }
}

const request = (submissions: string[], reference = 'ref', exprs = ['x.grad']): CheckBatchRequest => ({
  submissions,
  reference,
  checks: exprs.map((expr) => ({ name: expr, expr, rtol: 1e-5, atol: 1e-8, points: 1 })),
  format: 'native',
});

describe('the reference', () => {
  it('runs once per (program, expressions): later batches use the cached values', async () => {
    const pool = new FakePool();
    const grader = new Grader(pool);
    await grader.batch(request(['a']));
    await grader.batch(request(['b', 'c']));
    await Promise.all([grader.batch(request(['d'], 'other')), grader.batch(request(['e'], 'other'))]);
    await grader.batch(request(['f'], 'ref', ['x.grad', 'y']));
    expect(pool.observed).toEqual([
      { program: 'ref', exprs: ['x.grad'] },
      { program: 'other', exprs: ['x.grad'] },
      { program: 'ref', exprs: ['x.grad', 'y'] },
    ]);
  });

  it('a failing reference is refused and not cached', async () => {
    const pool = new FakePool();
    const grader = new Grader(pool);
    for (let i = 0; i < 2; i++) await expect(grader.batch(request(['a'], 'raise'))).rejects.toBeInstanceOf(ReferenceFailed);
    expect(pool.observed).toHaveLength(2);
  });

  it('is not run when every check carries its expected value', async () => {
    const pool = new FakePool();
    const req = request(['a']);
    req.checks[0].expected = 1;
    await new Grader(pool).batch(req);
    expect(pool.observed).toHaveLength(0);
  });
});

describe('a batch', () => {
  it("keeps at most the client's share in flight and answers in order", async () => {
    const pool = new FakePool({ running: 2, waiting: 1 });
    const subs = Array.from({ length: 40 }, (_, i) => 'x'.repeat(i));
    const { results } = await new Grader(pool).batch(request(subs));
    expect(results.map((r) => r.score)).toEqual(subs.map((s) => s.length));
    expect(pool.maxRunning).toBe(3);
  });

  it('waits out a queue full of other clients instead of failing', async () => {
    const pool = new FakePool();
    pool.queueFullLeft = 3;
    const { results } = await new Grader(pool).batch(request(['a', 'bb', 'ccc']));
    expect(results.map((r) => r.score)).toEqual([1, 2, 3]);
  });
});
