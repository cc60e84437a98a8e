/** Title and description of a graph's SVG, for screen readers. */
import type { VizGraph } from './model.js';
import { nodeMap } from './model.js';
import { tensorLines } from './tensor-text.js';
import type { SvgText } from './svg-post.js';

/** Nodes described one by one up to this many; beyond, only counts. */
const DESCRIBED_NODES = 40;

export function describeGraph(graph: VizGraph): SvgText {
  const byId = nodeMap(graph);
  const root = graph.root !== null ? byId.get(graph.root) : undefined;
  if (!root) return { title: 'Autograd graph (empty)', description: 'The target tensor has no grad_fn: there is no graph to draw.' };
  const leaves = graph.nodes.filter((n) => n.name === 'AccumulateGrad');
  const named = leaves.map((n) => n.variable).filter((v): v is string => !!v);
  const total = Math.max(graph.truncated?.total ?? 0, graph.nodes.length);
  const title = `Autograd graph of ${root.assignedName ?? root.name}: ${total} nodes`;
  const parts = [
    `Output ${root.name}${root.value ? ` = ${tensorLines(root.value).join(' ')}` : ''}.`,
    `Leaves: ${named.length ? named.join(', ') : 'none named'}${leaves.length > named.length ? ` and ${leaves.length - named.length} unnamed` : ''}.`,
  ];
  for (const n of graph.nodes.slice(0, DESCRIBED_NODES)) {
    const label = n.name === 'AccumulateGrad' ? `leaf ${n.variable ?? '(unnamed)'}` : n.name;
    const inputs = n.inputs.filter((i): i is string => i !== null).map((i) => {
      const m = byId.get(i);
      return m?.name === 'AccumulateGrad' ? (m.variable ?? i) : i;
    });
    const grad = n.grad ? `, gradient ${tensorLines(n.grad).join(' ')}` : '';
    parts.push(`${n.id} ${label}${inputs.length ? ` from ${inputs.join(', ')}` : ''}${grad}.`);
  }
  if (graph.nodes.length > DESCRIBED_NODES) parts.push(`… and ${graph.nodes.length - DESCRIBED_NODES} more nodes.`);
  return { title, description: parts.join(' ') };
}
