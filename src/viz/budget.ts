/**
 * The big-graph policy. A 10000-step loop builds tens of thousands of nodes; `dot`
 * cannot lay that out in useful time and nobody can read it. We draw at most
 * `budget` nodes: those nearest the root (breadth first over next_functions, so
 * the last steps of a loop — the ones that made the output — come first), and each
 * kept op node pulls in its leaf inputs straight away so the picture keeps the
 * program's parameters beside the ops that use them. Everything else is replaced by
 * one note node "… N of M nodes shown" with dashed edges into the nodes whose
 * inputs were cut. The work before layout is O(nodes + edges) and the layout only
 * ever sees <= budget + 1 nodes, so layout time is bounded by the budget.
 */
import type { VizGraph, VizNode } from './model.js';
import { nodeMap } from './model.js';

export const DEFAULT_NODE_BUDGET = 400;
/** The most a caller may ask for: beyond this the `dot` layout takes many seconds. */
export const MAX_NODE_BUDGET = 3000;

export interface Selection {
  /** Kept nodes, in the model's order. */
  nodes: VizNode[];
  kept: Set<string>;
  /** Kept nodes with at least one input that was cut. */
  frontier: Set<string>;
  /** Nodes of the whole graph (the producer's count when it had cut the graph itself). */
  total: number;
  /** True when something is not drawn. */
  truncated: boolean;
}

export function selectNodes(graph: VizGraph, budget = DEFAULT_NODE_BUDGET): Selection {
  const byId = nodeMap(graph);
  const limit = Math.max(1, Math.min(Math.floor(budget), MAX_NODE_BUDGET));
  const kept = new Set<string>();
  const reachable = new Set<string>();
  const queue: string[] = [];
  if (graph.root !== null && byId.has(graph.root)) {
    queue.push(graph.root);
    reachable.add(graph.root);
  }
  const keep = (id: string) => {
    if (kept.size < limit) kept.add(id);
  };
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (!kept.has(id)) keep(id);
    if (!kept.has(id)) continue;
    const node = byId.get(id)!;
    for (const input of node.inputs) {
      if (input === null || reachable.has(input) || !byId.has(input)) continue;
      reachable.add(input);
      // Leaves go in with their consumer; op inputs wait their breadth-first turn.
      if (byId.get(input)!.name === 'AccumulateGrad') keep(input);
      queue.push(input);
    }
  }
  const frontier = new Set<string>();
  for (const id of kept) {
    for (const input of byId.get(id)!.inputs) {
      if (input !== null && !kept.has(input)) frontier.add(id);
    }
  }
  const total = Math.max(graph.truncated?.total ?? 0, graph.nodes.length);
  const nodes = graph.nodes.filter((n) => kept.has(n.id));
  return { nodes, kept, frontier, total, truncated: nodes.length < total || frontier.size > 0 };
}

export function truncationNote(sel: Selection): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  return `${fmt(sel.nodes.length)} of ${fmt(sel.total)} nodes shown (nearest the output)`;
}
