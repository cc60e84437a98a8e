/**
 * A checked expression's Python value as CheckValueJSON: tensors as API.md's Tensor object
 * (without .grad), Python numbers, bools, strings and None as themselves (non-finite
 * floats as "nan"/"inf"/"-inf"), lists, tuples and torch.Size as lists. Anything else
 * (dicts, functions, modules) is its Python repr, and is compared as that text.
 */
import type { CheckValueJSON } from '../api/schemas.js';
import { pyRepr } from '../python/text.js';
import { PyFloat, PyList, PyTuple, type PyValue } from '../python/values.js';
import { plainJSON, tensorToJSON } from '../run/serialize.js';
import { TorchSize } from '../torch/size.js';

export function checkValueOf(v: PyValue): CheckValueJSON {
  return plainJSON<CheckValueJSON>(
    v,
    (t) => tensorToJSON(t, false),
    (other) => (other instanceof TorchSize ? [...other.dims] : pyRepr(other)),
  ) as CheckValueJSON;
}

/** Does a plain Python value hold floats (a float, or a list whose first number is one)? Tells "14.0" from "14" in messages. */
export function holdsFloats(v: PyValue): boolean {
  if (v instanceof PyFloat) return true;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0 && holdsFloats(v.items[0]);
  return false;
}
