import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { HttpErrorSchema } from '../../src/api/schemas.js';
import { TEST_PROGRAMS } from '../../src/service/task.js';
import { makeApp } from './helpers.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
async function app(overrides: Parameters<typeof makeApp>[0]) {
  const a = await makeApp(overrides);
  apps.push(a);
  return a;
}

describe('limits over HTTP', () => {
  it('a job that runs forever answers 200 with a TimeoutError naming the limit', async () => {
    const a = await app({ timeLimitMs: 500 });
    const res = await request(a.server).post('/grad').send({ program: TEST_PROGRAMS.spin });
    expect(res.status).toBe(200);
    expect(res.body.error).toEqual({ type: 'TimeoutError', message: 'program exceeded the time limit (0.5 s)', line: null, column: null });
  });

  it('a graph job that runs forever answers 422 with the error as JSON', async () => {
    const a = await app({ timeLimitMs: 500 });
    const res = await request(a.server).post('/graph').send({ program: TEST_PROGRAMS.spin, format: 'json' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ ok: false, graph: null, error: { type: 'TimeoutError' } });
  });

  it('a worker that dies of its heap limit answers a MemoryError', async () => {
    const a = await app({ workerHeapMb: 64, timeLimitMs: 10_000 });
    const res = await request(a.server).post('/grad').send({ program: TEST_PROGRAMS.exhaustHeap });
    expect(res.status).toBe(200);
    expect(res.body.error).toMatchObject({ type: 'MemoryError', message: 'program exceeded the memory limit (64 MB)' });
  });

  it('a job function that throws is a clean answer, not a 500', async () => {
    const a = await app({});
    const res = await request(a.server).post('/grad').send({ program: TEST_PROGRAMS.throw });
    expect(res.status).toBe(200);
    expect(res.body.error.type).toBe('SystemError');
  });

  it('a full queue answers 503 with Retry-After', async () => {
    // two different jobs fill the queue (identical ones would share one run)
    const a = await app({ timeLimitMs: 1000, queueLimit: 1, clientQueueLimit: 1, resultCacheEntries: 0 });
    const busy = [0, 1].map(() => a.inject({ method: 'POST', url: '/grad', payload: { program: TEST_PROGRAMS.spin } }));
    await new Promise((r) => setTimeout(r, 50));
    const res = await request(a.server).post('/grad').send({ program: 'x = 1' });
    expect(res.status).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(HttpErrorSchema.parse(res.body).error.type).toBe('ServiceUnavailable');
    await Promise.all(busy);
  });

  it('the rate limit answers 429 in the same JSON shape', async () => {
    const a = await app({ rateLimitMax: 2, rateLimitWindowMs: 60_000 });
    for (let i = 0; i < 2; i++) expect((await request(a.server).post('/grad').send({ program: 'x = 1' })).status).toBe(200);
    const res = await request(a.server).post('/grad').send({ program: 'x = 1' });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(HttpErrorSchema.parse(res.body).error.type).toBe('TooManyRequests');
    expect((await request(a.server).get('/health')).status).toBe(200);
  });
});
