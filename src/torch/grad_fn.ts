/**
 * grad_fn objects as Python sees them: `type(t.grad_fn).__name__ == 'AddBackward0'`,
 * `.name()`, `.next_functions` ((node, nr), ...), `.variable` on AccumulateGrad.
 * One wrapper per Node (identity is kept: `a.grad_fn is b.grad_fn`).
 */
import { AccumulateGrad, type Node } from '../autograd/node.js';
import { PY_TYPE, PyTuple, type PyType, type PyValue, hostServices } from '../python/values.js';
import { objectId } from '../python/text.js';

export class GradFn {
  constructor(readonly node: Node) {}
}

const wrappers = new WeakMap<Node, GradFn>();
const typesByName = new Map<string, PyType<GradFn>>();

function typeFor(name: string): PyType<GradFn> {
  let t = typesByName.get(name);
  if (!t) {
    t = {
      name,
      repr: (self) => `<${name} object at 0x${objectId(self).toString(16).padStart(12, '0')}>`,
      getattr: gradFnAttr,
      hash: (self) => objectId(self),
    };
    typesByName.set(name, t);
  }
  return t;
}

export function gradFnObject(node: Node | null): GradFn | null {
  if (node === null) return null;
  let w = wrappers.get(node);
  if (!w) {
    w = new GradFn(node);
    Object.defineProperty(w, PY_TYPE, { value: typeFor(node.fn.name), enumerable: false });
    wrappers.set(node, w);
  }
  return w;
}

/** Nodes written by hand in C++ (torch/csrc/autograd/functions): name() is their qualified C++ name. */
const HAND_WRITTEN = new Set(['AccumulateGrad', 'CopySlices', 'CopyBackwards']);

function gradFnAttr(self: GradFn, name: string): PyValue | undefined {
  const node = self.node;
  switch (name) {
    case 'next_functions':
      return new PyTuple(node.next.map((n, i) => new PyTuple([gradFnObject(n), n === null ? 0 : node.nextNr[i]])));
    case 'name':
      return () => (HAND_WRITTEN.has(node.fn.name) ? `torch::autograd::${node.fn.name}` : node.fn.name);
    case 'variable':
      if (node instanceof AccumulateGrad) return node.variable;
      return undefined;
    case 'metadata':
      return hostServices().dict([]);
  }
  return undefined;
}
