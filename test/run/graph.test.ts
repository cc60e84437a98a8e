/**
 * The graph model a /graph job builds from a real run: PyTorch's node names, the program
 * line and variable of each node, and the saved tensors by PyTorch's `_saved_*` names
 * (recorded from PyTorch 1.13: SinBackward0 saves self; MulBackward0 self and other;
 * PowBackward0 self — `exponent` and `alpha` are attributes, not tensors).
 */
import { describe, expect, it } from 'vitest';
import type { GraphRequest, GraphResponse } from '../../src/api/schemas.js';
import { runGraphJob } from '../../src/run/jobs.js';

const PROGRAM = [
  'import torch',
  'x = torch.tensor(2.0, requires_grad=True)',
  'w = torch.tensor(3.0, requires_grad=True)',
  'h = x * w',
  'y = torch.sin(h) + x ** 2',
  'y.backward()',
].join('\n');

const request = (overrides: Partial<GraphRequest> = {}): GraphRequest => ({
  program: PROGRAM,
  format: 'json',
  show_values: true,
  show_grads: true,
  show_saved: false,
  show_attrs: false,
  rankdir: 'TB',
  theme: 'light',
  style: 'annotated',
  transparent: false,
  ...overrides,
});

describe('the graph of a run', () => {
  it('names each op node by the line that made it and the variable that holds it', async () => {
    const { body } = await runGraphJob(request());
    const nodes = (body as GraphResponse).graph!.nodes;
    expect(nodes.map((n) => [n.name, n.line ?? null, n.assigned_name ?? null, n.variable ?? null])).toEqual([
      ['AddBackward0', 5, 'y', null],
      ['SinBackward0', 5, null, null],
      ['MulBackward0', 4, 'h', null],
      ['AccumulateGrad', null, null, 'x'],
      ['AccumulateGrad', null, null, 'w'],
      ['PowBackward0', 5, null, null],
    ]);
  });

  it('draws saved tensors under their PyTorch names with show_saved', async () => {
    const { body } = await runGraphJob(request({ format: 'dot', style: 'torchviz', show_saved: true }));
    const labels = [...(body as string).matchAll(/label=<(self|other)<BR\/>/g)].map((m) => m[1]);
    // SinBackward0: self; MulBackward0: self, other (drawn on the leaves x and w); PowBackward0: self (x)
    expect(labels.sort()).toEqual(['other', 'self', 'self', 'self']);
    const plain = await runGraphJob(request({ format: 'dot', style: 'torchviz' }));
    expect(plain.body as string).not.toMatch(/fillcolor=orange/);
  });

  it('puts the line in the SVG so a page can highlight it', async () => {
    const { body } = await runGraphJob(request({ format: 'svg' }));
    expect(body as string).toMatch(/class="node gv-node gv-op line-4"/);
  });
});
