/**
 * Every recorded graph of the shared cases, drawn in both styles: the SVG must be
 * well-formed XML whose nodes and edges are exactly those of the model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toDot } from '../../src/viz/dot.js';
import { edgesOf } from '../../src/viz/model.js';
import type { VizGraph } from '../../src/viz/model.js';
import { loadGraphviz, renderSvg } from '../../src/viz/render.js';
import { caseGraphs } from './cases.js';
import { hasClass, parseXml, walk } from './xml.js';
import type { XmlElement } from './xml.js';

const cases = caseGraphs();

function titleOf(el: XmlElement): string {
  return el.children.find((c) => c.name === 'title')!.text;
}

function drawn(svg: string) {
  const doc = parseXml(svg);
  const els = [...walk(doc)];
  const nodes = els.filter((e) => e.name === 'g' && hasClass(e, 'node')).map(titleOf).sort();
  const edges = els.filter((e) => e.name === 'g' && hasClass(e, 'edge')).map(titleOf).sort();
  return { doc, nodes, edges };
}

/** Graphviz titles an edge `tail->head`. */
const edgeTitles = (g: VizGraph) => edgesOf(g).map((e) => `${e.from}->${e.to}`);

beforeAll(async () => {
  await loadGraphviz();
});

describe('annotated SVG has the model nodes and edges', () => {
  it('there are recorded graphs to test', () => {
    expect(cases.length).toBeGreaterThan(100);
  });
  for (const c of cases) {
    it(c.name, async () => {
      const svg = await renderSvg(toDot(c.graph, { source: c.source }));
      const { doc, nodes, edges } = drawn(svg);
      expect(doc.name).toBe('svg');
      expect(nodes).toEqual(c.graph.nodes.map((n) => n.id).sort());
      expect(edges).toEqual(edgeTitles(c.graph).sort());
    });
  }
});

describe('torchviz SVG has make_dot nodes and edges', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const svg = await renderSvg(toDot(c.graph, { style: 'torchviz' }));
      const { nodes, edges } = drawn(svg);
      const leaves = c.graph.nodes.filter((n) => n.name === 'AccumulateGrad').map((n) => n.id);
      expect(nodes).toEqual([...c.graph.nodes.map((n) => n.id), ...leaves.map((id) => `${id}_var`), 'output'].sort());
      const expected = [...edgeTitles(c.graph), ...leaves.map((id) => `${id}_var->${id}`), `${c.graph.root}->output`];
      expect(edges).toEqual(expected.sort());
    });
  }
});
