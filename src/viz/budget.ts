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

/**
 * Long edges are what make `dot` slow: each edge spanning k ranks becomes k-1
 * virtual nodes in the x-placement network simplex, and a leaf used by every step
 * of a loop (a weight) spans the whole picture — 120 real nodes took 7 s. Ranks
 * are estimated as the longest path from the root. While the virtual nodes exceed
 * LONG_EDGE_BUDGET, the longest edges are drawn from a small copy ("reference") of
 * their input placed next to the consumer instead. Small graphs are untouched.
 */
export const LONG_EDGE_BUDGET = 600;

/** Edge key: input id, consumer id and input slot. */
export function edgeKey(from: string, to: string, slot: number): string {
  return `${from}>${to}#${slot}`;
}

export function longEdges(sel: Selection, budget = LONG_EDGE_BUDGET): Set<string> {
  const depth = new Map<string, number>();
  const pending = new Map<string, number>();
  for (const n of sel.nodes) {
    for (const input of n.inputs) {
      if (input !== null && sel.kept.has(input)) pending.set(input, (pending.get(input) ?? 0) + 1);
    }
  }
  const byId = new Map(sel.nodes.map((n) => [n.id, n]));
  const ready = sel.nodes.filter((n) => !pending.has(n.id)).map((n) => n.id);
  for (const id of ready) depth.set(id, 0);
  // Kahn's order from the root side: a node's depth is final once all consumers are seen.
  for (let head = 0; head < ready.length; head++) {
    const id = ready[head]!;
    const d = depth.get(id)!;
    for (const input of byId.get(id)!.inputs) {
      if (input === null || !sel.kept.has(input)) continue;
      depth.set(input, Math.max(depth.get(input) ?? 0, d + 1));
      const left = pending.get(input)! - 1;
      pending.set(input, left);
      if (left === 0) ready.push(input);
    }
  }
  const edges: { key: string; span: number }[] = [];
  let virtual = 0;
  for (const n of sel.nodes) {
    n.inputs.forEach((input, slot) => {
      if (input === null || !sel.kept.has(input)) return;
      const span = (depth.get(input) ?? 0) - (depth.get(n.id) ?? 0);
      virtual += Math.max(0, span - 1);
      edges.push({ key: edgeKey(input, n.id, slot), span });
    });
  }
  const cut = new Set<string>();
  if (virtual <= budget) return cut;
  edges.sort((a, b) => b.span - a.span || (a.key < b.key ? -1 : 1));
  for (const e of edges) {
    if (virtual <= budget || e.span <= 2) break;
    cut.add(e.key);
    virtual -= e.span - 1;
  }
  return cut;
}
