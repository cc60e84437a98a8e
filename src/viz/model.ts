/**
 * The graph model the pictures are drawn from: PyTorch's autograd graph of one
 * target tensor, as the engine walked it (ids n0, n1, ... in DFS preorder from the
 * root), with each node's forward value and the gradient that reached it.
 * Field names of VizTensor / VizNode follow shared/API.md's JSON.
 */

export interface VizTensor {
  dtype: string;
  shape: number[];
  /** Nested lists as Tensor.tolist() gives; a 0-d tensor is a bare number; "nan"/"inf"/"-inf" strings. */
  data: unknown;
  requires_grad: boolean;
  grad_fn: string | null;
}

export interface VizSaved {
  /** torchviz's name: the `_saved_` attribute without its prefix, `name[i]` for tuple items. */
  name: string;
  value: VizTensor | string;
  /**
   * When the saved tensor *is* a leaf of the graph: that leaf's AccumulateGrad node
   * id. torchviz then draws it on the leaf's own node (make_dot keys nodes by id()).
   */
  tensorOf?: string;
}

export interface VizNode {
  id: string;
  /** PyTorch class name: 'MulBackward0', 'AccumulateGrad'. */
  name: string;
  /** next_functions in PyTorch's order, null where PyTorch has None. */
  inputs: (string | null)[];
  /** AccumulateGrad: the global name bound to the leaf, null if none. */
  variable?: string | null;
  /** Forward output (the leaf for AccumulateGrad). */
  value: VizTensor | null;
  /** Gradient that reached the output in the last backward pass. */
  grad: VizTensor | null;
  /** The program variable the result was assigned to ('h', 'loss'). */
  assignedName?: string | null;
  /** 1-based source line of the statement that created the node. */
  line?: number | null;
  /** show_saved: the node's saved tensors / values. */
  saved?: VizSaved[];
  /** show_attrs: non-tensor saved attributes, already as str(val). */
  attrs?: Record<string, string>;
}

export interface VizGraph {
  root: string | null;
  nodes: VizNode[];
  /**
   * make_dot(params=...): node id -> params name. `{}` means make_dot was called
   * without params (torchviz then draws nameless leaves); absent means there was
   * no make_dot call and the torchviz style names leaves by their variables.
   */
  params?: Record<string, string>;
  /** Set when the producer (engine) already cut the graph: how many nodes exist in all. */
  truncated?: { total: number };
}

/** Edges in drawing order: one per non-null input, from input to consumer (forward flow). */
export function edgesOf(graph: VizGraph): { from: string; to: string; slot: number }[] {
  const out: { from: string; to: string; slot: number }[] = [];
  for (const node of graph.nodes) {
    node.inputs.forEach((input, slot) => {
      if (input !== null) out.push({ from: input, to: node.id, slot });
    });
  }
  return out;
}

export function nodeMap(graph: VizGraph): Map<string, VizNode> {
  return new Map(graph.nodes.map((n) => [n.id, n]));
}

/** The API.md JSON form of a tensor (the node's value/grad carry no nested grad). */
function apiTensor(t: VizTensor | null): VizTensor | null {
  if (t === null) return null;
  return { dtype: t.dtype, shape: t.shape, data: t.data, requires_grad: t.requires_grad, grad_fn: t.grad_fn };
}

export interface ApiGraphNode {
  id: string;
  name: string;
  inputs: (string | null)[];
  variable?: string | null;
  value: VizTensor | null;
  grad: VizTensor | null;
  /** Extras beyond API.md (the project's to design): assigned variable and source line. */
  assigned_name?: string;
  line?: number;
}

export interface ApiGraph {
  root: string | null;
  nodes: ApiGraphNode[];
  truncated?: { total: number };
}

/** The `graph` field of POST /graph's JSON answer; `variable` only on AccumulateGrad nodes. */
export function graphToApiJson(graph: VizGraph): ApiGraph {
  const nodes = graph.nodes.map((n) => {
    const out: ApiGraphNode = {
      id: n.id,
      name: n.name,
      inputs: n.inputs.slice(),
      ...(n.name === 'AccumulateGrad' ? { variable: n.variable ?? null } : {}),
      value: apiTensor(n.value),
      grad: apiTensor(n.grad),
    };
    if (n.assignedName) out.assigned_name = n.assignedName;
    if (n.line != null) out.line = n.line;
    return out;
  });
  const api: ApiGraph = { root: graph.root, nodes };
  if (graph.truncated) api.truncated = { total: graph.truncated.total };
  return api;
}

/** Reads the API.md JSON form back (fixtures, CLI): unknown extras are ignored. */
export function graphFromApiJson(json: ApiGraph): VizGraph {
  return {
    root: json.root,
    nodes: json.nodes.map((n) => ({
      id: n.id,
      name: n.name,
      inputs: n.inputs,
      variable: n.variable ?? null,
      value: n.value ?? null,
      grad: n.grad ?? null,
      assignedName: n.assigned_name ?? null,
      line: n.line ?? null,
    })),
    ...(json.truncated ? { truncated: json.truncated } : {}),
  };
}
