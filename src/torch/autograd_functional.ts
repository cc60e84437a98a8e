/**
 * torch.autograd.functional.jacobian, hessian and vjp, following torch/autograd/functional.py
 * (the reverse-mode, non-vectorized path): the inputs are detached copies that require
 * grad, each output element is differentiated with autograd.grad, and rows of unused
 * inputs are zeros. Tuples in give tuples out, as there.
 */
import { grad } from '../autograd/engine.js';
import { withGradMode } from '../autograd/grad_mode.js';
import { setRequiresGrad } from '../autograd/tensor_api.js';
import * as ops from '../ops/index.js';
import { runtimeError, typeError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { BuiltinFunction } from '../python/objects.js';
import { type Kwargs, PyTuple, type PyValue, hostServices, pyTypeName } from '../python/values.js';

/** (is a tuple, its tensors): functional.py's _as_tuple. */
function asTuple(v: PyValue, what: string, fn: string): [boolean, Tensor[]] {
  const items = v instanceof Tensor ? [v] : v instanceof PyTuple ? v.items : null;
  if (items === null) throw typeError(`The ${what} given to ${fn} must be either a Tensor or a tuple of Tensors but the given ${what} has type ${pyTypeName(v)}.`);
  items.forEach((t, i) => {
    if (!(t instanceof Tensor))
      throw typeError(`The ${what} given to ${fn} must be either a Tensor or a tuple of Tensors but the value at index ${i} has type ${pyTypeName(t)}.`);
  });
  return [v instanceof PyTuple, items as Tensor[]];
}

/** _grad_preprocess: inputs the function is differentiated at. */
const preprocess = (inputs: Tensor[], createGraph: boolean): Tensor[] =>
  inputs.map((t) => (createGraph && t.requiresGrad ? ops.view(t, t.shape) : setRequiresGrad(ops.detach(t), true)));

/** The jacobian blocks [output][input], each of shape output.shape + input.shape. */
function jacobianBlocks(func: PyValue, inputs: Tensor[], createGraph: boolean): { outTuple: boolean; blocks: Tensor[][] } {
  return withGradMode(true, () => {
    const inp = preprocess(inputs, createGraph);
    const [outTuple, outputs] = asTuple(hostServices().call(func, inp, null), 'outputs of the user-provided function', 'jacobian');
    const blocks = outputs.map((out) => {
      const rows: Tensor[][] = inp.map(() => []);
      const flat = ops.reshape(out, [-1]);
      for (let j = 0; j < out.numel(); j++) {
        const el = ops.select(flat, 0, j);
        const g = el.requiresGrad ? grad([el], inp, null, { retainGraph: true, createGraph, allowUnused: true }) : inp.map(() => null);
        g.forEach((gi, k) => rows[k].push(gi ?? ops.zerosLike(inp[k])));
      }
      return rows.map((r, k) => {
        const block = ops.view(ops.stack(r, 0), [...out.shape, ...inp[k].shape]);
        return createGraph ? block : ops.detach(block);
      });
    });
    return { outTuple, blocks };
  });
}

/** _tuple_postprocess: unwrap what was not a tuple on the way in. */
function postprocess(blocks: Tensor[][], outTuple: boolean, inTuple: boolean): PyValue {
  if (outTuple && inTuple) return new PyTuple(blocks.map((row) => new PyTuple(row)));
  if (outTuple) return new PyTuple(blocks.map((row) => row[0]));
  if (inTuple) return new PyTuple(blocks[0]);
  return blocks[0][0];
}

const option = (args: PyValue[], kwargs: Kwargs | null, i: number, name: string): boolean =>
  (args.length > i ? args[i] : kwargs?.get(name)) === true;

function jacobian(args: PyValue[], kwargs: Kwargs | null): PyValue {
  const [func, inputs] = [args[0] ?? kwargs?.get('func'), args[1] ?? kwargs?.get('inputs')];
  const [inTuple, tensors] = asTuple(inputs!, 'inputs', 'jacobian');
  const { outTuple, blocks } = jacobianBlocks(func!, tensors, option(args, kwargs, 2, 'create_graph'));
  return postprocess(blocks, outTuple, inTuple);
}

function hessian(args: PyValue[], kwargs: Kwargs | null): PyValue {
  const [func, inputs] = [args[0] ?? kwargs?.get('func'), args[1] ?? kwargs?.get('inputs')];
  const [inTuple, tensors] = asTuple(inputs!, 'inputs', 'hessian');
  // the function's gradient, with its graph, is the function the outer jacobian differentiates
  const scalar = new BuiltinFunction('ensure_single_output_function', (inp) => {
    const out = hostServices().call(func, inp, null);
    const [, outs] = asTuple(out, 'outputs of the user-provided function', 'hessian');
    if (outs[0].numel() !== 1) throw runtimeError('The function given to hessian should return a single Tensor');
    return ops.squeeze(outs[0]);
  });
  const jacFunc = new BuiltinFunction('jac_func', (inp) => new PyTuple(jacobianBlocks(scalar, inp as Tensor[], true).blocks[0]));
  const { blocks } = jacobianBlocks(jacFunc, tensors, option(args, kwargs, 2, 'create_graph'));
  return postprocess(blocks, inTuple, inTuple);
}

/** vjp(func, inputs, v=None): (func(inputs), vᵀ·J), detached unless create_graph. */
function vjp(args: PyValue[], kwargs: Kwargs | null): PyValue {
  const [func, inputs] = [args[0] ?? kwargs?.get('func'), args[1] ?? kwargs?.get('inputs')];
  const v = args.length > 2 ? args[2] : kwargs?.get('v') ?? null;
  const createGraph = option(args, kwargs, 3, 'create_graph');
  const [inTuple, tensors] = asTuple(inputs!, 'inputs', 'vjp');
  return withGradMode(true, () => {
    const inp = preprocess(tensors, createGraph);
    const [outTuple, outputs] = asTuple(hostServices().call(func!, inp, null), 'outputs of the user-provided function', 'vjp');
    let vs: (Tensor | null)[];
    if (v === null) {
      if (outputs.length !== 1 || outputs[0].numel() !== 1)
        throw runtimeError('The vector v can only be None if the user-provided function returns a single Tensor with a single element.');
      vs = [null];
    } else vs = asTuple(v, 'v', 'vjp')[1];
    const live = outputs.map((o, i) => [o, vs[i]] as const).filter(([o]) => o.requiresGrad);
    const grads = live.length ? grad(live.map(([o]) => o), inp, live.map(([, g]) => g), { createGraph, allowUnused: true }) : inp.map(() => null);
    const result = grads.map((g, k) => {
      const r = g ?? ops.zerosLike(inp[k]);
      return createGraph ? r : ops.detach(r);
    });
    const outs = outputs.map((o) => (createGraph ? o : ops.detach(o)));
    return new PyTuple([outTuple ? new PyTuple(outs) : outs[0], inTuple ? new PyTuple(result) : result[0]]);
  });
}

export function autogradFunctionalModule(): Record<string, PyValue> {
  return {
    jacobian: new BuiltinFunction('jacobian', jacobian),
    hessian: new BuiltinFunction('hessian', hessian),
    vjp: new BuiltinFunction('vjp', vjp),
  };
}
