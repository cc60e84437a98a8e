/** The annotated style's promises, checked on the rendered SVG parsed as XML. */
import { beforeAll, describe, expect, it } from 'vitest';
import { toDot } from '../../src/viz/dot.js';
import type { VizGraph, VizNode, VizTensor } from '../../src/viz/model.js';
import { describeGraph, graphToApiJson, graphFromApiJson, renderGraphSvg } from '../../src/viz/index.js';
import { graphvizResets, loadGraphviz, renderSvg } from '../../src/viz/render.js';
import { caseGraph, caseGraphs } from './cases.js';
import { hasClass, parseXml, walk } from './xml.js';
import type { XmlElement } from './xml.js';

const scalar = (data: unknown): VizTensor => ({ dtype: 'float32', shape: [], data, requires_grad: false, grad_fn: null });

function nodeEl(svg: string, id: string): XmlElement {
  const el = [...walk(parseXml(svg))].find((e) => e.name === 'g' && e.attrs.id === `gv-${id}`);
  if (!el) throw new Error(`no node ${id}`);
  return el;
}

/** Texts of a node in document order, as a reader sees them. */
function texts(el: XmlElement): string[] {
  return [...walk(el)].filter((e) => e.name === 'text').map((e) => e.text);
}

beforeAll(async () => {
  await loadGraphviz();
});

describe('annotated nodes', () => {
  it('show op, value, gradient (∇, own colour), leaf names and the output', async () => {
    const c = caseGraph('184');
    const svg = await renderSvg(toDot(c.graph));
    // n3 is the leaf x = 2 with x.grad = 0.8613 (PyTorch prints tensor(0.8613)).
    expect(texts(nodeEl(svg, 'n3'))).toEqual(['x', '2.', '∇', ' 0.8613']);
    const root = nodeEl(svg, 'n0');
    expect(texts(root)).toEqual(['DivBackward0 ', 'output', '2.3031', '∇', ' 1.']);
    expect(hasClass(root, 'gv-output')).toBe(true);
    // The gradient is drawn in the gradient colour, the value in the text colour.
    const fills = Object.fromEntries([...walk(root)].filter((e) => e.name === 'text').map((e) => [e.text, e.attrs.fill]));
    expect(fills['2.3031']).toBe('#111827');
    expect(fills[' 1.']).toBe('#9a3412');
  });

  it('carry the assigned variable, the source line in class and tooltip', async () => {
    const g: VizGraph = {
      root: 'n0',
      nodes: [
        { id: 'n0', name: 'MulBackward0', inputs: ['n1', null], value: scalar(4), grad: scalar(1), assignedName: 'h', line: 7 },
        { id: 'n1', name: 'AccumulateGrad', inputs: [], variable: 'x', value: scalar(2), grad: scalar(2) },
      ],
    };
    const source = 'import torch\n\n\n\n\nx = torch.tensor(2.0, requires_grad=True)\nh = x * 2  # <double> & "more"\n';
    const svg = await renderSvg(toDot(g, { source }));
    const el = nodeEl(svg, 'n0');
    expect(el.attrs.class!.split(' ')).toEqual(['node', 'gv-node', 'gv-output', 'line-7']);
    const anchor = [...walk(el)].find((e) => e.name === 'a')!;
    // Graphviz writes runs of spaces as no-break spaces.
    expect(anchor.attrs['xlink:title']!.replace(/\u00a0/g, ' ')).toBe('line 7: h = x * 2  # <double> & "more"');
    expect(texts(el).slice(0, 2)).toEqual(['h', ' = MulBackward0 ']);
  });

  it('flag NaN, inf and all-zero gradients', async () => {
    const g: VizGraph = {
      root: 'n0',
      nodes: [
        { id: 'n0', name: 'AddBackward0', inputs: ['n1', 'n2', 'n3'], value: scalar(1), grad: scalar(1) },
        { id: 'n1', name: 'AccumulateGrad', inputs: [], variable: 'a', value: scalar(0), grad: scalar('nan') },
        { id: 'n2', name: 'AccumulateGrad', inputs: [], variable: 'b', value: scalar(0), grad: scalar('inf') },
        { id: 'n3', name: 'AccumulateGrad', inputs: [], variable: 'c', value: scalar(0), grad: { ...scalar(0), shape: [2], data: [0, 0] } },
      ],
    };
    const svg = await renderSvg(toDot(g));
    expect(hasClass(nodeEl(svg, 'n1'), 'gv-grad-nan')).toBe(true);
    expect(texts(nodeEl(svg, 'n1'))).toContain('⚠ nan');
    expect(hasClass(nodeEl(svg, 'n2'), 'gv-grad-inf')).toBe(true);
    expect(hasClass(nodeEl(svg, 'n3'), 'gv-grad-zero')).toBe(true);
    expect(texts(nodeEl(svg, 'n3'))).toContain('⚠ all zero');
    expect(hasClass(nodeEl(svg, 'n0'), 'gv-grad-nan')).toBe(false);
  });

  it('escape names and text in HTML labels', async () => {
    const g: VizGraph = {
      root: 'n0',
      nodes: [{ id: 'n0', name: 'Weird<&>"Backward', inputs: ['n1'], value: null, grad: null, assignedName: 'a&b' },
        { id: 'n1', name: 'AccumulateGrad', inputs: [], variable: '<x>', value: scalar(1), grad: null }],
    };
    const svg = await renderSvg(toDot(g));
    expect(texts(nodeEl(svg, 'n0'))).toEqual(['a&b', ' = Weird<&>"Backward ', 'output']);
    expect(texts(nodeEl(svg, 'n1'))).toEqual(['<x>', '1.']);
  });

  it('can leave values and gradients out', () => {
    const dot = toDot(caseGraph('184').graph, { showValues: false, showGrads: false });
    expect(dot).not.toContain('2.3031');
    expect(dot).not.toContain('∇');
  });
});

describe('SVG output', () => {
  it('is self-contained, accessible and deterministic', async () => {
    const c = caseGraph('189');
    const a = (await renderGraphSvg(c.graph)).svg;
    const b = (await renderGraphSvg(graphFromApiJson(JSON.parse(JSON.stringify(graphToApiJson(c.graph)))))).svg;
    expect(a).toBe(b);
    expect(a).not.toMatch(/<!DOCTYPE|<!--|https?:\/\/(?!www\.w3\.org\/(2000\/svg|1999\/xlink))/);
    expect(a).not.toMatch(/\bhref=/);
    const svg = parseXml(a);
    expect(svg.attrs.role).toBe('img');
    expect(svg.children[0]!.name).toBe('title');
    expect(svg.children[0]!.text).toBe('Autograd graph of MeanBackward0: 12 nodes');
    expect(svg.children[1]!.name).toBe('desc');
    expect(svg.children[1]!.text).toContain('Leaves: W1, b1, W2, b2.');
    expect(describeGraph(c.graph).description).toContain('n0 MeanBackward0 from n1, gradient 1..');
  });

  it('sets the background for themes and transparency', () => {
    const g = caseGraph('184').graph;
    expect(toDot(g)).toContain('bgcolor="#ffffff"');
    expect(toDot(g, { theme: 'dark' })).toContain('bgcolor="#0f172a"');
    expect(toDot(g, { theme: 'dark', transparent: true })).toContain('bgcolor=transparent');
    expect(toDot(g, { rankdir: 'LR' })).toContain('rankdir=LR');
  });

  it('never needed a fresh Graphviz instance for all case graphs in all styles', async () => {
    const before = graphvizResets();
    for (const c of caseGraphs()) {
      for (const style of ['annotated', 'torchviz'] as const) {
        await renderSvg(toDot(c.graph, { style, theme: 'dark', rankdir: 'LR', showSaved: true, showAttrs: true }));
      }
    }
    expect(graphvizResets()).toBe(before);
  });
});

describe('a target without a graph', () => {
  it('draws a note (annotated) or the lone output tensor (torchviz)', async () => {
    const empty: VizGraph = { root: null, nodes: [] };
    const a = parseXml(await renderSvg(toDot(empty)));
    expect([...walk(a)].filter((e) => e.name === 'g' && hasClass(e, 'gv-note')).map((e) => texts(e).join(''))).toEqual([
      'no autograd graph: the target has no grad_fn',
    ]);
    const t = parseXml(await renderSvg(toDot(empty, { style: 'torchviz' })));
    expect([...walk(t)].filter((e) => e.name === 'g' && hasClass(e, 'node')).length).toBe(1);
    expect(describeGraph(empty).title).toBe('Autograd graph (empty)');
  });
});

describe('graphToApiJson', () => {
  it('round-trips the recorded API graph exactly', () => {
    for (const c of caseGraphs().slice(0, 30)) {
      const api = graphToApiJson(c.graph);
      expect(graphToApiJson(graphFromApiJson(api))).toEqual(api);
      for (const n of api.nodes as VizNode[]) {
        expect('variable' in n).toBe(n.name === 'AccumulateGrad');
      }
    }
  });
});
