/**
 * Graph nodes (PyTorch's grad_fn objects). A node knows its backward function (shared
 * per op, see src/ops), the edges to the nodes of its inputs (next_functions), the
 * tensors it saved with their versions, and per-op attributes in `ctx`.
 */
import { runtimeError } from '../tensor/errors.js';
import type { GradHook, Tensor } from '../tensor/tensor.js';
import { recorder } from './recorder.js';

/** A non-tensor attribute a node saved, as PyTorch exposes it (`_saved_dim`): an int, a bool, a float or a tuple of ints. */
export type SavedAttr = number | boolean | { float: number } | readonly number[];

export interface BackwardFn {
  /** PyTorch's class name: 'MulBackward0'. */
  readonly name: string;
  /** Gradients w.r.t. the outputs (null: none reached that output) -> one per next edge. */
  apply(node: Node, grads: (Tensor | null)[]): (Tensor | null)[];
  /** The node's saved non-tensor attributes by PyTorch's names (for show_attrs), read from its ctx. */
  attrs?(node: Node): Record<string, SavedAttr>;
}

export class SavedTensor {
  constructor(
    readonly tensor: Tensor,
    readonly version: number,
    /** output index when the node saved its own output, else -1 */
    readonly outputNr: number,
  ) {}
}

export const SECOND_BACKWARD =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

const INPLACE_HINT =
  ' Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).';

let nextSeq = 0;

const ZEROS: number[][] = [];
/** A shared, never written, array of n zeros. */
function zeros(n: number): number[] {
  return (ZEROS[n] ??= new Array<number>(n).fill(0));
}

export class Node {
  /** Creation order: the engine runs later nodes first, as PyTorch's sequence numbers do. */
  readonly seq = nextSeq++;
  next: (Node | null)[];
  /** For each edge, which output of the next node it feeds (read only: may be shared). */
  nextNr: readonly number[];
  saved: (SavedTensor | null)[] | null = null;
  /** Set after a backward without retain_graph freed the saved tensors. */
  released = false;
  /** Op attributes (dims, sizes, scalars) the backward formula needs. */
  ctx: any = null;
  numOutputs = 1;
  /** Non-leaf tensor hooks, per output. */
  hooks: (GradHook[] | undefined)[] | null = null;
  /** Recorder only: the forward output and the last gradient that reached it. */
  value: Tensor | null = null;
  lastGrad: Tensor | null = null;
  /** Recorder only: the program line that created the node. */
  line: number | null = null;
  /** Recorder only: what the node saved, by PyTorch's names, kept for show_saved after backward frees it. */
  savedForViz: { name: string; tensor: Tensor }[] | null = null;
  /** Engine scratch for the backward pass `runId` (kept on the node: no Map lookups on the hot path). */
  runId = 0;
  deps = 0;
  buffer: (Tensor | null)[] | null = null;
  needed = false;
  inHeap = false;

  constructor(readonly fn: BackwardFn, inputs: readonly (Tensor | null)[]) {
    const n = inputs.length;
    this.next = new Array(n);
    let nonZeroNr = false;
    for (let i = 0; i < n; i++) {
      const t = inputs[i];
      if (t === null || !t.requiresGrad) this.next[i] = null;
      else if (t.gradFn !== null) {
        this.next[i] = t.base === null ? t.gradFn : gradFnOf(t);
        if (t.outputNr !== 0) nonZeroNr = true;
      } else this.next[i] = accumulatorOf(t);
    }
    // almost every edge feeds output 0: share one read-only array of zeros then
    this.nextNr = nonZeroNr ? inputs.map((t) => (t !== null && t.requiresGrad && t.gradFn !== null ? t.outputNr : 0)) : zeros(n);
  }

  get name(): string {
    return this.fn.name;
  }

  /** Save a tensor for backward; `outputNr` >= 0 when it is this node's own output. */
  save(t: Tensor | null, outputNr = -1, name?: string): void {
    const s = t === null ? null : new SavedTensor(t, t.version.v, outputNr);
    if (this.saved === null) this.saved = [s];
    else this.saved.push(s);
    if (recorder.enabled && t !== null) {
      const shown = (this.savedForViz ??= []);
      shown.push({ name: name ?? savedName(outputNr, shown), tensor: t });
    }
  }

  /** A saved tensor, checked against in-place modification since it was saved. */
  unpack(i: number): Tensor {
    if (this.released) throw runtimeError(SECOND_BACKWARD);
    const s = this.saved![i]!;
    const t = s.tensor;
    if (t.version.v !== s.version) {
      let msg = `one of the variables needed for gradient computation has been modified by an inplace operation: [${t.dtype.legacyName} [${t.shape.join(', ')}]]`;
      if (s.outputNr >= 0) msg += `, which is output ${s.outputNr} of ${this.name},`;
      else if (t.gradFn !== null) msg += `, which is output ${t.outputNr} of ${t.gradFn.name},`;
      throw runtimeError(`${msg} is at version ${t.version.v}; expected version ${s.version} instead.${INPLACE_HINT}`);
    }
    return t;
  }

  /** A node this one runs internally (CopySlices' op): freed together with it. */
  inner: Node | null = null;

  /** Free saved tensors (after a backward without retain_graph). */
  release(): void {
    if (this.saved !== null) {
      this.released = true;
      this.saved = null;
    }
    // CopySlices drops its op entirely (PyTorch resets `fn`): a second backward always fails
    if (this.inner !== null) {
      this.inner.release();
      this.released = true;
    }
  }
}

/** PyTorch's `_saved_*` names where an op does not give one: inputs self, other; outputs result, result1. */
function savedName(outputNr: number, earlier: readonly { name: string }[]): string {
  if (outputNr >= 0) return outputNr === 0 ? 'result' : `result${outputNr}`;
  const inputs = earlier.filter((e) => !e.name.startsWith('result')).length;
  return ['self', 'other'][inputs] ?? `saved${inputs}`;
}

/** The AccumulateGrad node of a leaf: accumulates into `variable.grad`. */
export class AccumulateGrad extends Node {
  constructor(readonly variable: Tensor) {
    super(ACCUMULATE, []);
  }
}
const ACCUMULATE: BackwardFn = { name: 'AccumulateGrad', apply: () => [] };

export function accumulatorOf(leaf: Tensor): Node {
  return (leaf.accumulator ??= new AccumulateGrad(leaf));
}

/**
 * Make `out` the `nr`-th output of `node` (sets gradFn/requiresGrad, and the recorder's
 * value when recording is on).
 */
let refreshView: ((view: Tensor) => void) | null = null;
/** ops/inplace.ts: how a stale view gets its history back (an AsStridedBackward0 of its base). */
export function installViewRefresher(refresh: (view: Tensor) => void): void {
  refreshView = refresh;
}

/**
 * A tensor's grad_fn as PyTorch reports and uses it: a view whose base was changed in
 * place (through another view or itself) after the view's history was set gets a fresh
 * one over the base's new history, as PyTorch regenerates it when it is next read.
 */
export function gradFnOf(t: Tensor): Node | null {
  if (t.base !== null && t.gradFn !== null && t.historyVersion >= 0 && t.historyVersion !== t.version.v && refreshView !== null) refreshView(t);
  return t.gradFn;
}

export function setHistory(out: Tensor, node: Node, nr = 0): Tensor {
  out.gradFn = node;
  out.outputNr = nr;
  out.requiresGrad = true;
  if (out.base !== null) out.historyVersion = out.version.v;
  if (recorder.enabled && nr === 0) {
    node.value = out;
    node.line = recorder.lineOf();
  }
  return out;
}
