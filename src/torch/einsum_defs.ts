/**
 * torch.einsum: torch/functional.py's Python wrapper (operands as separate arguments, as
 * one list/tuple, or the sublist format) over the binding
 * `einsum(str equation, Tensor[] tensors, *, int[]? path=None)`.
 */
import { einsum } from '../ops/einsum.js';
import { typeError, valueError } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { BuiltinFunction, ELLIPSIS } from '../python/objects.js';
import { type Kwargs, PyList, PyTuple, type PyValue, hostServices, pyTypeName } from '../python/values.js';
import { callEntry, type Entry } from './functions.js';
import { toTensorList } from './pyconv.js';
import { parseSignature } from './signature.js';

const binding: Entry = {
  name: 'einsum',
  sigs: [parseSignature('einsum(str equation, Tensor[] tensors, *, int[]? path=None)')],
  // no opt_einsum in PyTorch's environment, so the wrapper never passes a path
  impl: (b) => einsum(b.equation as string, toTensorList(b.tensors)),
  selfParam: 'input',
};

/** One sublist entry as an equation label (functional.py's parse_subscript). */
function subscriptLabel(n: PyValue): string {
  if (n === ELLIPSIS) return '...';
  if (typeof n !== 'number' && typeof n !== 'bigint' && typeof n !== 'boolean') {
    throw typeError(`'>=' not supported between instances of '${pyTypeName(n)}' and 'int'`);
  }
  const v = Number(n);
  if (v >= 0 && v < 26) return String.fromCharCode(65 + v);
  if (v >= 26 && v < 52) return String.fromCharCode(97 + v - 26);
  throw valueError('einsum(): subscript in subscript list is not within the valid range [0, 52)');
}

const sublist = (v: PyValue): string => [...hostServices().iterate(v)].map(subscriptLabel).join('');

function einsumCall(args: PyValue[], kwargs: Kwargs | null): PyValue {
  if (kwargs && kwargs.size > 0) throw typeError(`einsum() got an unexpected keyword argument '${[...kwargs.keys()][0]}'`);
  if (args.length < 2) {
    throw valueError('einsum(): must specify the equation string and at least one operand, or at least one operand and its subscripts list');
  }
  let equation: PyValue;
  let operands: PyValue[];
  if (args[0] instanceof Tensor) {
    // sublist format: op1, sub1, op2, sub2, ..., [sub_out]
    equation = args.filter((_, i) => i % 2 === 1).map(sublist).join(',');
    if (args.length % 2 === 1) {
      equation += '->' + sublist(args[args.length - 1]);
      operands = args.slice(0, -1).filter((_, i) => i % 2 === 0);
    } else operands = args.filter((_, i) => i % 2 === 0);
  } else {
    equation = args[0];
    operands = args.slice(1);
  }
  if (operands.length === 1 && (operands[0] instanceof PyList || operands[0] instanceof PyTuple)) {
    // the old interface: the operands as one list argument
    return einsumCall([equation, ...operands[0].items], null);
  }
  // PyTorch's argument parser names the bad element of a tuple it otherwise accepts
  const bad = typeof equation === 'string' ? operands.findIndex((o) => !(o instanceof Tensor)) : -1;
  if (bad >= 0) throw typeError(`expected Tensor as element ${bad} in argument 1, but got ${pyTypeName(operands[bad])}`);
  return callEntry(binding, [equation, new PyTuple(operands)], null);
}

export const einsumFunction = new BuiltinFunction('einsum', einsumCall);
