/** Graphs of any size shaped like a training loop: x = tanh(x * w + b), steps times. */
import type { VizGraph, VizNode, VizTensor } from '../../src/viz/model.js';

const t = (v: number): VizTensor => ({ dtype: 'float32', shape: [], data: v, requires_grad: false, grad_fn: null });

export function loopGraph(steps: number): VizGraph {
  const nodes: VizNode[] = [];
  let next = 0;
  const id = () => `n${next++}`;
  // DFS preorder from the root, as the engine numbers them: the last step first.
  const w = 'w_leaf';
  const b = 'b_leaf';
  let input = '';
  const chain: VizNode[] = [];
  for (let s = steps; s >= 1; s--) {
    const tanh = id();
    const add = id();
    const mul = id();
    chain.push(
      { id: tanh, name: 'TanhBackward0', inputs: [add], value: t(0.5), grad: t(1), line: 5 },
      { id: add, name: 'AddBackward0', inputs: [mul, b], value: t(0.5), grad: t(1), line: 5 },
      { id: mul, name: 'MulBackward0', inputs: ['PREV', w], value: t(0.5), grad: t(1), line: 5 },
    );
  }
  const x = id();
  for (let i = 0; i < chain.length; i += 3) {
    input = i + 3 < chain.length ? chain[i + 3]!.id : x;
    chain[i + 2]!.inputs[0] = input;
  }
  nodes.push(...chain);
  nodes.push({ id: x, name: 'AccumulateGrad', inputs: [], variable: 'x', value: t(1), grad: t(0) });
  nodes.push({ id: w, name: 'AccumulateGrad', inputs: [], variable: 'w', value: t(0.9), grad: t(0.1) });
  nodes.push({ id: b, name: 'AccumulateGrad', inputs: [], variable: 'b', value: t(0.1), grad: t(0.2) });
  return { root: nodes[0]!.id, nodes };
}
