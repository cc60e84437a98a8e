/** torch.autograd: backward (records the graph target) and grad. */
import { backward, grad } from '../autograd/engine.js';
import { Tensor } from '../tensor/tensor.js';
import { PyTuple, type PyValue, hostServices } from '../python/values.js';
import { runContext } from './run_context.js';
import { bindOverloads, parseSignature } from './signature.js';
import { noGrad, enableGrad, setGradEnabledGuard } from './grad_mode.js';

const tensors = (v: PyValue): Tensor[] => (v instanceof Tensor ? [v] : ([...hostServices().iterate(v)] as Tensor[]));
const optTensors = (v: PyValue): (Tensor | null)[] | null => (v === null ? null : v instanceof Tensor ? [v] : ([...hostServices().iterate(v)] as (Tensor | null)[]));

const backwardSig = parseSignature(
  'backward(PyObject tensors, PyObject grad_tensors=None, bool? retain_graph=None, bool create_graph=False, PyObject grad_variables=None, PyObject inputs=None)',
);
const gradSig = parseSignature(
  'grad(PyObject outputs, PyObject inputs, PyObject grad_outputs=None, bool? retain_graph=None, bool create_graph=False, bool only_inputs=True, bool allow_unused=False, bool is_grads_batched=False)',
);

export function autogradBackward(args: PyValue[], kwargs: Map<string, PyValue> | null): PyValue {
  const { bound } = bindOverloads([backwardSig], args, kwargs);
  const roots = tensors(bound.tensors);
  runContext.lastBackwardRoot = roots[roots.length - 1] ?? null;
  backward(roots, optTensors(bound.grad_tensors), {
    retainGraph: bound.retain_graph === null ? undefined : (bound.retain_graph as boolean),
    createGraph: bound.create_graph === true,
    inputs: bound.inputs === null ? undefined : tensors(bound.inputs),
  });
  return null;
}

export function autogradGrad(args: PyValue[], kwargs: Map<string, PyValue> | null): PyValue {
  const { bound } = bindOverloads([gradSig], args, kwargs);
  const result = grad(tensors(bound.outputs), tensors(bound.inputs), optTensors(bound.grad_outputs), {
    retainGraph: bound.retain_graph === null ? undefined : (bound.retain_graph as boolean),
    createGraph: bound.create_graph === true,
    allowUnused: bound.allow_unused === true,
  });
  return new PyTuple(result);
}

export function autogradModule(): Record<string, PyValue> {
  return { backward: autogradBackward, grad: autogradGrad, no_grad: noGrad, enable_grad: enableGrad, set_grad_enabled: setGradEnabledGuard };
}
