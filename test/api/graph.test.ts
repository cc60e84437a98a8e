import request from 'supertest';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphResponseSchema, HttpErrorSchema } from '../../src/api/schemas.js';
import { makeApp } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(async () => app.close());

const FAILING = 'import torch\nraise_here(\n';
const FIRST_EXAMPLE = 'import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x**2 + 4*x + 3\ny.backward()\n';

describe('POST /graph: a program that fails answers 422 in the format asked for', () => {
  it('svg (the default): an SVG that shows the error, locked down for embedding', async () => {
    const res = await request(app.server).post('/graph').send({ program: FAILING }).buffer(true).parse((r, cb) => {
      let text = '';
      r.on('data', (d: Buffer) => (text += d));
      r.on('end', () => cb(null, text));
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(res.body).not.toMatch(/href=|<script/);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors *");
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('json: the /grad error shape inside the graph answer', async () => {
    const res = await request(app.server).post('/graph').send({ program: FAILING, format: 'json' });
    expect(res.status).toBe(422);
    const body = GraphResponseSchema.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.graph).toBeNull();
    expect(body.error?.type).toEqual(expect.any(String));
  });

  it('dot: a DOT graph with the error as a note', async () => {
    const res = await request(app.server).post('/graph').send({ program: FAILING, format: 'dot' });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toBe('text/vnd.graphviz; charset=utf-8');
    expect(res.text).toMatch(/^digraph \{\n\terror \[label=".+" shape=note/);
  });

  it('rejects a drawing option it does not know, naming it', async () => {
    const res = await request(app.server).post('/graph').send({ program: 'x', rankdir: 'BT' });
    expect(res.status).toBe(400);
    expect(HttpErrorSchema.parse(res.body).error.field).toBe('rankdir');
  });

  it('json: the autograd graph of the first example (recorded from PyTorch 1.13)', async () => {
    const res = await request(app.server).post('/graph').send({ program: FIRST_EXAMPLE, format: 'json' });
    expect(res.status).toBe(200);
    const body = GraphResponseSchema.parse(res.body);
    const byId = new Map(body.graph!.nodes.map((n) => [n.id, n]));
    const root = byId.get(body.graph!.root)!;
    expect(root.name).toBe('AddBackward0');
    expect(root.inputs[1]).toBeNull();
    expect(byId.get(root.inputs[0]!)!.name).toBe('AddBackward0');
    expect(body.svg).toMatch(/^<svg/);
    expect(body.dot).toMatch(/^digraph/);
  });
});

describe('GET /graph.svg', () => {
  it('turns query parameters into an expression request, with an ETag', async () => {
    const res = await request(app.server).get('/graph.svg').query({ expr: 'sin(x) * y', x: '2', y: '[1, 2]', theme: 'dark' });
    expect([200, 422]).toContain(res.status);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers['cache-control']).toBe(res.status === 200 ? 'public, max-age=3600' : 'no-store');
  });

  it('answers 304 to If-None-Match with the same ETag, and a different ETag for other options', async () => {
    const first = await request(app.server).get('/graph.svg?expr=x*2&x=3');
    const again = await request(app.server).get('/graph.svg?expr=x*2&x=3').set('if-none-match', first.headers.etag);
    expect(again.status).toBe(304);
    const other = await request(app.server).get('/graph.svg?expr=x*2&x=3&rankdir=LR');
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it.each([
    ['x=abc', 'x', /an input must be a number or a JSON list/],
    ['show_values=maybe', 'show_values', /1\/0 or true\/false/],
    ['theme=pink', 'theme', /^theme: /],
    ['program=x&expr=y', 'expression', /not both/],
  ])('%s is a 400 naming %s', async (query, field, message) => {
    const res = await request(app.server).get(`/graph.svg?${query}`);
    expect(res.status).toBe(400);
    const err = HttpErrorSchema.parse(res.body);
    expect(err.error.field).toBe(field === 'expression' ? 'expr' : field);
    expect(err.error.message).toMatch(message);
  });

  it('a parameter given twice is a 400', async () => {
    const res = await request(app.server).get('/graph.svg?expr=x&x=1&x=2');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('x');
  });
});

describe('GET /health, /openapi.json, /docs', () => {
  it('health reports the pool', async () => {
    const res = await request(app.server).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), pool: { threads: 1, queued: 0, running: 0 } });
  });

  it('serves the OpenAPI document built from the zod schemas', async () => {
    const res = await request(app.server).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(['/check', '/check/batch', '/grad', '/graph', '/graph.svg', '/health']);
    const gradBody = res.body.paths['/grad'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(gradBody)).toContain('GradRequest');
    const schemas = res.body.components.schemas;
    expect(schemas.Tensor.properties).toHaveProperty('grad_fn');
    expect(schemas.GraphRequest.properties.format.enum).toEqual(['svg', 'dot', 'json', 'png']);
    expect(Object.keys(res.body.paths['/graph'].post.responses['200'].content).sort()).toEqual(['application/json', 'image/png', 'image/svg+xml', 'text/vnd.graphviz']);
  });

  it('serves the browsable docs page', async () => {
    const res = await request(app.server).get('/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Swagger UI');
  });
});
