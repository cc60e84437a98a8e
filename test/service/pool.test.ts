import { afterEach, describe, expect, it } from 'vitest';
import type { JobLimits } from '../../src/api/schemas.js';
import { JobPool, type PoolOptions, QueueFullError } from '../../src/service/pool.js';
import { TEST_PROGRAMS } from '../../src/service/task.js';

const limits: JobLimits = { maxSteps: 1e6, maxElements: 1e6, maxOutputChars: 1e5, maxRecursion: 1000, maxGraphNodes: 1000 };
const pools: JobPool[] = [];

function makePool(options: Partial<PoolOptions> = {}): JobPool {
  const pool = new JobPool({
    size: 1,
    // generous: a thread started after a kill loads the engine within the next job's limit,
    // which takes a while on a loaded CI machine
    timeLimitMs: 1500,
    queueLimit: 8,
    clientQueueLimit: 8,
    clientMaxRunning: 1,
    workerHeapMb: 64,
    limits,
    testHooks: true,
    ...options,
  });
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.destroy()));
});

const timed = async <T>(p: Promise<T>) => {
  const t0 = performance.now();
  const value = await p;
  return { value, ms: performance.now() - t0 };
};

describe('JobPool outside limits', () => {
  it('ends a job that never returns at the time limit, then serves the next job on a fresh thread', async () => {
    const pool = makePool();
    const { value, ms } = await timed(pool.grad({ program: TEST_PROGRAMS.spin }));
    expect(value.ok).toBe(false);
    expect(value.error).toEqual({ type: 'TimeoutError', message: 'program exceeded the time limit (1.5 s)', line: null, column: null });
    expect(ms).toBeGreaterThanOrEqual(1450);
    const next = await pool.grad({ program: 'x = 1\n' });
    expect(next.ok).toBe(true);
  });

  it('names the limit in seconds as configured', async () => {
    const pool = makePool({ timeLimitMs: 1200 });
    const { value } = await timed(pool.grad({ program: TEST_PROGRAMS.spin }));
    expect(value.error?.message).toBe('program exceeded the time limit (1.2 s)');
  });

  it('answers a MemoryError when the worker dies of its heap limit', async () => {
    const pool = makePool({ timeLimitMs: 10_000 });
    const { value } = await timed(pool.grad({ program: TEST_PROGRAMS.exhaustHeap }));
    expect(value.error).toEqual({ type: 'MemoryError', message: 'program exceeded the memory limit (64 MB)', line: null, column: null });
  });

  it('turns a job function that throws into a SystemError answer', async () => {
    const pool = makePool();
    const value = await pool.grad({ program: TEST_PROGRAMS.throw });
    expect(value.error?.type).toBe('SystemError');
    expect(value.error?.message).toBe('gradviz internal error: test hook: a job function threw');
  });

  it('answers a graph job that times out in its format: an SVG with status 422', async () => {
    const pool = makePool();
    const result = await pool.graph({
      program: TEST_PROGRAMS.spin, format: 'svg', show_values: true, show_grads: true, show_saved: false,
      show_attrs: false, rankdir: 'TB', theme: 'dark', style: 'annotated', transparent: false,
    });
    expect(result.status).toBe(422);
    expect(result.contentType).toMatch(/^image\/svg\+xml/);
    expect(result.body).toContain('TimeoutError: program exceeded the time limit (1.5 s)');
    expect(result.error?.type).toBe('TimeoutError');
  });
});

describe('JobPool queueing', () => {
  it('measures the limit from the start of the run, not from the wait in the queue', async () => {
    const pool = makePool({ timeLimitMs: 1000 });
    await pool.grad({ program: 'x = 1' }); // the thread is up
    // four 300 ms jobs on one thread: the last ends 1200 ms after the first started, past the limit
    const { value, ms } = await timed(Promise.all([0, 1, 2, 3].map(() => pool.grad({ program: TEST_PROGRAMS.slow }))));
    expect(ms).toBeGreaterThanOrEqual(1150);
    for (const v of value) expect(v.error?.type).not.toBe('TimeoutError');
  });

  it('refuses a job when the queue is full, with a Retry-After estimate', async () => {
    const pool = makePool({ queueLimit: 1 });
    const running = pool.grad({ program: TEST_PROGRAMS.spin });
    const queued = pool.grad({ program: TEST_PROGRAMS.spin });
    expect(pool.stats()).toMatchObject({ running: 1, queued: 1 });
    const refused = pool.grad({ program: 'x = 1' });
    await expect(refused).rejects.toBeInstanceOf(QueueFullError);
    await refused.catch((e: QueueFullError) => expect(e.retryAfterS).toBeGreaterThanOrEqual(1));
    expect((await running).error?.type).toBe('TimeoutError');
    expect((await queued).error?.type).toBe('TimeoutError');
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it('limits the queue of each client, leaving room for the others', async () => {
    const pool = makePool({ size: 1, clientQueueLimit: 1, queueLimit: 10, timeLimitMs: 5000 });
    const a1 = pool.grad({ program: TEST_PROGRAMS.slow }, 'a');
    const a2 = pool.grad({ program: TEST_PROGRAMS.slow }, 'a');
    await expect(pool.grad({ program: TEST_PROGRAMS.slow }, 'a')).rejects.toBeInstanceOf(QueueFullError);
    const b1 = pool.grad({ program: TEST_PROGRAMS.slow }, 'b');
    for (const r of await Promise.all([a1, a2, b1])) expect(r.error?.type).not.toBe('TimeoutError');
  });

  it("serves another client promptly while one client's endless loops fill its share", async () => {
    const pool = makePool({ size: 2, clientMaxRunning: 1, timeLimitMs: 2000 });
    await pool.grad({ program: 'x = 1' }, 'warm-up'); // both threads up
    const flood = [0, 1, 2, 3].map(() => pool.grad({ program: TEST_PROGRAMS.spin }, 'flooder'));
    const { value, ms } = await timed(pool.grad({ program: 'x = 1' }, 'student'));
    expect(value.error?.type).not.toBe('TimeoutError');
    // it did not wait for any of the flooder's jobs, each of which runs the full 2 s
    expect(ms).toBeLessThan(2000);
    expect(pool.stats()).toMatchObject({ running: 1, queued: 3 });
    // the flooder's own jobs still run, one after the other
    pool.destroy().catch(() => {});
    await Promise.allSettled(flood);
  });

  it('serves waiting clients in turn, not in arrival order', async () => {
    const pool = makePool({ size: 1, timeLimitMs: 5000 });
    const order: string[] = [];
    const job = (client: string, tag: string) =>
      pool.grad({ program: TEST_PROGRAMS.slow }, client).then(() => order.push(tag));
    await Promise.all([job('a', 'a1'), job('a', 'a2'), job('a', 'a3'), job('b', 'b1')]);
    expect(order).toEqual(['a1', 'a2', 'b1', 'a3']);
  });
});
