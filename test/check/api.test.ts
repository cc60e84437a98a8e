/** POST /check and /check/batch: request forms, formats, refusals, and the pool's limits per submission. */
import request from 'supertest';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckResponseSchema, GradescopeResultSchema, HttpErrorSchema, MAX_BATCH_SUBMISSIONS } from '../../src/api/schemas.js';
import { TEST_PROGRAMS } from '../../src/service/task.js';
import { makeApp } from '../api/helpers.js';

const DERIVATIVE = 'import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x**2 + 2*x + 1\ny.backward()\nprint(x.grad)\n';
const SIGN_ERROR = DERIVATIVE.replace('+ 2*x', '- 2*x');

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ poolSize: 2, clientMaxRunning: 2 });
});
afterAll(async () => app.close());

const check = (body: object) => request(app.server).post('/check').send(body);
const batch = (body: object) => request(app.server).post('/check/batch').send(body);

describe('POST /check with expected values in the request', () => {
  it('a plain number, a tensor object, and the points', async () => {
    const res = await check({
      submission: DERIVATIVE,
      checks: [
        { name: 'as a number', expr: 'x.grad', expected: 8.0, points: 2 },
        { name: 'as a tensor', expr: 'x.grad', expected: { dtype: 'float32', data: 8 } },
        { name: 'a Python float', expr: 'x.grad.item() * 2', expected: 16 },
      ],
    });
    expect(res.status).toBe(200);
    const body = CheckResponseSchema.parse(res.body);
    expect(body).toMatchObject({ score: 4, max_score: 4, stdout: 'tensor(8.)\n', error: null });
    expect(body.checks[0]).toEqual({
      name: 'as a number',
      passed: true,
      points: 2,
      max_points: 2,
      failure: null,
      message: 'x.grad is correct',
      actual: { dtype: 'float32', shape: [], data: 8, requires_grad: false, grad_fn: null },
      expected: 8,
      max_abs_error: 0,
      max_rel_error: 0,
    });
  });

  it('an int tensor where a float one is expected: the dtype check says so', async () => {
    const res = await check({
      submission: 'import torch\nx = torch.tensor([1, 2, 3])\n',
      checks: [{ name: 'x', expr: 'x', expected: { dtype: 'float32', shape: [3], data: [1, 2, 3] } }],
    });
    expect(res.body.checks[0]).toMatchObject({ passed: false, failure: 'dtype', message: 'x has dtype torch.int64, expected torch.float32' });
  });

  it('tolerances are per check', async () => {
    const res = await check({
      submission: 'import torch\nx = torch.tensor(0.1) * 3\n',
      checks: [
        { name: 'default', expr: 'x', expected: 0.3 },
        { name: 'strict', expr: 'x', expected: 0.3, rtol: 0, atol: 0 },
      ],
    });
    // float32 0.1 * 3 is 0.30000001192092896
    expect(res.body.checks.map((c: { passed: boolean }) => c.passed)).toEqual([true, false]);
    expect(res.body.checks[1].max_abs_error).toBeCloseTo(1.192092896e-8, 15);
  });

  it("an expression that fails in the student's program", async () => {
    const res = await check({ submission: DERIVATIVE, checks: [{ name: 'z', expr: 'z.grad', expected: 1 }] });
    expect(res.body.checks[0]).toMatchObject({
      passed: false,
      failure: 'expr_error',
      message: "could not evaluate z.grad in your program: NameError: name 'z' is not defined",
    });
  });

  it("the program's own error, with its line, scores 0 even for checks that would pass", async () => {
    const res = await check({
      submission: 'import torch\nw = torch.tensor(1.0)\nfor i in range(3):\n    w = w - lr * 2\n',
      checks: [{ name: 'w', expr: 'w', expected: 1.0 }],
    });
    expect(res.body).toMatchObject({
      score: 0,
      error: { type: 'NameError', message: "name 'lr' is not defined", line: 4 },
      checks: [{ passed: false, failure: 'program_error', message: "your program stopped at line 4: NameError: name 'lr' is not defined" }],
    });
  });

  it('a memory bomb stops at the element limit with a MemoryError', async () => {
    const res = await check({ submission: 'import torch\nx = torch.zeros(10**9)\n', checks: [{ name: 'x', expr: 'x.sum()', expected: 0 }] });
    expect(res.body.error).toMatchObject({ type: 'MemoryError', line: 2 });
    expect(res.body.checks[0].message).toMatch(/^your program stopped at line 2: MemoryError: /);
  });
});

describe('POST /check with a reference', () => {
  it('takes the expected values from the reference and compares stdout exactly by default', async () => {
    const res = await check({ submission: SIGN_ERROR, reference: DERIVATIVE, checks: [{ name: 'grad', expr: 'x.grad' }], compare_stdout: true });
    expect(res.body).toMatchObject({
      score: 0,
      max_score: 2,
      checks: [
        { name: 'grad', failure: 'values', message: 'x.grad is 4.0, expected 8.0', max_abs_error: 4, max_rel_error: 0.5 },
        { name: 'stdout', failure: 'stdout', message: 'your output differs at line 1: "tensor(4.)", expected "tensor(8.)"', actual: 'tensor(4.)\n', expected: 'tensor(8.)\n' },
      ],
    });
  });

  it("compare_stdout with the conformance runner's number tolerance", async () => {
    const reference = 'import torch\nprint(torch.tensor(-218.4625))\n';
    const submission = 'import torch\nprint(torch.tensor(-218.4626))\n';
    const exact = await check({ submission, reference, checks: [], compare_stdout: { mode: 'exact', points: 3, name: 'output' } });
    const numbers = await check({ submission, reference, checks: [], compare_stdout: { mode: 'numbers', points: 3, name: 'output' } });
    expect(exact.body).toMatchObject({ score: 0, max_score: 3, checks: [{ name: 'output', passed: false }] });
    expect(numbers.body).toMatchObject({ score: 3, max_score: 3, checks: [{ name: 'output', passed: true, message: 'your output is correct' }] });
  });

  it('a reference that fails answers 422: nothing can be graded', async () => {
    const res = await check({ submission: DERIVATIVE, reference: 'import torch\nq = q + 1\n', checks: [{ name: 'grad', expr: 'x.grad' }] });
    expect(res.status).toBe(422);
    expect(HttpErrorSchema.parse(res.body).error).toEqual({
      type: 'ReferenceFailed',
      message: "the reference program failed at line 2: NameError: name 'q' is not defined",
    });
    const expr = await check({ submission: DERIVATIVE, reference: DERIVATIVE, checks: [{ name: 'w', expr: 'w.grad' }] });
    expect(expr.status).toBe(422);
    expect(expr.body.error.message).toBe("the reference program could not evaluate w.grad: NameError: name 'w' is not defined");
  });
});

describe('format: "gradescope"', () => {
  it("answers Gradescope's results.json shape", async () => {
    const res = await check({ submission: SIGN_ERROR, reference: DERIVATIVE, checks: [{ name: 'grad', expr: 'x.grad', points: 5 }, { name: 'y', expr: 'y' }], format: 'gradescope' });
    expect(GradescopeResultSchema.parse(res.body)).toEqual({
      score: 0,
      tests: [
        { name: 'grad', score: 0, max_score: 5, status: 'failed', output: 'x.grad is 4.0, expected 8.0' },
        { name: 'y', score: 0, max_score: 1, status: 'failed', output: 'y is 4.0, expected 16.0' },
      ],
    });
  });

  it("puts the program's error in the top-level output", async () => {
    const res = await check({ submission: 'import torch\nx = torch.tensor(3, requires_grad=True)\n', checks: [{ name: 'grad', expr: 'x.grad', expected: 8 }], format: 'gradescope' });
    const message = 'your program stopped at line 2: RuntimeError: Only Tensors of floating point and complex dtype can require gradients';
    expect(res.body).toEqual({ score: 0, output: message, tests: [{ name: 'grad', score: 0, max_score: 1, status: 'failed', output: message }] });
  });
});

describe('refused requests', () => {
  it('a check without expected needs a reference', async () => {
    const res = await check({ submission: DERIVATIVE, checks: [{ name: 'grad', expr: 'x.grad' }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'ValidationError', field: 'checks[0].expected' });
  });

  it(`a batch holds at most ${MAX_BATCH_SUBMISSIONS} submissions`, async () => {
    const res = await batch({ submissions: new Array(MAX_BATCH_SUBMISSIONS + 1).fill('x = 1'), checks: [{ name: 'x', expr: 'x', expected: 1 }] });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('submissions');
  });

  it('an expected tensor whose shape does not match its data', async () => {
    const res = await check({ submission: 'x = 1', checks: [{ name: 'x', expr: 'x', expected: { dtype: 'float32', shape: [2], data: [1, 2, 3] } }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("does not match the data's nesting");
  });
});

describe('a batch: each submission pays only for itself', () => {
  it('a job the pool must stop (an endless loop inside the engine) is a TimeoutError for it alone', async () => {
    const short = await makeApp({ poolSize: 2, clientMaxRunning: 2, timeLimitMs: 3000 });
    const res = await request(short.server).post('/check/batch').send({ submissions: [DERIVATIVE, TEST_PROGRAMS.spin, SIGN_ERROR], reference: DERIVATIVE, checks: [{ name: 'grad', expr: 'x.grad' }] });
    expect(res.status).toBe(200);
    const [ok, spin, sign] = res.body.results;
    expect(ok).toMatchObject({ score: 1, error: null });
    expect(spin).toMatchObject({
      score: 0,
      error: { type: 'TimeoutError', message: 'program exceeded the time limit (3 s)' },
      checks: [{ failure: 'program_error', message: 'your program stopped: TimeoutError: program exceeded the time limit (3 s)' }],
    });
    expect(sign).toMatchObject({ score: 0, checks: [{ message: 'x.grad is 4.0, expected 8.0' }] });
    await short.close();
  });

  it('a worker that dies of its heap limit is a MemoryError for that submission alone', async () => {
    // its own app: filling 64 MB takes longer than the 2 s limit of the others on a busy machine
    const roomy = await makeApp({ poolSize: 2, clientMaxRunning: 2, timeLimitMs: 20_000, workerHeapMb: 64 });
    const res = await request(roomy.server).post('/check/batch').send({ submissions: [TEST_PROGRAMS.exhaustHeap, DERIVATIVE], reference: DERIVATIVE, checks: [{ name: 'grad', expr: 'x.grad' }] });
    const [bomb, ok] = res.body.results;
    expect(bomb.error).toMatchObject({ type: 'MemoryError', message: 'program exceeded the memory limit (64 MB)' });
    expect(ok).toMatchObject({ score: 1, error: null });
    await roomy.close();
  });

  it('answers in the order of the submissions, in the asked format', async () => {
    const subs = [SIGN_ERROR, DERIVATIVE, SIGN_ERROR, DERIVATIVE, DERIVATIVE];
    const res = await batch({ submissions: subs, reference: DERIVATIVE, checks: [{ name: 'grad', expr: 'x.grad' }], format: 'gradescope' });
    expect(res.body.results.map((r: { score: number }) => r.score)).toEqual([0, 1, 0, 1, 1]);
  });
});
