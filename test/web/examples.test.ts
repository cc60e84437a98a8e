/**
 * The playground's examples run on the service as PyTorch 1.13 ran them: each one's stdout
 * is the one recorded in its shared conformance case (the quadratic one is the API example,
 * recorded here), and each draws a graph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../static/src/examples.js';
import { makeApp } from '../api/helpers.js';

const CASES_DIR = new URL('../../../shared/conformance/cases/', import.meta.url).pathname;
/** the example ids and the cases they were copied from */
const CASE_OF: Record<string, string> = {
  'sin-exp': '023',
  vector: '025',
  matrix: '026',
  matmul: '033',
  'exercise3-1': '031',
  'exercise3-2': '032',
  'gradient-descent': '140',
  'third-problem': '041',
  'mlp-loss': '042',
};

function recorded(id: string): { program: string; stdout: string } {
  if (id === 'quadratic') return { program: EXAMPLES[0].program, stdout: 'tensor(8.)\n' };
  const prefix = `${CASE_OF[id]}_`;
  const py = readdirSync(CASES_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.py'))!;
  const expected = JSON.parse(readFileSync(CASES_DIR + py.replace(/\.py$/, '.expected.json'), 'utf8')) as { stdout: string };
  return { program: readFileSync(CASES_DIR + py, 'utf8'), stdout: expected.stdout };
}

describe('the playground examples', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s is its case verbatim, prints what PyTorch printed and draws a graph', async (id, example) => {
    const { program, stdout } = recorded(id);
    expect(example.program).toBe(program);
    const grad = await app.inject({ method: 'POST', url: '/grad', payload: { program } });
    expect(grad.json()).toMatchObject({ ok: true, error: null, stdout });
    const graph = await app.inject({ method: 'POST', url: '/graph', payload: { program, format: 'json' } });
    const body = graph.json();
    expect(body.ok).toBe(true);
    expect(body.graph.nodes.length).toBeGreaterThan(0);
    expect(body.svg).toMatch(/^<svg /);
  });
});
