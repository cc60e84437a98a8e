/**
 * Program values as the JSON of API.md: tensors as Tensor objects, Python scalars and
 * strings as themselves, non-finite floats as "nan"/"inf"/"-inf", lists and tuples of
 * these recursively. Anything else (dicts, modules, functions, torch.Size, ...) is a kind
 * API.md leaves open: it is left out.
 */
import { gradFnOf } from '../autograd/node.js';
import type { TensorJSON, VariableJSON } from '../api/schemas.js';
import { PyFloat, PyList, PyTuple, type PyValue } from '../python/values.js';
import { bool } from '../tensor/dtype.js';
import { Tensor } from '../tensor/tensor.js';

type Data = TensorJSON['data'];

export function finiteOrName(v: number): number | 'nan' | 'inf' | '-inf' {
  if (Number.isFinite(v)) return v;
  if (Number.isNaN(v)) return 'nan';
  return v > 0 ? 'inf' : '-inf';
}

function tensorData(t: Tensor): Data {
  const flat = t.toFlatArray();
  const isBool = t.dtype === bool;
  const shape = t.shape;
  let k = 0;
  const build = (d: number): Data => {
    if (d === shape.length) {
      const v = flat[k++];
      return isBool ? v !== 0 : finiteOrName(v);
    }
    const out: Data[] = new Array(shape[d]);
    for (let i = 0; i < shape[d]; i++) out[i] = build(d + 1);
    return out;
  };
  return build(0);
}

/** A tensor as API.md's Tensor object; `withGrad` adds its `.grad` (itself without grad). */
export function tensorToJSON(t: Tensor, withGrad: boolean): TensorJSON {
  const json: TensorJSON = {
    dtype: t.dtype.name,
    shape: [...t.shape],
    data: tensorData(t),
    requires_grad: t.requiresGrad,
    grad_fn: gradFnOf(t)?.name ?? null,
  };
  if (withGrad) json.grad = t.grad === null ? null : tensorToJSON(t.grad, false);
  return json;
}

/**
 * A Python value as plain JSON: numbers, bools, strings, None, non-finite floats as names,
 * lists and tuples item by item; tensors and every other kind go to the caller's handlers.
 */
export function plainJSON<T>(v: PyValue, tensor: (t: Tensor) => T, other: (v: PyValue) => T): number | boolean | string | null | T | (number | boolean | string | null | T)[] {
  switch (typeof v) {
    case 'number':
    case 'boolean':
    case 'string':
      return v;
    case 'bigint':
      return Number(v);
  }
  if (v === null) return null;
  if (v instanceof PyFloat) return finiteOrName(v.v);
  if (v instanceof Tensor) return tensor(v);
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map((item) => plainJSON(item, tensor, other)) as T[];
  return other(v);
}

const UNSPECIFIED = Symbol('unspecified');

function variableOrUnspecified(v: PyValue): VariableJSON | typeof UNSPECIFIED {
  const json = plainJSON<VariableJSON | typeof UNSPECIFIED>(v, (t) => tensorToJSON(t, true), () => UNSPECIFIED);
  // a list holding anything of an unspecified kind is unspecified as a whole
  const unspecified = (j: unknown): boolean => j === UNSPECIFIED || (Array.isArray(j) && j.some(unspecified));
  return unspecified(json) ? UNSPECIFIED : (json as VariableJSON);
}

/** The program's global names at the end, as API.md's `variables` (dunder names left out). */
export function variablesToJSON(globals: ReadonlyMap<string, PyValue>): Record<string, VariableJSON> {
  const out: Record<string, VariableJSON> = {};
  for (const [name, value] of globals) {
    if (name.startsWith('__') && name.endsWith('__')) continue;
    const json = variableOrUnspecified(value);
    if (json !== UNSPECIFIED) out[name] = json;
  }
  return out;
}

/** Every global bound to a tensor whose `.grad` is set: name -> that grad. */
export function gradientsToJSON(globals: ReadonlyMap<string, PyValue>): Record<string, TensorJSON> {
  const out: Record<string, TensorJSON> = {};
  for (const [name, value] of globals) {
    if (value instanceof Tensor && value.grad !== null) out[name] = tensorToJSON(value.grad, false);
  }
  return out;
}
