/**
 * gradviz pictures: the public API for the service and the CLI.
 *
 *   toDot(graph, options)        VizGraph -> DOT ('annotated' default, or 'torchviz')
 *   renderSvg(dot, options)      DOT -> self-contained, accessible, deterministic SVG
 *   renderGraphSvg(graph, opts)  both, with the SVG's title/desc made from the graph
 *   renderPng(svg, options)      SVG -> PNG bytes
 *   errorSvg(error, options)     an SVG that shows a program's error
 *   graphToApiJson(graph)        the `graph` field of POST /graph's JSON answer
 */
import type { VizGraph } from './model.js';
import type { DotOptions } from './options.js';
import { toDot } from './dot.js';
import { describeGraph } from './describe.js';
import { renderSvg } from './render.js';
import type { RenderOptions } from './render.js';

export type { VizGraph, VizNode, VizTensor, VizSaved, ApiGraph, ApiGraphNode } from './model.js';
export { graphToApiJson, graphFromApiJson } from './model.js';
export type { DotOptions } from './options.js';
export { toDot } from './dot.js';
export { DEFAULT_NODE_BUDGET, MAX_NODE_BUDGET } from './budget.js';
export { renderSvg, renderPng, renderPngSync, loadGraphviz, graphvizResets, LayoutRefused, countDotNodes } from './render.js';
export type { RenderOptions, PngOptions } from './render.js';
export { errorSvg } from './error-svg.js';
export type { ProgramError, ErrorSvgOptions } from './error-svg.js';
export { describeGraph } from './describe.js';

export async function renderGraphSvg(
  graph: VizGraph,
  options: DotOptions = {},
  render: Pick<RenderOptions, 'deadline'> = {},
): Promise<{ dot: string; svg: string }> {
  const dot = toDot(graph, options);
  const svg = await renderSvg(dot, { ...describeGraph(graph), ...render });
  return { dot, svg };
}
