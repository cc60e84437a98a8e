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

describe('show_attrs', () => {
  // Each node's non-tensor `_saved_*` attributes, recorded from PyTorch 1.13 on
  // x = torch.ones(2, 3, requires_grad=True).
  const RECORDED: [string, string, Record<string, string>][] = [
    ['x + 1', 'AddBackward0', { alpha: '1' }],
    ['x - 1', 'SubBackward0', { alpha: '1' }],
    ['1 - x', 'RsubBackward1', { alpha: '1' }],
    ['x ** 2', 'PowBackward0', { exponent: '2' }],
    ['x.sum(dim=0)', 'SumBackward1', { dim: '(0,)', keepdim: 'False', self_sym_sizes: '(2, 3)' }],
    ['x.sum()', 'SumBackward0', { self_sym_sizes: '(2, 3)' }],
    ['x.mean()', 'MeanBackward0', { self_numel: '6', self_sizes: '(2, 3)' }],
    ['x.mean(dim=1, keepdim=True)', 'MeanBackward1', { dim: '(1,)', keepdim: 'True', self_sym_sizes: '(2, 3)' }],
    ['x[0]', 'SelectBackward0', { dim: '0', index: '0', self_sizes: '(2, 3)' }],
    ['x.transpose(0, 1)', 'TransposeBackward0', { dim0: '0', dim1: '1' }],
    ['x.unsqueeze(0)', 'UnsqueezeBackward0', { dim: '0' }],
    ['x.softmax(dim=1)', 'SoftmaxBackward0', { dim: '1' }],
    ['x.clamp(min=0.0, max=1.0)', 'ClampBackward1', { max: '1.0', min: '0.0' }],
  ];
  for (const [expr, name, attrs] of RECORDED) {
    it(`${name} of ${expr}`, async () => {
      const program = `import torch\nx = torch.ones(2, 3, requires_grad=True)\ny = ${expr}\n`;
      const { body } = await runGraphJob(request({ program, format: 'dot', style: 'torchviz', show_attrs: true }));
      const label = /n0 \[label=<(.*?)> id=/.exec(body as string)![1];
      const [title, , ...lines] = label.split('<BR/>');
      expect(title).toBe(name);
      const shown = Object.fromEntries(lines.map((l) => l.split(':').map((part) => part.trim())));
      expect(shown).toEqual(attrs);
    });
  }
});
