/**
 * toDot: a VizGraph as Graphviz DOT, in one of two styles (see dot-annotated.ts and
 * dot-torchviz.ts). Deterministic: every id comes from the model's ids and the
 * statements follow the model's order.
 *
 * Big graphs (budget.ts): at most `maxNodes` (default 400, at most 3000) graph nodes
 * are drawn — those nearest the output, breadth first, each op's leaf inputs with
 * it — and the rest is one note node "… N of M nodes shown (nearest the output)"
 * with dashed edges into the nodes whose inputs were cut. When the kept graph still
 * has many long edges (a weight used by every step of a loop), the longest ones are
 * drawn from small dashed references beside their consumers. The layout thus never
 * sees more than the budget, and its time grows with the budget, not the program.
 */
import type { VizGraph } from './model.js';
import type { DotOptions } from './options.js';
import { resolveOptions } from './options.js';
import { annotatedDot } from './dot-annotated.js';
import { torchvizDot } from './dot-torchviz.js';

export function toDot(graph: VizGraph, options: DotOptions = {}): string {
  const o = resolveOptions(options);
  return o.style === 'torchviz' ? torchvizDot(graph, o) : annotatedDot(graph, o);
}
