/**
 * torch.tensor and the factory functions (zeros, ones, full, arange, linspace, eye, rand,
 * randn, randint, randperm, *_like), declared by PyTorch's signatures. Element limits are
 * checked before anything is allocated.
 */
import * as ops from '../ops/index.js';
import { requireGradAtCreation } from '../autograd/tensor_api.js';
import { type DType, defaultFloat, int64 } from '../tensor/dtype.js';
import { runtimeError, warn } from '../tensor/errors.js';
import type { CpuGenerator } from '../tensor/random.js';
import { numelOf } from '../tensor/shape.js';
import { Tensor, fromFlat } from '../tensor/tensor.js';
import { PyList, PyTuple, type PyValue } from '../python/values.js';
import { def } from './functions.js';
import { genOf } from './generator.js';
import { NdArray } from './numpy.js';
import { toDtype, toFloat, toInt, toScalar, toShape } from './pyconv.js';
import { checkElements } from './run_context.js';
import type { Bound } from './signature.js';

const COPY_WARNING =
  'To copy construct from a tensor, it is recommended to use sourceTensor.clone().detach() or sourceTensor.clone().detach().requires_grad_(True), rather than torch.tensor(sourceTensor).';

/** torch.tensor(data, dtype) without the requires_grad handling. */
export function tensorFromPy(data: PyValue, dtype?: DType): Tensor {
  if (data instanceof Tensor) {
    warn('UserWarning', COPY_WARNING);
    return castCopy(data, dtype);
  }
  if (data instanceof NdArray) return castCopy(data.tensor, dtype);
  if (data instanceof PyList || data instanceof PyTuple) {
    countElements(data);
    return ops.tensorFromData(data, dtype);
  }
  return ops.tensorFromData(data, dtype);
}

function castCopy(t: Tensor, dtype: DType | undefined): Tensor {
  const d = ops.detach(t);
  const c = dtype && dtype !== t.dtype ? ops.toDtype(d, dtype) : ops.clone(d);
  return c === d ? ops.clone(d) : c;
}

/** Refuse a nested list whose leaf count is over the limit before converting it. */
function countElements(data: PyList | PyTuple): void {
  let n = 1;
  let v: PyValue = data;
  while (v instanceof PyList || v instanceof PyTuple) {
    n *= v.items.length;
    if (v.items.length === 0) return;
    v = v.items[0];
  }
  checkElements(n);
}

function finish(t: Tensor, b: Bound): Tensor {
  if (b.requires_grad === true) requireGradAtCreation(t);
  return t;
}

function sized(shape: number[]): number[] {
  for (const s of shape) if (s < 0) throw runtimeError(`Trying to create tensor with negative dimension ${s}: [${shape.join(', ')}]`);
  checkElements(numelOf(shape));
  return shape;
}

const FACTORY_TAIL = '*, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=False, bool requires_grad=False';
const OUT_TAIL = `*, Tensor out=None, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=False, bool requires_grad=False`;
const NAMES_TAIL = `*, Dimname[]? names, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=False, bool requires_grad=False`;
const GEN_NAMES_TAIL = `*, Generator? generator, Dimname[]? names, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=False, bool requires_grad=False`;
const GEN_OUT_TAIL = `*, Generator? generator, Tensor out=None, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=False, bool requires_grad=False`;
const dt = (b: Bound, fallback: DType = defaultFloat): DType => toDtype(b.dtype) ?? fallback;

def(['tensor(PyObject data, *, ScalarType? dtype=None, Device? device=None, bool pin_memory=False, bool requires_grad=False)'], (b) =>
  finish(tensorFromPy(b.data, toDtype(b.dtype)), b), { only: 'fn' });
def(['as_tensor(PyObject data, ScalarType? dtype=None, Device? device=None)'], (b) => {
  const d = toDtype(b.dtype);
  if (b.data instanceof Tensor) return d ? ops.toDtype(b.data, d) : b.data;
  return tensorFromPy(b.data, d);
}, { only: 'fn' });

for (const [name, fill] of [['zeros', 0], ['ones', 1]] as const) {
  def([`${name}(int[] size, ${NAMES_TAIL})`, `${name}(SymInt[] size, ${OUT_TAIL})`], (b) => finish(ops.full(sized(toShape(b.size)), fill, dt(b)), b), { only: 'fn' });
  def([`${name}_like(Tensor input, ${FACTORY_TAIL}, MemoryFormat? memory_format=None)`], (b) =>
    finish(ops.full((b.input as Tensor).shape, fill, dt(b, (b.input as Tensor).dtype)), b), { only: 'fn' });
}
def([`empty(int[] size, ${NAMES_TAIL}, MemoryFormat? memory_format=None)`, `empty(SymInt[] size, *, MemoryFormat? memory_format=None, Tensor out=None, ScalarType? dtype=None, Layout? layout=None, Device? device=None, bool? pin_memory=False, bool requires_grad=False)`], (b) =>
  finish(ops.full(sized(toShape(b.size)), 0, dt(b)), b), { only: 'fn' });
def([`empty_like(Tensor input, ${FACTORY_TAIL}, MemoryFormat? memory_format=None)`], (b) =>
  finish(ops.full((b.input as Tensor).shape, 0, dt(b, (b.input as Tensor).dtype)), b), { only: 'fn' });
def([`full(int[] size, Scalar fill_value, ${NAMES_TAIL})`, `full(SymInt[] size, Scalar fill_value, ${OUT_TAIL})`], (b) => {
  const v = toScalar(b.fill_value);
  return finish(ops.full(sized(toShape(b.size)), ops.scalarValue(v), dt(b, ops.fillDtype(v))), b);
}, { only: 'fn' });
def([`full_like(Tensor input, Scalar fill_value, ${FACTORY_TAIL}, MemoryFormat? memory_format=None)`], (b) =>
  finish(ops.full((b.input as Tensor).shape, ops.scalarValue(toScalar(b.fill_value)), dt(b, (b.input as Tensor).dtype)), b), { only: 'fn' });

def(
  [`arange(Scalar end, ${OUT_TAIL})`, `arange(Scalar start, Scalar end, ${OUT_TAIL})`, `arange(Scalar start, Scalar end, Scalar step=1, ${OUT_TAIL})`],
  (b, i) => {
    const start = i === 0 ? 0 : toScalar(b.start);
    const end = toScalar(b.end);
    const step = i === 2 ? toScalar(b.step) : 1;
    const n = Math.ceil((ops.scalarValue(end) - ops.scalarValue(start)) / ops.scalarValue(step));
    if (Number.isFinite(n)) checkElements(n);
    return finish(ops.arange(start, end, step, toDtype(b.dtype)), b);
  },
  { only: 'fn' },
);
def([`linspace(Scalar start, Scalar end, int steps, ${OUT_TAIL})`], (b) => {
  const steps = toInt(b.steps);
  checkElements(steps);
  return finish(ops.linspace(toFloat(b.start), toFloat(b.end), steps, dt(b)), b);
}, { only: 'fn' });
def([`eye(int n, ${OUT_TAIL})`, `eye(int n, int m, ${OUT_TAIL})`], (b, i) => {
  const n = toInt(b.n);
  const m = i === 1 ? toInt(b.m) : n;
  sized([n, m]);
  return finish(ops.eye(n, m, dt(b)), b);
}, { only: 'fn' });

// ---- random ---------------------------------------------------------------------------
function randomFactory(name: 'rand' | 'randn'): void {
  def(
    [`${name}(int[] size, ${GEN_NAMES_TAIL})`, `${name}(int[] size, ${GEN_OUT_TAIL})`, `${name}(int[] size, ${OUT_TAIL})`, `${name}(int[] size, ${NAMES_TAIL})`],
    (b) => finish(randomTensor(genOf(b), name, sized(toShape(b.size)), dt(b)), b),
    { only: 'fn' },
  );
  def([`${name}_like(Tensor input, ${FACTORY_TAIL}, MemoryFormat? memory_format=None)`], (b) =>
    finish(randomTensor(genOf(b), name, (b.input as Tensor).shape, dt(b, (b.input as Tensor).dtype)), b), { only: 'fn' });
}

function randomTensor(gen: CpuGenerator, name: 'rand' | 'randn', shape: number[], dtype: DType): Tensor {
  if (!dtype.isFloating) throw runtimeError(`"${name === 'rand' ? 'check_uniform_bounds' : 'normal_kernel_cpu'}" not implemented for '${dtype.scalarName}'`);
  const n = numelOf(shape);
  const values = name === 'rand' ? gen.uniform(n, dtype) : gen.normal(n, dtype);
  return fromFlat(values, shape, dtype);
}
randomFactory('rand');
randomFactory('randn');

def(
  [
    `randint(int high, int[] size, ${GEN_OUT_TAIL})`,
    `randint(int high, int[] size, ${OUT_TAIL})`,
    `randint(int low, int high, int[] size, ${GEN_OUT_TAIL})`,
    `randint(int low, int high, int[] size, ${OUT_TAIL})`,
  ],
  (b) => {
    const low = b.low === undefined ? 0 : toInt(b.low);
    const high = toInt(b.high);
    if (low >= high) throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
    const shape = sized(toShape(b.size));
    return finish(fromFlat(genOf(b).randint(low, high, numelOf(shape)), shape, dt(b, int64)), b);
  },
  { only: 'fn' },
);
def([`randperm(int n, ${GEN_OUT_TAIL})`, `randperm(int n, ${OUT_TAIL})`], (b) => {
  const n = toInt(b.n);
  checkElements(n);
  return finish(fromFlat(genOf(b).randperm(n), [n], dt(b, int64)), b);
}, { only: 'fn' });
