import request from 'supertest';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradResponseSchema, HttpErrorSchema } from '../../src/api/schemas.js';
import { makeApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ bodyLimit: 4096 });
});
afterAll(async () => app.close());

const post = (body: unknown) => request(app.server).post('/grad').send(body as object);

describe('POST /grad', () => {
  it('answers 200 with every field of API.md, even for a program that fails', async () => {
    const res = await post({ program: 'import torch\nprint(undefined_name)\n' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = GradResponseSchema.parse(res.body);
    expect(Object.keys(res.body).sort()).toEqual(['error', 'gradients', 'ok', 'stdout', 'value', 'variables', 'warnings']);
    expect(body.ok).toBe(false);
    expect(body.error).not.toBeNull();
  });

  it('runs the course first example (recorded from PyTorch 1.13)', async () => {
    const program = 'import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x**2 + 4*x + 3\ny.backward()\nprint(x.grad)\n';
    const res = await post({ program });
    expect(res.body).toMatchObject({
      ok: true,
      stdout: 'tensor(8.)\n',
      error: null,
      gradients: { x: { dtype: 'float32', shape: [], data: 8, requires_grad: false, grad_fn: null } },
      value: { dtype: 'float32', shape: [], data: 15, requires_grad: true, grad_fn: 'AddBackward0' },
    });
  });

  it('expression mode sums a non-scalar result and says so', async () => {
    const res = await post({ expression: 'x * w', inputs: { x: 2.0, w: [1, 2, 3] } });
    expect(res.body).toMatchObject({
      ok: true,
      summed: true,
      gradients: { x: { data: 6 }, w: { data: [2, 2, 2] } },
    });
  });

  it('a NameError carries its line and the stdout printed before it', async () => {
    const res = await post({ program: 'print("a")\nx = 1\ny = z\n' });
    expect(res.body).toMatchObject({ ok: false, stdout: 'a\n', error: { type: 'NameError', message: "name 'z' is not defined", line: 3 } });
    expect(res.body.variables).toEqual({ x: 1 });
  });

  it('sends x-request-id, security and CORS headers', async () => {
    const res = await post({ program: 'x = 1' }).set('origin', 'https://slides.example');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('keeps an incoming x-request-id', async () => {
    const res = await post({ program: 'x = 1' }).set('x-request-id', 'trace-42');
    expect(res.headers['x-request-id']).toBe('trace-42');
  });

  it('answers a CORS preflight', async () => {
    const res = await request(app.server).options('/grad').set('origin', 'https://slides.example').set('access-control-request-method', 'POST').set('access-control-request-headers', 'content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('POST /grad: requests that are wrong get a 400 naming the field', () => {
  const cases: [string, unknown, string | undefined, RegExp][] = [
    ['program of the wrong type', { program: 3 }, 'program', /^program: Invalid input: expected string, received number$/],
    ['neither program nor expression', {}, 'program', /exactly one of program \/ expression/],
    ['both program and expression', { program: 'x', expression: 'x' }, 'expression', /not both/],
    ['an unknown field', { program: 'x', progam: 'y' }, 'progam', /^progam: unknown field$/],
    ['inputs with a program', { program: 'x', inputs: { x: 1 } }, 'inputs', /only go with an expression/],
    ['an input that is not a number', { expression: 'x', inputs: { x: 'two' } }, 'inputs.x', /^inputs\.x: /],
    ['an input name that is not an identifier', { expression: 'x', inputs: { 'x y': 1 } }, 'inputs.x y', /Python identifier/],
    ['a dtype that cannot require grad', { expression: 'x', inputs: { x: 1 }, dtype: 'int64' }, 'dtype', /^dtype: /],
    ['a body that is a list', [1, 2], undefined, /the body must be a JSON object/],
  ];
  for (const [what, body, field, message] of cases) {
    it(what, async () => {
      const res = await post(body);
      expect(res.status).toBe(400);
      const err = HttpErrorSchema.parse(res.body);
      expect(err.error.type).toBe('ValidationError');
      expect(err.error.field).toBe(field);
      expect(err.error.message).toMatch(message);
    });
  }

  it('malformed JSON', async () => {
    const res = await request(app.server).post('/grad').set('content-type', 'application/json').send('{"program": "x"');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ ok: false, statusCode: 400, error: { type: 'InvalidJSON', message: 'the body is not valid JSON' } });
  });

  it('an empty JSON body', async () => {
    const res = await request(app.server).post('/grad').set('content-type', 'application/json').send('');
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe('InvalidJSON');
  });

  it('a body over the limit is a 413 with a JSON body', async () => {
    const res = await post({ program: '#'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ ok: false, statusCode: 413, error: { type: 'PayloadTooLarge', message: 'the request body is larger than the limit' } });
  });

  it('a body that is not JSON is a 415', async () => {
    const res = await request(app.server).post('/grad').set('content-type', 'application/xml').send('<program/>');
    expect(res.status).toBe(415);
    expect(res.body.error.type).toBe('UnsupportedMediaType');
  });

  it('an unknown route is a 404 with a JSON body', async () => {
    const res = await request(app.server).get('/nope?x=1');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ ok: false, statusCode: 404, error: { type: 'NotFound', message: 'no route GET /nope' } });
  });
});
