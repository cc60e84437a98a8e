/**
 * DOT -> SVG with @hpcc-js/wasm-graphviz (Graphviz 16 in WebAssembly), loaded once
 * per process / worker and reused; SVG -> PNG with @resvg/resvg-js.
 *
 * Layout is synchronous WebAssembly and cannot be interrupted from inside: callers
 * run it in a worker thread they can terminate. What we do here is refuse, before
 * layout, anything over the node budget, and skip layout when the caller's deadline
 * has already passed.
 */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import { MAX_NODE_BUDGET } from './budget.js';
import { finishSvg } from './svg-post.js';

let graphviz: Promise<Graphviz> | null = null;

let resets = 0;

/** How often a trapped Graphviz instance was replaced (for tests and metrics). */
export function graphvizResets(): number {
  return resets;
}

function resetGraphviz(): void {
  resets++;
  graphviz = null;
  Graphviz.unload();
}

/** The one Graphviz instance of this process / worker. */
export function loadGraphviz(): Promise<Graphviz> {
  graphviz ??= Graphviz.load();
  return graphviz;
}

export class LayoutRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutRefused';
  }
}

export interface RenderOptions {
  /** <title> of the SVG (screen readers, tooltips of the whole picture). */
  title?: string;
  /** <desc> of the SVG. */
  description?: string;
  /** Refuse DOT with more node statements than this (default 3 × MAX_NODE_BUDGET: nodes, leaf tensors, references). */
  maxNodes?: number;
  /** Epoch milliseconds; past it, no layout is started. */
  deadline?: number;
}

/**
 * Node statements of DOT as toDot writes it: one statement per line, a node
 * statement is `id [` without `->`. An upper bound for other DOT is not attempted.
 */
export function countDotNodes(dot: string): number {
  let count = 0;
  for (const line of dot.split('\n')) {
    const t = line.trimStart();
    if (t.length === 0 || t.includes('->')) continue;
    if (/^(graph|node|edge)\s*\[/.test(t)) continue;
    if (/^("[^"]*"|[A-Za-z_0-9]+)\s*\[/.test(t)) count++;
  }
  return count;
}

export async function renderSvg(dot: string, options: RenderOptions = {}): Promise<string> {
  const limit = options.maxNodes ?? MAX_NODE_BUDGET * 3;
  const nodes = countDotNodes(dot);
  if (nodes > limit) throw new LayoutRefused(`graph has ${nodes} nodes, over the layout budget of ${limit}`);
  if (options.deadline !== undefined && Date.now() > options.deadline) {
    throw new LayoutRefused('time limit reached before layout');
  }
  let svg: string;
  try {
    svg = (await loadGraphviz()).dot(dot, 'svg');
  } catch (err) {
    if (!(err instanceof WebAssembly.RuntimeError)) throw err;
    // A trap leaves the instance's heap corrupt (hpcc-js-wasm issue #389): discard
    // it and lay out once more on a fresh one.
    resetGraphviz();
    svg = (await loadGraphviz()).dot(dot, 'svg');
  }
  return finishSvg(svg, {
    title: options.title ?? 'Autograd graph',
    description: options.description ?? `Autograd graph drawn by gradviz (${nodes} boxes).`,
  });
}

export interface PngOptions {
  /** Zoom factor (2 = twice the SVG's size, crisp on slides). */
  scale?: number;
  /** CSS colour behind a transparent SVG. */
  background?: string;
}

function resvgOptions(o: PngOptions) {
  return {
    fitTo: { mode: 'zoom' as const, value: o.scale ?? 2 },
    ...(o.background ? { background: o.background } : {}),
    font: {
      loadSystemFonts: true,
      defaultFontFamily: 'Liberation Sans',
      sansSerifFamily: 'Liberation Sans',
      monospaceFamily: 'Liberation Mono',
      serifFamily: 'Liberation Serif',
    },
    logLevel: 'off' as const,
  };
}

/** PNG bytes of an SVG, rendered off the event loop. */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  const image = await renderAsync(svg, resvgOptions(options));
  return image.asPng();
}

/** Synchronous variant for worker threads (and tests). */
export function renderPngSync(svg: string, options: PngOptions = {}): Buffer {
  return new Resvg(svg, resvgOptions(options)).render().asPng();
}
