/**
 * Hostile requests: each gets its documented answer within its limit, the server never
 * answers 500, and a good request still answers promptly during a flood.
 */
import request from 'supertest';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradResponseSchema } from '../../src/api/schemas.js';
import { TEST_PROGRAMS } from '../../src/service/task.js';
import { makeApp } from './helpers.js';

const TIME_LIMIT_MS = 1500;
let app: FastifyInstance;
beforeAll(async () => {
  // no result cache: every hostile request below really runs, as distinct attacks would
  app = await makeApp({ poolSize: 2, clientMaxRunning: 1, timeLimitMs: TIME_LIMIT_MS, workerHeapMb: 128, resultCacheEntries: 0 });
});
afterAll(async () => app.close());

async function grad(program: string) {
  const t0 = performance.now();
  const res = await request(app.server).post('/grad').send({ program });
  return { res, ms: performance.now() - t0, body: res.status === 200 ? GradResponseSchema.parse(res.body) : null };
}

describe('programs that attack the limits', () => {
  const programs: [string, string, string, RegExp][] = [
    ['an endless loop', 'while True:\n    pass\n', 'TimeoutError', /limit/],
    ['a tensor memory bomb', 'import torch\nx = torch.zeros(10**10)\n', 'MemoryError', /limit/],
    ['a list memory bomb', 'x = [0] * 10**10\n', 'MemoryError', /limit/],
    ['a string memory bomb', "x = 'a' * 10**10\n", 'MemoryError', /limit/],
    ['deep recursion', 'def f(n):\n    return f(n + 1)\nf(0)\n', 'RecursionError', /maximum recursion depth exceeded/],
  ];
  for (const [what, program, type, message] of programs) {
    it(`${what}: ${type}`, async () => {
      const { res, ms, body } = await grad(program);
      expect(res.status).toBe(200);
      expect(body!.error!.type).toBe(type);
      expect(body!.error!.message).toMatch(message);
      expect(ms).toBeLessThan(TIME_LIMIT_MS + 2000);
    });
  }

  it('10 MB of printing is cut at the output limit', async () => {
    const { res, body } = await grad("for i in range(10**6):\n    print('0123456789')\n");
    expect(res.status).toBe(200);
    expect(body!.ok).toBe(false);
    expect(body!.error!.type).toBe('OutputLimitError');
    expect(body!.error!.message).toMatch(/limit/);
    expect(body!.stdout.length).toBeLessThanOrEqual(1_000_000);
  });

  it('a graph of a million nodes answers within its limits', async () => {
    const program = 'import torch\nx = torch.tensor(1.0, requires_grad=True)\ny = x\nfor i in range(10**6):\n    y = y * 1.0\n';
    const res = await request(app.server).post('/graph').send({ program, format: 'json' });
    expect([200, 422]).toContain(res.status);
  });

  it('an endless loop inside one engine operation is ended from outside', async () => {
    const { res, ms, body } = await grad(TEST_PROGRAMS.spin);
    expect(res.status).toBe(200);
    expect(body!.error!.type).toBe('TimeoutError');
    expect(ms).toBeLessThan(TIME_LIMIT_MS + 1500);
  });
});

describe('requests that attack the parser', () => {
  it('null bytes and odd unicode in a program are a normal answer', async () => {
    for (const program of ['x = 1\u0000\n', 'print("\u202e\u0000")\n', '\uFEFFx = "𝔁 ∂ 😀"\n', 'x = "\udc00"\n']) {
      const res = await request(app.server).post('/grad').send({ program });
      expect(res.status).toBe(200);
      GradResponseSchema.parse(res.body);
    }
  });

  it('a lone surrogate escaped in raw JSON is a normal answer', async () => {
    const res = await request(app.server).post('/grad').set('content-type', 'application/json').send('{"program": "x = \\"\\ud800\\""}');
    expect(res.status).toBe(200);
  });

  it('a 10 MB body is a 413', async () => {
    const res = await request(app.server).post('/grad').send({ program: 'x'.repeat(10 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.type).toBe('PayloadTooLarge');
  });

  it.each([
    ['malformed JSON', '{"program": ', 400],
    ['JSON that is a string', '"import torch"', 400],
    ['JSON null', 'null', 400],
    ['deeply nested JSON', '{"expression": "x", "inputs": {"x": ' + '['.repeat(5000) + ']'.repeat(5000) + '}}', 400],
    ['a prototype-pollution attempt', '{"program": "x", "__proto__": {"polluted": true}}', 400],
  ])('%s is a 4xx, never a 500', async (_what, raw, status) => {
    const res = await request(app.server).post('/grad').set('content-type', 'application/json').send(raw);
    expect(res.status).toBe(status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a flood', () => {
  it('a good request from another client answers promptly while one client floods the pool', async () => {
    const flood = Array.from({ length: 6 }, (_, i) =>
      app.inject({ method: 'POST', url: '/grad', remoteAddress: '10.0.0.66', payload: { program: i % 2 ? TEST_PROGRAMS.spin : TEST_PROGRAMS.exhaustHeap } }),
    );
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const good = await app.inject({ method: 'POST', url: '/grad', remoteAddress: '10.0.0.7', payload: { program: 'x = 1\n' } });
    const ms = performance.now() - t0;
    expect(good.statusCode).toBe(200);
    expect(good.json().error?.type).not.toBe('TimeoutError');
    // it did not wait for a flood job to end (each runs into the time limit)
    expect(ms).toBeLessThan(TIME_LIMIT_MS);
    const statuses = (await Promise.all(flood)).map((r) => r.statusCode);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  }, 60_000);
});
