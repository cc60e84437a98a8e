/**
 * Attributes of int, bool and float values (x.real, n.bit_length(), f.is_integer(), ...).
 */
import { BuiltinFunction } from './objects.js';
import { classOf } from './types.js';
import { PyFloat, PyTuple, type PyValue } from './values.js';
import { floatToInt, normBig } from './numbers.js';

function method(self: PyValue, name: string, fn: () => PyValue): BuiltinFunction {
  return new BuiltinFunction(name, () => fn(), self);
}

export function numberAttrs(v: PyValue, name: string): PyValue | undefined {
  if (name === '__class__') return classOf(v);
  if (v instanceof PyFloat) {
    const x = v.v;
    switch (name) {
      case 'real':
        return v;
      case 'imag':
        return new PyFloat(0);
      case 'is_integer':
        return method(v, name, () => Number.isInteger(x));
      case 'conjugate':
        return method(v, name, () => v);
      case 'as_integer_ratio':
        return method(v, name, () => floatRatio(x));
    }
    return undefined;
  }
  const n = typeof v === 'boolean' ? (v ? 1 : 0) : (v as number | bigint);
  switch (name) {
    case 'real':
    case 'numerator':
      return n;
    case 'imag':
      return 0;
    case 'denominator':
      return 1;
    case 'conjugate':
      return method(v, name, () => n);
    case 'bit_length':
      return method(v, name, () => (n === 0 ? 0 : (n < 0 ? -BigInt(n) : BigInt(n)).toString(2).length));
    case 'as_integer_ratio':
      return method(v, name, () => new PyTuple([n, 1]));
  }
  return undefined;
}

function floatRatio(x: number): PyTuple {
  floatToInt(x); // raises for nan/inf as CPython does
  let d = 1n;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    d *= 2n;
  }
  let num = BigInt(m);
  while (d > 1n && num % 2n === 0n) {
    num /= 2n;
    d /= 2n;
  }
  return new PyTuple([normBig(num), normBig(d)]);
}
