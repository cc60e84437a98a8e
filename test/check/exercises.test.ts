/**
 * The course's exercises graded through POST /check/batch: a correct submission and wrong
 * ones, each with its exact verdict and message. Every actual and expected value is
 * compared with what real PyTorch 1.13 gave for the same program (fixtures/record.py ->
 * fixtures/exercises.recorded.json); only the endless loop is not recorded.
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckBatchResponseSchema, type CheckResponse } from '../../src/api/schemas.js';
import { makeApp } from '../api/helpers.js';

interface Exercise {
  reference: string;
  checks: { name: string; expr: string; points?: number }[];
  submissions: Record<string, string>;
}
interface Recorded {
  stdout: string;
  error: { type: string; message: string; line: number } | null;
  values: { value: unknown; error: { type: string; message: string } | null }[];
}

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const EXERCISES: Record<string, Exercise> = fixture('exercises.json');
const RECORDED: Record<string, { reference: Recorded; submissions: Record<string, Recorded> }> = fixture('exercises.recorded.json');

/** check name -> [passed, message]; `score` out of the exercise's max. */
type Verdict = { score: number; checks: Record<string, [boolean, string]> };

const stopped = (line: number, what: string) => `your program stopped at line ${line}: ${what}`;

const VERDICTS: Record<string, Record<string, Verdict>> = {
  derivative: {
    correct: { score: 3, checks: { 'dy/dx at 3': [true, 'x.grad is correct'], 'y at 3': [true, 'y is correct'] } },
    zeroed: { score: 3, checks: { 'dy/dx at 3': [true, 'x.grad is correct'], 'y at 3': [true, 'y is correct'] } },
    sign: { score: 0, checks: { 'dy/dx at 3': [false, 'x.grad is 4.0, expected 8.0'], 'y at 3': [false, 'y is 4.0, expected 16.0'] } },
    no_zero: { score: 1, checks: { 'dy/dx at 3': [false, 'x.grad is 16.0, expected 8.0'], 'y at 3': [true, 'y is correct'] } },
    shape: { score: 0, checks: { 'dy/dx at 3': [false, 'x.grad has shape (1,), expected ()'], 'y at 3': [false, 'y has shape (1,), expected ()'] } },
    int: {
      score: 0,
      checks: {
        'dy/dx at 3': [false, stopped(2, 'RuntimeError: Only Tensors of floating point and complex dtype can require gradients')],
        'y at 3': [false, stopped(2, 'RuntimeError: Only Tensors of floating point and complex dtype can require gradients')],
      },
    },
    crash: {
      score: 0,
      checks: { 'dy/dx at 3': [false, stopped(4, "NameError: name 'z' is not defined")], 'y at 3': [false, stopped(4, "NameError: name 'z' is not defined")] },
    },
    no_backward: { score: 1, checks: { 'dy/dx at 3': [false, 'x.grad is None: did you call backward()?'], 'y at 3': [true, 'y is correct'] } },
  },
  sum_of_squares: {
    correct: { score: 2, checks: { gradient: [true, 'x.grad is correct'], value: [true, 'y.item() is correct'] } },
    sign: {
      score: 0,
      checks: { gradient: [false, 'x.grad is wrong at 1 of 3 elements; at index (2,) it is -6.0, expected 6.0'], value: [false, 'y.item() is -4.0, expected 14.0'] },
    },
    shape: { score: 1, checks: { gradient: [false, 'x.grad has shape (1, 3), expected (3,)'], value: [true, 'y.item() is correct'] } },
    float64: { score: 1, checks: { gradient: [false, 'x.grad has dtype torch.float64, expected torch.float32'], value: [true, 'y.item() is correct'] } },
    grad_of_y: { score: 1, checks: { gradient: [false, 'x.grad is None: did you call backward()?'], value: [true, 'y.item() is correct'] } },
  },
  x1_W_x2: {
    correct: { score: 4, checks: { 'W.grad': [true, 'W.grad is correct'], 'x1.grad': [true, 'x1.grad is correct'], 'x2.grad': [true, 'x2.grad is correct'], 'W.grad total': [true, 'W.grad.sum() is correct'] } },
    alternative: { score: 4, checks: { 'W.grad': [true, 'W.grad is correct'], 'x1.grad': [true, 'x1.grad is correct'], 'x2.grad': [true, 'x2.grad is correct'], 'W.grad total': [true, 'W.grad.sum() is correct'] } },
    shape: { score: 3, checks: { 'W.grad': [true, 'W.grad is correct'], 'x1.grad': [false, 'x1.grad has shape (2,), expected (1, 2)'], 'x2.grad': [true, 'x2.grad is correct'], 'W.grad total': [true, 'W.grad.sum() is correct'] } },
    no_zero: {
      score: 0,
      checks: {
        'W.grad': [false, 'W.grad is wrong at 6 of 6 elements; at index (0, 0) it is 2.0, expected 1.0'],
        'x1.grad': [false, 'x1.grad is wrong at 2 of 2 elements; at index (0, 0) it is 28.0, expected 14.0'],
        'x2.grad': [false, 'x2.grad is wrong at 3 of 3 elements; at index (0,) it is 18.0, expected 9.0'],
        'W.grad total': [false, 'W.grad.sum() is 36.0, expected 18.0'],
      },
    },
    no_backward: {
      score: 0,
      checks: {
        'W.grad': [false, 'W.grad is None: did you call backward()?'],
        'x1.grad': [false, 'x1.grad is None: did you call backward()?'],
        'x2.grad': [false, 'x2.grad is None: did you call backward()?'],
        'W.grad total': [false, "could not evaluate W.grad.sum() in your program: AttributeError: 'NoneType' object has no attribute 'sum' (a .grad is None: did you call backward()?)"],
      },
    },
  },
};

let app: FastifyInstance;
beforeAll(async () => {
  // a time limit far above the step limit's: the endless loop must end by the interpreter's steps even on a busy machine
  app = await makeApp({ poolSize: 2, clientMaxRunning: 2, timeLimitMs: 60_000 });
});
afterAll(async () => app.close());

async function gradeAll(name: string, names: string[]): Promise<CheckResponse[]> {
  const ex = EXERCISES[name];
  const res = await request(app.server)
    .post('/check/batch')
    .send({ submissions: names.map((n) => ex.submissions[n]), reference: ex.reference, checks: ex.checks });
  expect(res.status).toBe(200);
  return CheckBatchResponseSchema.parse(res.body).results as CheckResponse[];
}

describe.each(Object.keys(VERDICTS))('exercise %s', (name) => {
  const ex = EXERCISES[name];
  const names = Object.keys(ex.submissions);
  let results: Record<string, CheckResponse>;
  beforeAll(async () => {
    const answers = await gradeAll(name, names);
    results = Object.fromEntries(names.map((n, i) => [n, answers[i]]));
  });

  it.each(Object.keys(VERDICTS[name]))('%s: verdicts and messages', (sub) => {
    const r = results[sub];
    const verdict = VERDICTS[name][sub];
    expect(r.score).toBe(verdict.score);
    expect(r.max_score).toBe(ex.checks.reduce((s, c) => s + (c.points ?? 1), 0));
    expect(Object.fromEntries(r.checks.map((c) => [c.name, [c.passed, c.message]]))).toEqual(verdict.checks);
    for (const c of r.checks) expect(c.points).toBe(c.passed ? c.max_points : 0);
  });

  it.each(Object.keys(VERDICTS[name]))('%s: the values, output and error real PyTorch gives', (sub) => {
    const r = results[sub];
    const recorded = RECORDED[name].submissions[sub];
    const reference = RECORDED[name].reference;
    expect(r.stdout).toBe(recorded.stdout);
    if (recorded.error) {
      expect(r.error).toMatchObject(recorded.error);
      for (const c of r.checks) expect(c).toMatchObject({ failure: 'program_error', actual: null });
    } else {
      expect(r.error).toBeNull();
    }
    r.checks.forEach((c, i) => {
      expect(c.expected).toEqual(reference.values[i].value);
      if (recorded.error) return;
      const value = recorded.values[i];
      if (value.error) expect(c).toMatchObject({ failure: 'expr_error', actual: null });
      else expect(c.actual).toEqual(value.value);
    });
  });
});

describe('one submission that never ends', () => {
  it('is a TimeoutError for that submission only; the others in the batch are graded', async () => {
    const [correct, loop, sign] = await gradeAll('derivative', ['correct', 'loop', 'sign']);
    expect(correct.score).toBe(3);
    expect(sign.checks[0].message).toBe('x.grad is 4.0, expected 8.0');
    expect(loop.error).toMatchObject({ type: 'TimeoutError', message: 'program exceeded the step limit (20000000 steps)' });
    expect(loop.score).toBe(0);
    expect(loop.checks.map((c) => c.message)).toEqual([
      stopped(loop.error!.line!, 'TimeoutError: program exceeded the step limit (20000000 steps)'),
      stopped(loop.error!.line!, 'TimeoutError: program exceeded the step limit (20000000 steps)'),
    ]);
    expect([3, 4]).toContain(loop.error!.line);
  });
});

describe('determinism', () => {
  it('the same submissions give the same answers every time (state is reset per run)', async () => {
    const names = ['no_zero', 'correct', 'no_zero', 'shape', 'no_zero'];
    const first = await gradeAll('x1_W_x2', names);
    const second = await gradeAll('x1_W_x2', names);
    expect(second).toEqual(first);
    expect(first[2]).toEqual(first[0]);
    expect(first[4]).toEqual(first[0]);
  });

  it('seeded randomness is the same in every run, and matches a reference recorded with PyTorch', async () => {
    // torch.manual_seed(0); torch.rand(3) in PyTorch 1.13 (recorded)
    const program = 'import torch\ntorch.manual_seed(0)\nw = torch.rand(3)\n';
    const expected = { dtype: 'float32', data: [0.49625658988952637, 0.7682217955589294, 0.08847743272781372] };
    const answers = await Promise.all(
      [0, 1, 2].map(() => request(app.server).post('/check').send({ submission: program, checks: [{ name: 'w', expr: 'w', expected, rtol: 0, atol: 0 }] })),
    );
    for (const a of answers) expect(a.body).toMatchObject({ score: 1, checks: [{ passed: true, max_abs_error: 0 }] });
  });
});
