/**
 * int and float arithmetic with Python semantics: exact ints (JS number while safe,
 * bigint beyond), floor division and modulo, CPython's float floordiv/mod, pow rules
 * and the ZeroDivisionError texts.
 */
import { fatalErr, pyErr } from './exceptions.js';
import { state } from './state.js';
import { PyFloat } from './values.js';
import { mathPow } from './modules/math.js';

export type Int = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** Keep the invariant: an int is a bigint only when it is not a safe integer. */
export function normBig(b: bigint): Int {
  return b >= MIN_SAFE && b <= MAX_SAFE ? Number(b) : b;
}

export const big = (a: Int): bigint => (typeof a === 'bigint' ? a : BigInt(a));

export function intToFloat(a: Int): number {
  if (typeof a === 'number') return a;
  const f = Number(a);
  if (!Number.isFinite(f)) throw pyErr('OverflowError', 'int too large to convert to float');
  return f;
}

function checkBits(bits: number): void {
  if (bits > state.limits.maxIntBits)
    throw fatalErr('MemoryError', `integer result too large (over ${state.limits.maxIntBits} bits)`);
}

function bitLength(a: Int): number {
  if (typeof a === 'number') return a === 0 ? 0 : Math.floor(Math.log2(Math.abs(a))) + 1;
  return (a < 0n ? -a : a).toString(2).length;
}

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : normBig(BigInt(a) + BigInt(b));
  }
  return normBig(big(a) + big(b));
}

export function intSub(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    return Number.isSafeInteger(r) ? r : normBig(BigInt(a) - BigInt(b));
  }
  return normBig(big(a) - big(b));
}

export function intMul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    return normBig(BigInt(a) * BigInt(b));
  }
  checkBits(bitLength(a) + bitLength(b));
  return normBig(big(a) * big(b));
}

export function intFloorDiv(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw pyErr('ZeroDivisionError', 'integer division or modulo by zero');
    const r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q === 0 ? 0 : q;
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw pyErr('ZeroDivisionError', 'integer division or modulo by zero');
  let q = x / y;
  if (x % y !== 0n && x < 0n !== y < 0n) q -= 1n;
  return normBig(q);
}

export function intMod(a: Int, b: Int, what = 'integer modulo by zero'): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw pyErr('ZeroDivisionError', what);
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r === 0 ? 0 : r;
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw pyErr('ZeroDivisionError', what);
  let r = x % y;
  if (r !== 0n && r < 0n !== y < 0n) r += y;
  return normBig(r);
}

export function intTrueDiv(a: Int, b: Int): number {
  if (b === 0 || b === 0n) throw pyErr('ZeroDivisionError', 'division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  return intToFloat(a) / intToFloat(b);
}

/** int ** int; a negative exponent gives a float. */
export function intPow(a: Int, b: Int): Int | PyFloat {
  if (b < 0) {
    const fa = intToFloat(a);
    if (fa === 0) throw pyErr('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return new PyFloat(floatPow(fa, intToFloat(b)));
  }
  if (typeof a === 'number' && typeof b === 'number') {
    let result = 1;
    let base = a;
    let e = b;
    // Square-and-multiply while everything stays exactly representable.
    while (e > 0) {
      if (e & 1) {
        result *= base;
        if (!Number.isSafeInteger(result)) break;
      }
      e = Math.floor(e / 2);
      if (e > 0) {
        base *= base;
        if (!Number.isSafeInteger(base)) break;
      }
    }
    if (e === 0 && Number.isSafeInteger(result)) return result === 0 ? 0 : result;
  }
  if (a === 0 || a === 1 || a === 0n || a === 1n) return a;
  if (a === -1 || a === -1n) return intMod(b, 2) === 0 ? 1 : -1;
  checkBits(bitLength(a) * Number(b));
  return normBig(big(a) ** big(b));
}

/** CPython's float pow errors (complex results are not supported: ValueError). */
export function floatPow(a: number, b: number): number {
  if (a === 0 && b < 0) throw pyErr('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b) && Number.isFinite(a))
    throw pyErr('ValueError', 'complex numbers are not supported');
  const r = mathPow(a, b);
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b))
    throw pyErr('OverflowError', "(34, 'Numerical result out of range')");
  return r;
}

export function floatMod(a: number, b: number): number {
  if (b === 0) throw pyErr('ZeroDivisionError', 'float modulo');
  let mod = a % b;
  if (mod) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw pyErr('ZeroDivisionError', 'float floor division by zero');
  return floatDivmod(a, b)[0];
}

export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) throw pyErr('ZeroDivisionError', 'float divmod()');
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = a / b < 0 ? -0 : 0;
  }
  return [floordiv, mod];
}

export function intShift(a: Int, b: Int, left: boolean): Int {
  if (b < 0) throw pyErr('ValueError', 'negative shift count');
  if (left) {
    checkBits(bitLength(a) + Number(b));
    return normBig(big(a) << big(b));
  }
  return normBig(big(a) >> big(b));
}

export function intBitop(a: Int, b: Int, op: '&' | '|' | '^'): Int {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
    return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
  }
  const x = big(a);
  const y = big(b);
  return normBig(op === '&' ? x & y : op === '|' ? x | y : x ^ y);
}


/** round(int, ndigits) with ndigits < 0: half to even on the integer. */
export function roundInt(a: Int, ndigits: number): Int {
  if (ndigits >= 0) return a;
  const p = 10n ** BigInt(-ndigits);
  const x = big(a);
  let q = x / p;
  let r = x % p;
  if (r < 0n) {
    q -= 1n;
    r += p;
  }
  if (r * 2n > p || (r * 2n === p && q % 2n !== 0n)) q += 1n;
  return normBig(q * p);
}

/** round(x) for a float: to int, half to even. */
export function roundHalfEven(x: number): number {
  const fl = Math.floor(x);
  const diff = x - fl;
  if (diff > 0.5) return fl + 1;
  if (diff < 0.5) return fl;
  return fl % 2 === 0 ? fl : fl + 1;
}

/** float -> int (truncation), exact for large floats. */
export function floatToInt(x: number): Int {
  if (Number.isNaN(x)) throw pyErr('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyErr('OverflowError', 'cannot convert float infinity to integer');
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : BigInt(t);
}
