/**
 * The autograd graph of a target tensor as the drawing model (src/viz) and API.md's JSON:
 * PyTorch's nodes walked depth first from `target.grad_fn` over `next_functions`, ids
 * `n0, n1, ...` in preorder, shared nodes once, null inputs kept. A leaf's AccumulateGrad
 * node is named by the first global (in binding order) bound to that very leaf.
 */
import { AccumulateGrad, type Node, type SavedAttr, gradFnOf } from '../autograd/node.js';
import { floatRepr } from '../python/format.js';
import type { PyValue } from '../python/values.js';
import { Tensor } from '../tensor/tensor.js';
import type { VizGraph, VizNode, VizTensor } from '../viz/model.js';
import { tensorToJSON } from './serialize.js';

const vizTensor = (t: Tensor | null): VizTensor | null => (t === null ? null : (tensorToJSON(t, false) as VizTensor));

/** `str()` of a saved attribute, as torchviz prints it: `2`, `False`, `0.0`, `(0,)`, `(2, 3)`. */
function attrText(v: SavedAttr): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : floatRepr(v);
  if ('float' in v) return floatRepr(v.float);
  return v.length === 1 ? `(${v[0]},)` : `(${v.join(', ')})`;
}

function attrsOf(node: Node): Record<string, string> | undefined {
  const attrs = node.fn.attrs?.(node);
  if (attrs === undefined) return undefined;
  return Object.fromEntries(Object.entries(attrs).map(([name, v]) => [name, attrText(v)]));
}

/** First global name bound to each object, in binding order. */
function namesByIdentity(globals: ReadonlyMap<string, PyValue>): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const [name, value] of globals) {
    if (name.startsWith('__') || value === null || typeof value !== 'object') continue;
    if (!names.has(value)) names.set(value, name);
  }
  return names;
}

/** Nodes in DFS preorder (iterative: a 10000-step loop makes graphs too deep to recurse). */
function preorder(root: Node): Node[] {
  const order: Node[] = [];
  const seen = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    order.push(node);
    for (let i = node.next.length - 1; i >= 0; i--) {
      const child = node.next[i];
      if (child !== null && !seen.has(child)) stack.push(child);
    }
  }
  return order;
}

export interface GraphSource {
  target: Tensor;
  globals: ReadonlyMap<string, PyValue>;
  /** make_dot(params={...}): name -> tensor. */
  params?: ReadonlyMap<string, Tensor> | null;
}

export function buildGraph({ target, globals, params }: GraphSource): VizGraph | null {
  const names = namesByIdentity(globals);
  const assigned = new Map<Node, string>();
  for (const [value, name] of names) {
    const fn = value instanceof Tensor ? gradFnOf(value) : null;
    if (fn !== null && (value as Tensor).outputNr === 0 && !assigned.has(fn)) assigned.set(fn, name);
  }
  if (target.gradFn === null) {
    if (!target.requiresGrad) return null;
    const leafNode: VizNode = {
      id: 'n0',
      name: 'AccumulateGrad',
      inputs: [],
      variable: names.get(target) ?? null,
      value: vizTensor(target),
      grad: vizTensor(target.grad),
    };
    return { root: 'n0', nodes: [leafNode], ...paramsOf(params, new Map([[target, 'n0']])) };
  }
  const order = preorder(gradFnOf(target)!);
  const ids = new Map<Node, string>(order.map((node, i) => [node, `n${i}`]));
  const leafIds = new Map<Tensor, string>();
  for (const node of order) if (node instanceof AccumulateGrad) leafIds.set(node.variable, ids.get(node)!);
  const nodes = order.map((node): VizNode => {
    const id = ids.get(node)!;
    const inputs = node.next.map((child) => (child === null ? null : ids.get(child)!));
    if (node instanceof AccumulateGrad) {
      const leaf = node.variable;
      return {
        id,
        name: node.name,
        inputs,
        variable: names.get(leaf) ?? null,
        value: vizTensor(leaf),
        grad: vizTensor(leaf.grad),
      };
    }
    return {
      id,
      name: node.name,
      inputs,
      value: vizTensor(node.value),
      grad: vizTensor(node.lastGrad),
      assignedName: assigned.get(node) ?? null,
      line: node.line,
      saved: node.savedForViz?.map(({ name, tensor }) => ({ name, value: vizTensor(tensor)!, tensorOf: leafIds.get(tensor) })),
      attrs: attrsOf(node),
    };
  });
  return { root: 'n0', nodes, ...paramsOf(params, leafIds) };
}

function paramsOf(params: GraphSource['params'], leafIds: ReadonlyMap<Tensor, string>): Pick<VizGraph, 'params'> {
  if (params === undefined || params === null) return {};
  const byId: Record<string, string> = {};
  for (const [name, tensor] of params) {
    const id = leafIds.get(tensor);
    if (id !== undefined) byId[id] = name;
  }
  return { params: byId };
}
