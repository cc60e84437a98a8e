/**
 * torch functions of a variable number of tensors (torch/functional.py wrappers that take
 * them as separate arguments or as one list): meshgrid and broadcast_tensors.
 *
 * meshgrid(*tensors, indexing=None): ATen's, each 1-d input viewed along its own
 * dimension and expanded (ViewBackward0, ExpandBackward0); 'xy' swaps the first two inputs
 * and then the first two outputs.
 */
import * as ops from '../ops/index.js';
import { runtimeError, typeError, warn } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { BuiltinFunction } from '../python/objects.js';
import { type Kwargs, PyList, PyTuple, type PyValue, pyTypeName } from '../python/values.js';
import { sameShape } from '../tensor/shape.js';

function meshgrid(tensors: Tensor[], indexing: string): Tensor[] {
  for (const t of tensors)
    if (t.dim() > 1) throw runtimeError(`torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: ${t.toString()}`);
  const swap = indexing === 'xy' && tensors.length >= 2;
  const inputs = tensors.slice();
  if (swap) [inputs[0], inputs[1]] = [inputs[1], inputs[0]];
  const shape = inputs.map((t) => t.numel());
  const grids = inputs.map((t, i) => {
    const viewShape = shape.map((_, j) => (j === i ? -1 : 1));
    return ops.expand(ops.view(t, viewShape), shape);
  });
  if (swap) [grids[0], grids[1]] = [grids[1], grids[0]];
  return grids;
}

function tensorsOf(name: string, args: PyValue[]): Tensor[] {
  const list = args.length === 1 && (args[0] instanceof PyList || args[0] instanceof PyTuple) ? (args[0] as PyList | PyTuple).items : args;
  list.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw typeError(`${name}(): expected Tensor as element ${i} in argument 0, but got ${pyTypeName(t)}`);
  });
  return list as Tensor[];
}

export const meshgridFunction = new BuiltinFunction('meshgrid', (args: PyValue[], kwargs: Kwargs | null) => {
  const list = tensorsOf('meshgrid', args);
  const indexing = kwargs?.get('indexing') ?? null;
  if (indexing === null)
    warn('UserWarning', 'torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument.');
  else if (indexing !== 'ij' && indexing !== 'xy')
    throw runtimeError(`torch.meshgrid: indexing must be one of "xy" or "ij", but received: ${String(indexing)}`);
  return new PyTuple(meshgrid(list, (indexing as string | null) ?? 'ij'));
});

/** broadcast_tensors(*tensors): each expanded to the common shape (a tensor of that shape is returned as it is). */
export const broadcastTensorsFunction = new BuiltinFunction('broadcast_tensors', (args: PyValue[]) => {
  const list = tensorsOf('broadcast_tensors', args);
  const shape = list.reduce<number[]>((s, t) => ops.broadcastShapes(s, t.shape), []);
  return new PyTuple(list.map((t) => (sameShape(t.shape, shape) ? t : ops.expand(t, shape))));
});
