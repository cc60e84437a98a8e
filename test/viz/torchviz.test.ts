/**
 * The torchviz style against torchviz's own walk, run on real PyTorch 1.13 graphs
 * (fixtures/record_torchviz.py): same statements in the same order, same labels
 * (names, shapes, show_attrs tables), same colours, same dir=none saved edges.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { toDot } from '../../src/viz/dot.js';
import type { VizGraph } from '../../src/viz/model.js';
import { canonical, parseDotStatements } from './dot-parse.js';

interface Recorded {
  graph: VizGraph;
  torchviz: (string | null)[][];
}
const recorded: Record<string, Recorded> = JSON.parse(
  readFileSync(new URL('./fixtures/torchviz-recorded.json', import.meta.url), 'utf8'),
);
const options: Record<string, { showSaved: boolean; showAttrs: boolean; maxAttrChars?: number }> = {
  '184_plain': { showSaved: false, showAttrs: false },
  '184_saved_attrs': { showSaved: true, showAttrs: true },
  '040_saved_attrs': { showSaved: true, showAttrs: true },
  exp_saved_result: { showSaved: true, showAttrs: true, maxAttrChars: 10 },
  cat_attrs: { showSaved: true, showAttrs: true, maxAttrChars: 10 },
};

describe('torchviz style emits what make_dot emits', () => {
  for (const [name, rec] of Object.entries(recorded)) {
    it(name, () => {
      const dot = toDot(rec.graph, { style: 'torchviz', ...options[name] });
      expect(canonical(parseDotStatements(dot))).toEqual(rec.torchviz);
    });
  }

  it('uses make_dot resize_graph size and node attributes', () => {
    const dot = toDot(recorded['184_saved_attrs']!.graph, { style: 'torchviz', showSaved: true, showAttrs: true });
    // 29 statements * 0.15 = 4.35 < 12 -> the minimum size.
    expect(dot).toContain('graph [size="12,12"]');
    expect(dot).toContain('node [align=left fontname=Courier fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]');
  });

  it('grows the size with the statement count as resize_graph does', () => {
    // A chain of 60 ops: 1 output + 60 ops + 59 edges + leaf node + leaf edge + output edge = 123 rows.
    const nodes = Array.from({ length: 60 }, (_, i) => ({
      id: `n${i}`,
      name: i === 59 ? 'AccumulateGrad' : 'ExpBackward0',
      inputs: i === 59 ? [] : [`n${i + 1}`],
      variable: i === 59 ? 'x' : undefined,
      value: null,
      grad: null,
    }));
    const dot = toDot({ root: 'n0', nodes }, { style: 'torchviz' });
    expect(dot).toContain(`graph [size="${123 * 0.15},${123 * 0.15}"]`);
    expect(123 * 0.15).toBe(18.45); // Python: str(123 * 0.15) == '18.45'
  });

  it('draws make_dot(leaf) as the green tensor alone', () => {
    const leaf: VizGraph = {
      root: 'n0',
      nodes: [{ id: 'n0', name: 'AccumulateGrad', inputs: [], variable: 'x', value: { dtype: 'float32', shape: [3], data: [1, 2, 3], requires_grad: true, grad_fn: null }, grad: null }],
      params: { n0: 'x' },
    };
    // torchviz: node(var, 'x\n (3)', fillcolor=darkolivegreen1) and nothing else.
    expect(canonical(parseDotStatements(toDot(leaf, { style: 'torchviz' })))).toEqual([['node', 'o0', 'x\n (3)', 'darkolivegreen1']]);
  });

  it('names leaves only through params once make_dot gave them', () => {
    const g = recorded['184_plain']!.graph;
    const withParams = toDot(g, { style: 'torchviz' });
    expect(withParams).toContain('x<BR/> ()');
    const noParams = toDot({ ...g, params: {} }, { style: 'torchviz' });
    expect(noParams).not.toContain('x<BR/> ()');
    const noMakeDot = toDot({ ...g, params: undefined }, { style: 'torchviz' });
    expect(noMakeDot).toContain('x<BR/> ()');
  });
});
