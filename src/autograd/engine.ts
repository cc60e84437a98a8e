/**
 * The backward engine: dependency counting, then nodes run from a max-heap on their
 * sequence number (later-created first, as PyTorch), gradients summed per input buffer.
 * Used by Tensor.backward / torch.autograd.backward (accumulate into leaves' .grad)
 * and torch.autograd.grad (capture gradients of `inputs`, touch no .grad).
 */
import { runtimeError, warn } from '../tensor/errors.js';
import { sameShape, sizeRepr } from '../tensor/shape.js';
import type { Tensor } from '../tensor/tensor.js';
import { gradMode } from './grad_mode.js';
import { AccumulateGrad, Node, SECOND_BACKWARD, accumulatorOf } from './node.js';
import { recorder } from './recorder.js';

/** What the engine needs from src/ops (installed by src/ops/index.ts: keeps imports acyclic). */
export interface EngineOps {
  add(a: Tensor, b: Tensor): Tensor;
  onesLike(t: Tensor): Tensor;
  /** Detached copy (no graph) / a copy with graph (CopyBackwards) under create_graph. */
  detachedClone(t: Tensor): Tensor;
  copyWithGraph(t: Tensor): Tensor;
  /** In-place `a += b` outside any graph. */
  addInto(a: Tensor, b: Tensor): void;
}
let ops: EngineOps;
export function installEngineOps(o: EngineOps): void {
  ops = o;
}

export interface BackwardOptions {
  retainGraph?: boolean;
  createGraph?: boolean;
  /** backward(inputs=...) / autograd.grad inputs */
  inputs?: Tensor[] | null;
}

function rootNode(t: Tensor, i: number): Node {
  if (t.gradFn !== null) return t.gradFn;
  if (t.requiresGrad) return accumulatorOf(t);
  throw runtimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
}

function rootGrad(r: Tensor, g: Tensor | null, i: number): Tensor {
  if (g === null) {
    if (r.numel() !== 1) throw runtimeError('grad can be implicitly created only for scalar outputs');
    return ops.onesLike(r);
  }
  if (!sameShape(g.shape, r.shape)) {
    throw runtimeError(
      `Mismatch in shape: grad_output[${i}] has a shape of ${sizeRepr(g.shape)} and output[${i}] has a shape of ${sizeRepr(r.shape)}.`,
    );
  }
  return g;
}

const CREATE_GRAPH_WARNING =
  'Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient which can cause a memory leak. ' +
  'We recommend using autograd.grad when creating the graph to avoid this. If you have to use this function, make sure to reset the .grad fields ' +
  'of your parameters to None after use to break the cycle and avoid the leak.';

/** torch.autograd.backward: accumulate into .grad of the leaves (or only of `inputs`). */
export function backward(roots: Tensor[], grads: (Tensor | null)[] | null, opts: BackwardOptions = {}): void {
  if (opts.createGraph) warn('UserWarning', CREATE_GRAPH_WARNING);
  const captured = run(roots, grads, opts, true);
  // backward(inputs=[...]) also fills .grad of non-leaf inputs (leaves went through AccumulateGrad)
  const inputs = opts.inputs;
  if (inputs && captured) {
    inputs.forEach((t, k) => {
      const g = captured[k];
      if (t.gradFn !== null && g !== null) accumulateInto(t, g, opts.createGraph ?? false);
    });
  }
}

/** torch.autograd.grad: the gradients of roots w.r.t. inputs (null for unused when allowUnused). */
export function grad(
  roots: Tensor[],
  inputs: Tensor[],
  grads: (Tensor | null)[] | null,
  opts: { retainGraph?: boolean; createGraph?: boolean; allowUnused?: boolean } = {},
): (Tensor | null)[] {
  for (let i = 0; i < inputs.length; i++) {
    if (!inputs[i].requiresGrad) throw runtimeError('One of the differentiated Tensors does not require grad');
  }
  const result = run(roots, grads, { ...opts, inputs }, false)!;
  if (!opts.allowUnused && result.some((g) => g === null)) {
    throw runtimeError(
      'One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.',
    );
  }
  return result;
}

function run(roots: Tensor[], gradsIn: (Tensor | null)[] | null, opts: BackwardOptions, accumulate: boolean): (Tensor | null)[] | null {
  const createGraph = opts.createGraph ?? false;
  const retainGraph = opts.retainGraph ?? createGraph;
  // plain loops, no per-call tuples or closures: most backward calls have one root and a handful of nodes
  const nRoots = roots.length;
  const rootNodes = new Array<Node>(nRoots);
  for (let i = 0; i < nRoots; i++) rootNodes[i] = rootNode(roots[i], i);
  const rootG = new Array<Tensor>(nRoots);
  for (let i = 0; i < nRoots; i++) rootG[i] = rootGrad(roots[i], gradsIn?.[i] ?? null, i);
  const inputs = opts.inputs ?? null;

  // Capture points: the edge through which each input's gradient arrives.
  let captureAt: Map<Node, [number, number][]> | null = null;
  const captured: (Tensor | null)[] | null = inputs ? inputs.map(() => null) : null;
  if (inputs !== null) {
    captureAt = new Map();
    inputs.forEach((t, k) => {
      const node = t.gradFn ?? accumulatorOf(t);
      const list = captureAt!.get(node) ?? [];
      list.push([t.gradFn !== null ? t.outputNr : 0, k]);
      captureAt!.set(node, list);
    });
  }

  // Dependencies (and, with inputs, which nodes lead to one at all), kept on the nodes.
  const runId = ++runCounter;
  const order: Node[] = [];
  const stack: Node[] = [];
  for (let i = 0; i < nRoots; i++) {
    const n = rootNodes[i];
    if (n.runId !== runId) {
      visit(n, runId);
      stack.push(n);
    }
  }
  while (stack.length > 0) {
    const n = stack.pop()!;
    order.push(n);
    const next = n.next;
    for (let i = 0; i < next.length; i++) {
      const m = next[i];
      if (m === null) continue;
      if (m.runId !== runId) {
        visit(m, runId);
        stack.push(m);
      }
      m.deps++;
    }
  }
  if (captureAt !== null) {
    // reverse DFS order is not topological in general: iterate to a fixed point
    let changed = true;
    while (changed) {
      changed = false;
      for (const n of order) {
        if (n.needed) continue;
        if (captureAt.has(n) || n.next.some((m) => m !== null && m.needed)) {
          n.needed = true;
          changed = true;
        }
      }
    }
  } else for (const n of order) n.needed = true;

  for (let i = 0; i < nRoots; i++) addTo(rootNodes[i], roots[i].gradFn !== null ? roots[i].outputNr : 0, rootG[i]);
  const heap = new NodeHeap();
  for (let i = 0; i < nRoots; i++) {
    const n = rootNodes[i];
    if (n.deps === 0 && !n.inHeap) heap.push(n);
  }

  const prevMode = gradMode.enabled;
  gradMode.enabled = createGraph;
  try {
    while (heap.size > 0) {
      const node = heap.pop();
      const grads = node.buffer ?? new Array<Tensor | null>(node.numOutputs).fill(null);
      node.buffer = null;
      let outs: (Tensor | null)[] | null = null;
      if (node.needed) {
        applyTensorHooks(node, grads);
        if (recorder.enabled) node.lastGrad = grads[0];
        const caps = captureAt?.get(node);
        if (caps !== undefined) for (const [nr, k] of caps) captured![k] = grads[nr];
        if (node instanceof AccumulateGrad) {
          if (accumulate && grads[0] !== null && (captureAt === null || caps !== undefined)) accumulateInto(node.variable, grads[0], createGraph);
        } else if (hasAny(grads)) {
          if (node.released) throw runtimeError(SECOND_BACKWARD);
          outs = node.fn.apply(node, grads);
          if (!retainGraph) node.release();
        }
      }
      const next = node.next;
      for (let i = 0; i < next.length; i++) {
        const m = next[i];
        if (m === null) continue;
        const g = outs === null ? null : outs[i];
        if (g !== null && g !== undefined && m.needed) addTo(m, node.nextNr[i], g);
        if (--m.deps === 0) heap.push(m);
      }
    }
  } finally {
    gradMode.enabled = prevMode;
    for (let i = 0; i < order.length; i++) {
      const n = order[i];
      n.buffer = null;
      n.deps = 0;
      n.needed = false;
      n.inHeap = false;
    }
  }
  return captured;
}

let runCounter = 0;

function visit(n: Node, runId: number): void {
  n.runId = runId;
  n.deps = 0;
  n.buffer = null;
  n.needed = false;
  n.inHeap = false;
}

/** Sum a gradient into the node's input buffer slot. */
function addTo(n: Node, nr: number, g: Tensor): void {
  let buf = n.buffer;
  if (buf === null) {
    buf = n.numOutputs === 1 ? [null] : new Array<Tensor | null>(n.numOutputs).fill(null);
    n.buffer = buf;
  }
  const prev = buf[nr];
  buf[nr] = prev === null ? g : ops.add(prev, g);
}

function hasAny(grads: (Tensor | null)[]): boolean {
  for (let i = 0; i < grads.length; i++) if (grads[i] !== null) return true;
  return false;
}

function applyTensorHooks(node: Node, grads: (Tensor | null)[]): void {
  if (node instanceof AccumulateGrad) {
    const hooks = node.variable.hooks;
    if (hooks !== null && grads[0] !== null) grads[0] = runHooks(hooks, grads[0]);
    return;
  }
  if (node.hooks !== null) {
    for (let nr = 0; nr < grads.length; nr++) {
      const hs = node.hooks[nr];
      const g = grads[nr];
      if (hs !== undefined && g !== null) grads[nr] = runHooks(hs, g);
    }
  }
}

/**
 * retain_grad(): in PyTorch 1.13 a hook like the others, run in registration order (a hook
 * registered after it does not change the retained grad). It stores while the tensor is
 * still this node's output.
 */
export function retainGradHook(t: Tensor, node: Node): (g: Tensor) => void {
  return (g) => {
    if (t.gradFn !== node) return;
    t.grad = t.grad === null ? (gradMode.enabled ? g : ops.detachedClone(g)) : ops.add(t.grad, g);
  };
}

function runHooks(hooks: readonly ((g: Tensor) => Tensor | null | undefined | void)[], g: Tensor): Tensor {
  for (const h of hooks.slice()) {
    const r = h(g);
    if (r !== undefined && r !== null) g = r;
  }
  return g;
}

/** AccumulateGrad: a new tensor the first time, summed in place after (a graph op under create_graph). */
function accumulateInto(v: Tensor, g: Tensor, createGraph: boolean): void {
  if (v.grad === null) v.grad = createGraph ? ops.copyWithGraph(g) : ops.detachedClone(g);
  else if (createGraph) v.grad = ops.add(v.grad, g);
  // without create_graph PyTorch adds in place, even into a grad that has a graph (its grad_fn stays)
  else ops.addInto(v.grad, g);
}

/** Max-heap of nodes by sequence number. */
class NodeHeap {
  private items: Node[] = [];
  get size(): number {
    return this.items.length;
  }
  push(n: Node): void {
    n.inHeap = true;
    const a = this.items;
    a.push(n);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].seq >= a[i].seq) break;
      const t = a[p];
      a[p] = a[i];
      a[i] = t;
      i = p;
    }
  }
  pop(): Node {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].seq > a[m].seq) m = l;
        if (r < a.length && a[r].seq > a[m].seq) m = r;
        if (m === i) break;
        const t = a[m];
        a[m] = a[i];
        a[i] = t;
        i = m;
      }
    }
    return top;
  }
}
