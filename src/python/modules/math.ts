/**
 * CPython's `math` module: same results, same exceptions and messages. Functions take
 * (args, kwargs) and the interpreter wraps each as a builtin named by its key.
 */
import { productError } from '../../tensor/exact.js';
import { PyError } from '../../tensor/errors.js';
import { floatToInt, intToFloat, normInt } from '../format.js';
import { hostServices, PyFloat, PyList, PyTuple, pyTypeName, pyTypeOf, type Kwargs, type PyValue } from '../values.js';

type Fn = (args: PyValue[], kwargs: Kwargs | null) => PyValue;

const domainError = () => new PyError('ValueError', 'math domain error');
const rangeError = () => new PyError('OverflowError', 'math range error');

// ---------------------------------------------------------------------------------
// argument conversion

/** float(v) as PyFloat_AsDouble: int, bool, float, or an object's `float` slot. */
export function toDouble(v: PyValue): number {
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return intToFloat(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = pyTypeOf(v);
  if (t?.float) return t.float(v);
  throw new PyError('TypeError', `must be real number, not ${pyTypeName(v)}`);
}

/** operator.index(v) as a bigint: ints, bools and objects with an `index` slot. */
export function toBigIndex(v: PyValue): bigint {
  if (typeof v === 'number') return BigInt(v);
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  const t = pyTypeOf(v);
  if (t?.index) return BigInt(t.index(v));
  throw new PyError('TypeError', `'${pyTypeName(v)}' object cannot be interpreted as an integer`);
}

const isInt = (v: PyValue): v is number | bigint | boolean =>
  typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';

/** The items of a Python iterable (lists and tuples directly, anything else via the host). */
export function iterItems(v: PyValue): Iterable<PyValue> {
  if (v instanceof PyList || v instanceof PyTuple) return v.items;
  return hostServices().iterate(v);
}

function noKwargs(name: string, kwargs: Kwargs | null): void {
  if (kwargs && kwargs.size > 0) throw new PyError('TypeError', `math.${name}() takes no keyword arguments`);
}

/** METH_O functions: "math.sqrt() takes exactly one argument (2 given)". */
function oneArg(name: string, args: PyValue[], kwargs: Kwargs | null): PyValue {
  noKwargs(name, kwargs);
  if (args.length !== 1) throw new PyError('TypeError', `math.${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

/** Argument Clinic positional checks: "pow expected 2 arguments, got 1". */
function positional(name: string, args: PyValue[], kwargs: Kwargs | null, min: number, max: number): void {
  noKwargs(name, kwargs);
  if (args.length < min || args.length > max) {
    const [bound, n] = args.length < min ? [min === max ? '' : 'at least ', min] : [min === max ? '' : 'at most ', max];
    throw new PyError('TypeError', `${name} expected ${bound}${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
  }
}

const F = (x: number) => new PyFloat(x);

/**
 * math_1: a libm function of one float. A NaN from a non-NaN is a domain error; an
 * infinity from a finite value is a range error where the function can overflow.
 */
function unary(name: string, f: (x: number) => number, canOverflow: boolean): Fn {
  return (args, kwargs) => {
    const x = toDouble(oneArg(name, args, kwargs));
    const r = f(x);
    if (r !== r && x === x) throw domainError();
    if ((r === Infinity || r === -Infinity) && Number.isFinite(x)) throw canOverflow ? rangeError() : domainError();
    return F(r);
  };
}

// ---------------------------------------------------------------------------------
// logarithms accept ints of any size

/** loghelper: log of an int via its float, or via frexp for ints beyond the float range. */
function logOf(v: PyValue, f: (x: number) => number): number {
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') {
    const n = typeof v === 'bigint' ? v : BigInt(v);
    if (n <= 0n) throw domainError();
    const x = Number(n);
    if (x !== Infinity) return f(x);
    // n = m * 2**e with m in [0.5, 1): log(n) = log(m) + e*log(2)
    const e = n.toString(2).length;
    const m = Number(n >> BigInt(e - 60)) / 2 ** 60;
    return f(m) + e * f(2);
  }
  const x = toDouble(v);
  if (x !== x) return x;
  if (x <= 0) throw domainError();
  return f(x);
}

const log: Fn = (args, kwargs) => {
  noKwargs('log', kwargs);
  if (args.length < 1 || args.length > 2) throw new PyError('TypeError', 'math.log requires 1 to 2 arguments');
  const num = logOf(args[0], crLog);
  if (args.length === 1) return F(num);
  const den = logOf(args[1], crLog);
  if (den === 0) throw new PyError('ZeroDivisionError', 'float division by zero');
  return F(num / den);
};

// ---------------------------------------------------------------------------------
// rounding to int

/** floor/ceil: ints pass through, anything else goes through float(). */
function rounding(name: string, f: (x: number) => number): Fn {
  return (args, kwargs) => {
    const v = oneArg(name, args, kwargs);
    if (typeof v === 'number' || typeof v === 'bigint') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return floatToInt(f(toDouble(v)));
  };
}

const trunc: Fn = (args, kwargs) => {
  const v = oneArg('trunc', args, kwargs);
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return floatToInt(Math.trunc(v.v));
  throw new PyError('TypeError', `type ${pyTypeName(v)} doesn't define __trunc__ method`);
};

// ---------------------------------------------------------------------------------
// integer functions

function factorialBig(n: bigint): bigint {
  // product of a range by halves keeps the operands balanced (much faster than a loop)
  const product = (lo: bigint, hi: bigint): bigint => {
    if (hi - lo < 8n) {
      let r = 1n;
      for (let i = lo; i <= hi; i++) r *= i;
      return r;
    }
    const mid = (lo + hi) >> 1n;
    return product(lo, mid) * product(mid + 1n, hi);
  };
  return n < 2n ? 1n : product(2n, n);
}

const factorial: Fn = (args, kwargs) => {
  const n = toBigIndex(oneArg('factorial', args, kwargs));
  if (n < 0n) throw new PyError('ValueError', 'factorial() not defined for negative values');
  if (n > 1_000_000n) throw new PyError('OverflowError', 'factorial() argument should not exceed 1000000');
  return normInt(factorialBig(n));
};

function nonNegative(v: PyValue, what: string): bigint {
  const n = toBigIndex(v);
  if (n < 0n) throw new PyError('ValueError', `${what} must be a non-negative integer`);
  return n;
}

/** n! / (n-k)! as a falling product. */
function fallingProduct(n: bigint, k: bigint): bigint {
  let r = 1n;
  for (let i = 0n; i < k; i++) r *= n - i;
  return r;
}

const comb: Fn = (args, kwargs) => {
  positional('comb', args, kwargs, 2, 2);
  const n = nonNegative(args[0], 'n');
  let k = nonNegative(args[1], 'k');
  if (k > n) return 0;
  if (k > n - k) k = n - k;
  let r = 1n;
  for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i; // exact at every step
  return normInt(r);
};

const perm: Fn = (args, kwargs) => {
  positional('perm', args, kwargs, 1, 2);
  const n = nonNegative(args[0], 'n');
  if (args.length === 1 || args[1] === null) return normInt(factorialBig(n));
  const k = nonNegative(args[1], 'k');
  return k > n ? 0 : normInt(fallingProduct(n, k));
};

function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const gcd: Fn = (args, kwargs) => {
  noKwargs('gcd', kwargs);
  let g = 0n;
  for (const v of args) g = bigGcd(g, toBigIndex(v));
  return normInt(g);
};

const lcm: Fn = (args, kwargs) => {
  noKwargs('lcm', kwargs);
  let l = 1n;
  for (const v of args) {
    const n = toBigIndex(v);
    if (l === 0n || n === 0n) l = 0n;
    else {
      const r = (l / bigGcd(l, n)) * n;
      l = r < 0n ? -r : r;
    }
  }
  return normInt(l);
};

const isqrt: Fn = (args, kwargs) => {
  const n = toBigIndex(oneArg('isqrt', args, kwargs));
  if (n < 0n) throw new PyError('ValueError', 'isqrt() argument must be nonnegative');
  if (n < 4503599627370496n) return Math.floor(Math.sqrt(Number(n))); // exact below 2**52
  let x = BigInt(Math.floor(Math.sqrt(Number(n)))); // Newton from a close start
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return normInt(x);
};

// ---------------------------------------------------------------------------------
// two-argument float functions

/** math.pow with C99 special cases (1**nan == 1, (-1)**inf == 1) and CPython errors. */
export function mathPow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x !== x) return y === 0 ? 1 : x;
    if (y !== y) return x === 1 ? 1 : y;
    if (x === Infinity || x === -Infinity) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) return oddY ? x : Math.abs(x);
      if (y === 0) return 1;
      return oddY ? (x < 0 ? -0 : 0) : 0;
    }
    if (Math.abs(x) === 1) return 1;
    if (y > 0 && Math.abs(x) > 1) return y;
    if (y < 0 && Math.abs(x) < 1) return -y;
    return 0;
  }
  const r = crPow(x, y);
  if (r !== r) throw domainError();
  if (r === Infinity || r === -Infinity) throw x === 0 ? domainError() : rangeError();
  return r;
}

function binary(name: string, f: (x: number, y: number) => number): Fn {
  return (args, kwargs) => {
    positional(name, args, kwargs, 2, 2);
    return F(f(toDouble(args[0]), toDouble(args[1])));
  };
}

function fmod(x: number, y: number): number {
  if (y === Infinity || y === -Infinity) {
    if (Number.isFinite(x)) return x;
  }
  const r = x % y; // JS % on doubles is C fmod
  if (r !== r && x === x && y === y) throw domainError();
  return r;
}

function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (y !== y && signBitOfNaN(y));
  const a = Math.abs(x);
  return neg ? -a : a;
}

const nanView = new DataView(new ArrayBuffer(8));
function signBitOfNaN(x: number): boolean {
  nanView.setFloat64(0, x);
  return (nanView.getUint8(0) & 0x80) !== 0;
}

/** IEEE 754 remainder: x - n*y with n = x/y rounded half to even (CPython's m_remainder). */
function remainder(x: number, y: number): number {
  if (x !== x) return x;
  if (y !== y) return y;
  if (x === Infinity || x === -Infinity || y === 0) throw domainError();
  if (y === Infinity || y === -Infinity) return x;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const m = ax % ay;
  const c = ay - m;
  const r = m < c ? m : m > c ? -c : m - 2 * ((0.5 * (ax - m)) % ay);
  return x < 0 ? -r : r;
}

/** x = m * 2**e with 0.5 <= |m| < 1, exactly (x finite, nonzero). */
function frexpExact(x: number): [number, number] {
  nanView.setFloat64(0, x);
  let bexp = (nanView.getUint16(0) >>> 4) & 0x7ff;
  let shift = 0;
  if (bexp === 0) {
    // subnormal: scale into the normal range first
    nanView.setFloat64(0, x * 2 ** 64);
    bexp = (nanView.getUint16(0) >>> 4) & 0x7ff;
    shift = 64;
  }
  const e = bexp - 1022;
  // rewrite the exponent field to 1022 so the mantissa lands in [0.5, 1)
  nanView.setUint16(0, (nanView.getUint16(0) & 0x800f) | (1022 << 4));
  return [nanView.getFloat64(0), e - shift];
}

const ldexp: Fn = (args, kwargs) => {
  positional('ldexp', args, kwargs, 2, 2);
  const x = toDouble(args[0]);
  if (!isInt(args[1])) {
    if (!pyTypeOf(args[1])?.index) throw new PyError('TypeError', 'Expected an int as second argument to ldexp.');
  }
  const exp = toBigIndex(args[1]);
  if (x === 0 || !Number.isFinite(x)) return F(x);
  const [m, k] = frexpExact(x);
  const big = k + Number(exp < -5000n ? -5000n : exp > 5000n ? 5000n : exp);
  if (big > 1024) throw rangeError();
  if (big < -1074) return F(x < 0 ? -0 : 0);
  // one rounding only: 2**(big-1) is exact whenever it is representable
  const r = big - 1 >= -1074 ? m * 2 * 2 ** (big - 1) : m * 2 ** big;
  if (r === Infinity || r === -Infinity) throw rangeError();
  return F(r);
};

const frexp: Fn = (args, kwargs) => {
  const x = toDouble(oneArg('frexp', args, kwargs));
  if (x === 0 || !Number.isFinite(x)) return new PyTuple([F(x), 0]);
  const [m, e] = frexpExact(x);
  return new PyTuple([F(m), e]);
};

const modf: Fn = (args, kwargs) => {
  const x = toDouble(oneArg('modf', args, kwargs));
  if (x === Infinity || x === -Infinity) return new PyTuple([F(x > 0 ? 0 : -0), F(x)]);
  if (x !== x) return new PyTuple([F(x), F(x)]);
  const i = Math.trunc(x);
  const frac = x - i;
  // the fractional part keeps the sign of x, also when it is zero
  return new PyTuple([F(frac === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : frac), F(i === 0 && x < 0 ? -0 : i)]);
};

// ---------------------------------------------------------------------------------
// sums, products, norms

/** Shewchuk's exact summation with CPython's final correctly-rounded step. */
export function fsumValues(values: Iterable<PyValue>): number {
  const partials: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  for (const v of values) {
    let x = toDouble(v);
    const xsave = x;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // a nonfinite x could come from an overflow of finite summands
        if (Number.isFinite(xsave)) throw new PyError('OverflowError', 'intermediate overflow in fsum');
        if (xsave === Infinity || xsave === -Infinity) infSum += xsave;
        specialSum += xsave;
        partials.length = 0;
      } else partials.push(x);
    }
  }
  if (specialSum !== 0) {
    if (infSum !== infSum) throw new PyError('ValueError', '-inf + inf in fsum');
    return specialSum;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // round half-even correctly when the remaining partials push past a tie
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

const fsum: Fn = (args, kwargs) => F(fsumValues(iterItems(oneArg('fsum', args, kwargs))));

/** a * b with Python semantics for numbers; other objects through their binop slots. */
function multiply(a: PyValue, b: PyValue): PyValue {
  if (isInt(a) && isInt(b)) {
    const x = typeof a === 'boolean' ? +a : a;
    const y = typeof b === 'boolean' ? +b : b;
    if (typeof x === 'number' && typeof y === 'number') {
      const r = x * y;
      if (Number.isSafeInteger(r)) return r + 0;
    }
    return normInt(BigInt(x) * BigInt(y));
  }
  if ((isInt(a) || a instanceof PyFloat) && (isInt(b) || b instanceof PyFloat)) return F(toDouble(a) * toDouble(b));
  const ta = pyTypeOf(a);
  const r = ta?.binop?.(a, '*', b, false);
  if (r !== undefined && typeof r !== 'symbol') return r;
  const tb = pyTypeOf(b);
  const s = tb?.binop?.(b, '*', a, true);
  if (s !== undefined && typeof s !== 'symbol') return s;
  throw new PyError('TypeError', `unsupported operand type(s) for *: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

const prod: Fn = (args, kwargs) => {
  if (args.length !== 1) throw new PyError('TypeError', `prod() takes exactly 1 positional argument (${args.length} given)`);
  let acc: PyValue = 1;
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k !== 'start') throw new PyError('TypeError', `prod() got an unexpected keyword argument '${k}'`);
      acc = v;
    }
  }
  for (const v of iterItems(args[0])) acc = multiply(acc, v);
  return acc;
};

/**
 * CPython 3.11's vector_norm: lossless power-of-two scaling, squares and sums kept
 * as double-length values, then one differential correction of the square root.
 * `xs` holds magnitudes.
 */
function vectorNorm(xs: number[]): number {
  let max = 0;
  let foundNan = false;
  for (const a of xs) {
    if (a !== a) foundNan = true;
    else if (a > max) max = a;
  }
  if (max === Infinity) return Infinity;
  if (foundNan) return NaN;
  if (max === 0 || xs.length <= 1) return max;
  const maxE = frexpExact(max)[1];
  if (maxE < -1023) {
    const DBL_MIN = 2.2250738585072014e-308;
    return DBL_MIN * vectorNorm(xs.map((x) => x / DBL_MIN));
  }
  const scale = 2 ** -maxE;
  let csum = 1;
  let frac1 = 0;
  let frac2 = 0;
  for (let x of xs) {
    x *= scale;
    const hi = x * x;
    frac1 += productError(x, x, hi);
    const sum = csum + hi;
    frac2 += csum - sum + hi;
    csum = sum;
  }
  let h = Math.sqrt(csum - 1 + (frac1 + frac2));
  const hi = -h * h;
  frac1 += productError(-h, h, hi);
  const sum = csum + hi;
  frac2 += csum - sum + hi;
  csum = sum;
  const x = csum - 1 + (frac1 + frac2);
  h += x / (2 * h);
  return h / scale;
}


const hypot: Fn = (args, kwargs) => {
  noKwargs('hypot', kwargs);
  return F(vectorNorm(args.map((v) => Math.abs(toDouble(v)))));
};

const dist: Fn = (args, kwargs) => {
  positional('dist', args, kwargs, 2, 2);
  const p = Array.from(iterItems(args[0]), toDouble);
  const q = Array.from(iterItems(args[1]), toDouble);
  if (p.length !== q.length) throw new PyError('ValueError', 'both points must have the same number of dimensions');
  return F(vectorNorm(p.map((x, i) => Math.abs(x - q[i]))));
};

const isclose: Fn = (args, kwargs) => {
  if (args.length !== 2) throw new PyError('TypeError', `isclose() takes exactly 2 positional arguments (${args.length} given)`);
  let relTol = 1e-9;
  let absTol = 0;
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k === 'rel_tol') relTol = toDouble(v);
      else if (k === 'abs_tol') absTol = toDouble(v);
      else throw new PyError('TypeError', `isclose() got an unexpected keyword argument '${k}'`);
    }
  }
  const a = toDouble(args[0]);
  const b = toDouble(args[1]);
  if (relTol < 0 || absTol < 0) throw new PyError('ValueError', 'tolerances must be non-negative');
  if (a === b) return true;
  if (a === Infinity || a === -Infinity || b === Infinity || b === -Infinity) return false;
  const diff = Math.abs(b - a);
  return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
};

function predicate(name: string, f: (x: number) => boolean): Fn {
  return (args, kwargs) => f(toDouble(oneArg(name, args, kwargs)));
}

// ---------------------------------------------------------------------------------
// Correctly rounded exp, log, sin, cos, tan, pow. glibc (which CPython calls) returns
// the correctly rounded result in all but the rarest cases, while V8's fdlibm-derived
// Math functions are off by one ulp for a few percent of arguments, which shows in
// repr(). So these evaluate in double-double arithmetic (~100 bits) and round once.

/** Exact constants from BigInt series: value * 2**-FIX_BITS. */
const FIX_BITS = 320n;
const FIX_ONE = 1n << FIX_BITS;

/** atanh(1/n) in fixed point. */
function atanhInv(n: bigint): bigint {
  let term = FIX_ONE / n;
  const n2 = n * n;
  let sum = 0n;
  for (let k = 1n; term > 0n; k += 2n) {
    sum += term / k;
    term /= n2;
  }
  return sum;
}

/** atan(1/n) in fixed point. */
function atanInv(n: bigint): bigint {
  let term = FIX_ONE / n;
  const n2 = n * n;
  let sum = 0n;
  let sign = 1n;
  for (let k = 1n; term > 0n; k += 2n) {
    sum += (sign * term) / k;
    term /= n2;
    sign = -sign;
  }
  return sum;
}

/** Split a positive fixed-point value into doubles; the first keeps only `firstBits` bits. */
function splitFixed(v: bigint, parts: number, firstBits = 53): number[] {
  const out: number[] = [];
  for (let i = 0; i < parts; i++) {
    const keep = BigInt(i === 0 ? firstBits : 53);
    const len = BigInt(v.toString(2).length);
    const top = len > keep ? (v >> (len - keep)) << (len - keep) : v;
    out.push(Number(top) / 2 ** Number(FIX_BITS));
    v -= top;
  }
  return out;
}

const LN2_FIX = 2n * atanhInv(3n);
const PIO2_FIX = 2n * (4n * atanInv(5n) - atanInv(239n)); // Machin
// k * LN2_A and n * PIO2_A..C are exact for |k|, |n| < 2**20
const [LN2_A, LN2_B, LN2_C] = splitFixed(LN2_FIX, 3, 32);
const [LN2_H] = splitFixed(LN2_FIX, 2);
const [PIO2_A] = splitFixed(PIO2_FIX, 1, 33);
const [PIO2_B] = splitFixed(PIO2_FIX - BigInt(PIO2_A * 2 ** 320), 1, 33);
const [PIO2_C] = splitFixed(PIO2_FIX - BigInt(PIO2_A * 2 ** 320) - BigInt(PIO2_B * 2 ** 320), 1, 33);
const [PIO2_D] = splitFixed(
  PIO2_FIX - BigInt(PIO2_A * 2 ** 320) - BigInt(PIO2_B * 2 ** 320) - BigInt(PIO2_C * 2 ** 320),
  1,
);
const [INV_LN2_H, INV_LN2_L] = splitFixed((FIX_ONE * FIX_ONE) / LN2_FIX, 2);

// double-double results come back in these two registers (no allocation per step)
let H = 0;
let L = 0;

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  L = a - (s - bb) + (b - bb);
  H = s;
}

function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const bb = s - ah;
  let e = ah - (s - bb) + (bh - bb);
  const t = al + bl;
  const tb = t - al;
  const f = al - (t - tb) + (bl - tb);
  e += t;
  const h = s + e;
  e = e - (h - s) + f;
  H = h + e;
  L = e - (H - h);
}

/**
 * Horner's rule in double-double: the polynomial whose coefficient i is the pair
 * coeffs[2i], coeffs[2i + 1], for i from `top` down to `bottom`, at x; the result in H, L.
 */
function ddHorner(coeffs: ArrayLike<number>, top: number, bottom: number, xh: number, xl: number): void {
  H = coeffs[2 * top];
  L = coeffs[2 * top + 1];
  for (let i = top - 1; i >= bottom; i--) {
    ddMul(H, L, xh, xl);
    ddAdd(H, L, coeffs[2 * i], coeffs[2 * i + 1]);
  }
}

function ddMul(ah: number, al: number, bh: number, bl: number): void {
  const p = ah * bh;
  const e = productError(ah, bh, p) + (ah * bl + al * bh);
  H = p + e;
  L = e - (H - p);
}

function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  // long division: three quotient digits, each remainder kept in double-double
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl);
  ddAdd(ah, al, -H, -L);
  const rh = H;
  const rl = L;
  const q2 = rh / bh;
  ddMul(q2, 0, bh, bl);
  ddAdd(rh, rl, -H, -L);
  const q3 = H / bh;
  twoSum(q1, q2);
  ddAdd(H, L, q3, 0);
}

/** 1/n! (INV_FACT[2n], INV_FACT[2n+1]) and 1/(2n+1) (INV_ODD) as double-doubles. */
const INV_FACT = new Float64Array(64);
INV_FACT[0] = 1;
for (let n = 1; n < 32; n++) {
  ddDiv(INV_FACT[2 * n - 2], INV_FACT[2 * n - 1], n, 0);
  INV_FACT[2 * n] = H;
  INV_FACT[2 * n + 1] = L;
}
const INV_ODD = new Float64Array(48);
for (let n = 0; n < 24; n++) {
  ddDiv(1, 0, 2 * n + 1, 0);
  INV_ODD[2 * n] = H;
  INV_ODD[2 * n + 1] = L;
}

/** exp(xh + xl) = 2**EXP_K * (H + L), |x| below ~745. */
let EXP_K = 0;
function expDD(xh: number, xl: number): void {
  const k = Math.round(xh * 1.4426950408889634);
  // r = x - k*ln2, carried in double-double
  twoSum(xh, -k * LN2_A);
  ddAdd(H, L, -k * LN2_B, -productError(-k, LN2_B, -k * LN2_B) - k * LN2_C);
  ddAdd(H, L, xl, 0);
  // exp(r) = (1 + expm1(r / 2**10)) ** (2**10)
  const sh = H * 0.0009765625;
  const sl = L * 0.0009765625;
  ddHorner(INV_FACT, 9, 2, sh, sl);
  ddMul(H, L, sh, sl);
  ddMul(H, L, sh, sl);
  ddAdd(H, L, sh, sl);
  let eh = H;
  let el = L;
  for (let i = 0; i < 10; i++) {
    // (1+e)**2 = 1 + (2e + e*e)
    ddMul(eh, el, eh, el);
    ddAdd(H, L, 2 * eh, 2 * el);
    eh = H;
    el = L;
  }
  ddAdd(1, 0, eh, el);
  EXP_K = k;
}

/** Scale the double-double result by 2**k and round once. */
function scaled(h: number, l: number, k: number): number {
  if (k > 1023) return (h + l) * 2 ** 1023 * 2 ** (k - 1023);
  if (k < -1000) return (h + l) * 2 ** -1000 * 2 ** (k + 1000); // may round twice in the subnormal range
  return (h + l) * 2 ** k;
}

// glibc's exp (the Arm optimized-routines algorithm, FMA build) is reproduced exactly:
// exp(x) = 2^(k/128) * exp(r), a 128-entry table of 2^(i/128) = S[i] * (1 + T[i]) and a
// degree-5 polynomial. Its rare misroundings are then ours too.
const EXP_C2 = Number(0x1ffffffffffdbdn) * 2 ** (-2 - 52);
const EXP_C3 = Number(0x1555555555543cn) * 2 ** (-3 - 52);
const EXP_C4 = Number(0x155555cf172b91n) * 2 ** (-5 - 52);
const EXP_C5 = Number(0x11111167a4d017n) * 2 ** (-7 - 52);
const EXP_INV_LN2_N = Number(0x171547652b82fen) * 2 ** (7 - 52);
const EXP_NEG_LN2_HI_N = -Number(0x162e42fefa0000n) * 2 ** (-8 - 52);
const EXP_NEG_LN2_LO_N = -Number(0x1cf79abc9e3b3an) * 2 ** (-47 - 52);
const EXP_SHIFT = 1.5 * 2 ** 52;
const EXP_S = new Float64Array(128);
const EXP_T = new Float64Array(128);
{
  // 2^(1/128) by seven square roots in fixed point, then its powers
  let root = 2n * FIX_ONE;
  for (let i = 0; i < 7; i++) root = bigSqrt(root * FIX_ONE);
  let v = FIX_ONE;
  for (let i = 0; i < 128; i++) {
    const s = Number(v) / 2 ** Number(FIX_BITS);
    const sFix = BigInt(s * 2 ** 60) << (FIX_BITS - 60n);
    EXP_S[i] = s;
    EXP_T[i] = Number(((v - sFix) * FIX_ONE) / sFix) / 2 ** Number(FIX_BITS);
    v = (v * root) >> FIX_BITS;
  }
}

/** a*b + c with one rounding (glibc is built with FMA contraction). */
function fma(a: number, b: number, c: number): number {
  const p = a * b;
  const e = productError(a, b, p);
  twoSum(p, c);
  return H + (L + e);
}

export function glibcExp(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2 ** -54) return 1 + x;
  if (!(ax < 1024)) return x === -Infinity ? 0 : x !== x || x === Infinity ? x : x < 0 ? 0 : Infinity;
  const k = fma(EXP_INV_LN2_N, x, EXP_SHIFT) - EXP_SHIFT;
  const r = fma(k, EXP_NEG_LN2_LO_N, fma(k, EXP_NEG_LN2_HI_N, x));
  const i = k & 127;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, EXP_C5, EXP_C4), fma(r2, fma(r, EXP_C3, EXP_C2), EXP_T[i] + r));
  const e = (k - i) / 128; // scale = S[i] * 2**e
  if (ax <= 512) {
    const scale = EXP_S[i] * 2 ** e;
    return fma(scale, tmp, scale);
  }
  if (k > 0) {
    const scale = EXP_S[i] * 2 ** (e - 1009);
    return 2 ** 1009 * fma(scale, tmp, scale);
  }
  // k < 0: round once more carefully before scaling into the subnormal range
  const scale = EXP_S[i] * 2 ** (e + 1022);
  let y = scale + scale * tmp;
  if (y < 1) {
    const lo0 = scale - y + scale * tmp;
    const hi = 1 + y;
    const lo = 1 - hi + y + lo0;
    y = hi + lo - 1;
  }
  return 2 ** -1022 * y;
}

/** log(x) for finite x > 0 into (H, L): k*ln2 + 2*atanh((m-1)/(m+1)). */
function logDD(x: number): void {
  let [m, k] = frexpExact(x);
  if (m < Math.SQRT1_2) {
    m *= 2;
    k -= 1;
  }
  const f = m - 1; // exact
  twoSum(m, 1);
  ddDiv(f, 0, H, L);
  const sh = H;
  const sl = L;
  ddMul(sh, sl, sh, sl);
  const zh = H;
  const zl = L;
  ddHorner(INV_ODD, 23, 0, zh, zl);
  ddMul(H, L, sh, sl);
  const lh = 2 * H;
  const ll = 2 * L;
  if (k === 0) {
    H = lh;
    L = ll;
    return;
  }
  const kb = k * LN2_B;
  twoSum(k * LN2_A, kb);
  ddAdd(H, L + productError(k, LN2_B, kb) + k * LN2_C, lh, ll);
}

function logSpecial(x: number): number | undefined {
  if (x !== x || x === Infinity) return x;
  if (x < 0) return NaN;
  if (x === 0) return -Infinity;
  return undefined;
}

export function crLog(x: number): number {
  const s = logSpecial(x);
  if (s !== undefined) return s;
  logDD(x);
  return H + L;
}

export function crLog2(x: number): number {
  const s = logSpecial(x);
  if (s !== undefined) return s;
  logDD(x);
  ddMul(H, L, INV_LN2_H, INV_LN2_L);
  return H + L;
}

/**
 * glibc's log10 is not correctly rounded: it combines log(m) with a split log10(2),
 * m in [1, 2) (or [0.5, 1) below 1). Do the same to get the same last digit.
 */
export function glibcLog10(x: number): number {
  const s = logSpecial(x);
  if (s !== undefined) return s;
  const [m0, e0] = frexpExact(x); // x = m0 * 2**e0, m0 in [0.5, 1)
  const k = e0 - 1; // x = (2*m0) * 2**k
  const below = k < 0 ? 1 : 0;
  const y = k + below;
  const m = below ? m0 : 2 * m0;
  if (y === 0 && m === 1) return 0;
  const z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-1 * crLog(m);
  return z + y * 3.01029995663611771306e-1;
}

/** x**y for finite x > 0 and finite y, correctly rounded (overflow -> inf). */
function powPositive(x: number, y: number): number {
  logDD(x);
  ddMul(H, L, y, 0);
  if (H > 709.79) return Infinity;
  if (H < -745.2) return 0;
  expDD(H, L);
  return scaled(H, L, EXP_K);
}

/** C pow() with correct rounding for finite operands. */
export function crPow(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0 || x === 1) return Math.pow(x, y);
  if (y === 1) return x;
  if (x > 0) return powPositive(x, y);
  if (!Number.isInteger(y)) return NaN;
  const r = powPositive(-x, y);
  return Math.abs(y) % 2 === 1 ? -r : r;
}

/** Reduce x by multiples of pi/2 into (H, L); returns the quadrant, or -1 when |x| is too big. */
function reduceHalfPi(x: number): number {
  const n = Math.round(x * 0.6366197723675814);
  if (Math.abs(n) >= 2 ** 20) return -1;
  twoSum(x, -n * PIO2_A);
  ddAdd(H, L, -n * PIO2_B, 0);
  ddAdd(H, L, -n * PIO2_C, 0);
  const d = -n * PIO2_D;
  ddAdd(H, L, d, productError(-n, PIO2_D, d));
  return n & 3;
}

/** sin (which=0) or cos (which=1) of the reduced argument in (H, L). */
function sinCosDD(rh: number, rl: number, which: 0 | 1): void {
  ddMul(rh, rl, rh, rl);
  const zh = H;
  const zl = L;
  // sin r = r * sum (-z)^i/(2i+1)!,  cos r = sum (-z)^i/(2i)!
  const first = which === 0 ? 1 : 0;
  let ph = 0;
  let pl = 0;
  for (let i = 14; i >= 0; i--) {
    const idx = 2 * i + first;
    ddMul(ph, pl, -zh, -zl);
    ddAdd(H, L, INV_FACT[2 * idx], INV_FACT[2 * idx + 1]);
    ph = H;
    pl = L;
  }
  if (which === 0) ddMul(ph, pl, rh, rl);
  else {
    H = ph;
    L = pl;
  }
}

function sinCos(x: number, wantCos: boolean): number {
  if (!Number.isFinite(x)) return NaN;
  if (!wantCos && Math.abs(x) < 2 ** -26) return x; // sin x = x - x^3/6 rounds to x
  const q = reduceHalfPi(x);
  if (q < 0) return wantCos ? Math.cos(x) : Math.sin(x);
  const rh = H;
  const rl = L;
  // sin(x) = [sin r, cos r, -sin r, -cos r][q]; cos(x) = sin(x + pi/2)
  const quadrant = (q + (wantCos ? 1 : 0)) & 3;
  sinCosDD(rh, rl, (quadrant & 1) as 0 | 1);
  const v = H + L;
  return quadrant >= 2 ? -v : v;
}

export const crSin = (x: number) => sinCos(x, false);
export const crCos = (x: number) => sinCos(x, true);

export function crTan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return x;
  const q = reduceHalfPi(x);
  if (q < 0) return Math.tan(x);
  const rh = H;
  const rl = L;
  sinCosDD(rh, rl, 0);
  const sh = H;
  const sl = L;
  sinCosDD(rh, rl, 1);
  // tan(r + pi/2) = -cos r / sin r
  if (q & 1) ddDiv(-H, -L, sh, sl);
  else ddDiv(sh, sl, H, L);
  return H + L;
}

/** sin and cos of y together, as double-doubles: (SH, SL) and (H, L). */
let SH = 0;
let SL = 0;
function sinCosBoth(y: number): boolean {
  const q = reduceHalfPi(y);
  if (q < 0) return false;
  const rh = H;
  const rl = L;
  sinCosDD(rh, rl, 0);
  const sh = H;
  const sl = L;
  sinCosDD(rh, rl, 1);
  const ch = H;
  const cl = L;
  // rotate by the quadrant: (sin, cos) of r + q*pi/2
  const [s1, s2, c1, c2] = q === 0 ? [sh, sl, ch, cl] : q === 1 ? [ch, cl, -sh, -sl] : q === 2 ? [-sh, -sl, -ch, -cl] : [-ch, -cl, sh, sl];
  SH = s1;
  SL = s2;
  H = c1;
  L = c2;
  return true;
}

/**
 * atan2(a, b) for double-double a and b, refining the libm estimate y0 by one step:
 * atan2(a, b) = y0 + atan((a cos y0 - b sin y0) / (b cos y0 + a sin y0)), and the
 * correction is so small that atan(t) = t to well beyond double precision.
 */
function refineAtan2(y0: number, ah: number, al: number, bh: number, bl: number): number {
  if (!Number.isFinite(y0) || y0 === 0 || !sinCosBoth(y0)) return y0;
  const sh = SH;
  const sl = SL;
  const ch = H;
  const cl = L;
  ddMul(ah, al, ch, cl);
  const ph = H;
  const pl = L;
  ddMul(bh, bl, sh, sl);
  ddAdd(ph, pl, -H, -L);
  const num = H + L;
  const den = bh * ch + ah * sh;
  return y0 + num / den;
}

/** sqrt(1 - x*x) as a double-double in (H, L), |x| <= 1. */
function sqrtOneMinusSquare(x: number): void {
  const p = x * x;
  ddAdd(1, 0, -p, -productError(x, x, p));
  const h = H;
  const l = L;
  const r = Math.sqrt(h);
  if (r === 0) return;
  const rr = r * r;
  ddAdd(h, l, -rr, -productError(r, r, rr));
  twoSum(r, (H + L) / (2 * r));
}

export function crAtan(x: number): number {
  if (x !== x || Math.abs(x) > 2 ** 60 || Math.abs(x) < 2 ** -28) return Math.atan(x);
  return refineAtan2(Math.atan(x), x, 0, 1, 0);
}

export function crAtan2(y: number, x: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return Math.atan2(y, x);
  const r = Math.atan2(y, x);
  // scale both by the same power of two so their products cannot overflow
  const e = frexpExact(Math.max(Math.abs(x), Math.abs(y)))[1];
  return refineAtan2(r, y * 2 ** -e, 0, x * 2 ** -e, 0);
}

export function crAsin(x: number): number {
  if (!(Math.abs(x) < 1) || Math.abs(x) < 2 ** -26) return Math.asin(x);
  sqrtOneMinusSquare(x);
  return refineAtan2(Math.asin(x), x, 0, H, L);
}

export function crAcos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  sqrtOneMinusSquare(x);
  return refineAtan2(Math.acos(x), H, L, x, 0);
}

/** sinh with glibc's (fdlibm's) formulas: expm1 below 22, exp above. */
export function glibcSinh(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a) || a < 2 ** -28) return x;
  const h = x < 0 ? -0.5 : 0.5;
  if (a < 22) {
    const t = Math.expm1(a);
    return a < 1 ? h * (2 * t - (t * t) / (t + 1)) : h * (t + t / (t + 1));
  }
  if (a < 709.782712893384) return h * glibcExp(a);
  const w = glibcExp(0.5 * a);
  return h * w * w;
}

/** asinh and acosh with glibc's (fdlibm's) formulas over the log above. */
export function glibcAsinh(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a) || a < 2 ** -28) return x;
  let w: number;
  if (a > 2 ** 28) w = crLog(a) + LN2_H;
  else if (a > 2) w = crLog(2 * a + 1 / (Math.sqrt(x * x + 1) + a));
  else {
    const t = x * x;
    w = Math.log1p(a + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

export function glibcAcosh(x: number): number {
  if (x !== x || x < 1) return NaN;
  if (x >= 2 ** 28) return x === Infinity ? x : crLog(x) + LN2_H;
  if (x === 1) return 0;
  if (x > 2) return crLog(2 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2 * t + t * t));
}

/** cosh as glibc computes it (the fdlibm formulas) on top of the exp above. */
export function glibcCosh(x: number): number {
  if (x !== x) return x;
  const a = Math.abs(x);
  if (a < 0.3465735902799726) {
    // 1 + t^2 / (2(1+t)) with t = expm1(|x|)
    if (a < 2 ** -55) return 1;
    const t = Math.expm1(a);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  if (a < 22) {
    const t = glibcExp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (a < 709.782712893384) return 0.5 * glibcExp(a);
  if (a <= 710.4758600739439) {
    const w = glibcExp(0.5 * a);
    return 0.5 * w * w;
  }
  return Infinity;
}

// ---------------------------------------------------------------------------------
// gamma, lgamma: CPython's own Lanczos implementation (m_tgamma, m_lgamma)

const PI = 3.141592653589793;
const LOG_PI = 1.144729885849400174143427351353058711647;
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [0, 39916800, 120543840, 150917976, 105258076, 45995730, 13339535, 2637558, 357423, 32670, 1925, 66, 1];
const GAMMA_INTEGRAL = [
  1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800, 87178291200,
  1307674368000, 20922789888000, 355687428096000, 6402373705728000, 121645100408832000,
  2432902008176640000, 51090942171709440000, 1124000727777607680000,
];

function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  // for large x, rescale by x**(1-N) so the rational function cannot overflow
  if (x < 5) {
    for (let i = LANCZOS_NUM.length; --i >= 0; ) {
      num = num * x + LANCZOS_NUM[i];
      den = den * x + LANCZOS_DEN[i];
    }
  } else {
    for (let i = 0; i < LANCZOS_NUM.length; i++) {
      num = num / x + LANCZOS_NUM[i];
      den = den / x + LANCZOS_DEN[i];
    }
  }
  return num / den;
}

/** sin(pi*x), exact at integers and half-integers. */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2;
  const n = Math.round(2 * y);
  let r: number;
  switch (n) {
    case 0: r = crSin(PI * y); break;
    case 1: r = crCos(PI * (y - 0.5)); break;
    case 2: r = crSin(PI * (1 - y)); break;
    case 3: r = -crCos(PI * (y - 1.5)); break;
    default: r = crSin(PI * (y - 2));
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

function gamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return x;
    throw domainError();
  }
  if (x === 0) throw domainError();
  if (x === Math.floor(x)) {
    if (x < 0) throw domainError();
    if (x <= GAMMA_INTEGRAL.length) return GAMMA_INTEGRAL[x - 1];
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return 1 / x; // an infinite result is caught as a range error
  if (absx > 200) {
    if (x < 0) return 0 / sinpi(x);
    throw rangeError();
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  // the rounding error of y, to correct the sum below
  let z = absx > LANCZOS_G_MINUS_HALF ? y - absx - LANCZOS_G_MINUS_HALF : y - LANCZOS_G_MINUS_HALF - absx;
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = (((-PI / sinpi(absx)) / absx) * glibcExp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140) r /= crPow(y, absx - 0.5);
    else {
      const sqrtpow = crPow(y, absx / 2 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / glibcExp(y);
    r += z * r;
    if (absx < 140) r *= crPow(y, absx - 0.5);
    else {
      const sqrtpow = crPow(y, absx / 2 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return r;
}

function lgamma(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2) {
    if (x <= 0) throw domainError();
    return 0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -crLog(absx);
  let r = crLog(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (crLog(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOG_PI - crLog(Math.abs(sinpi(absx))) - crLog(absx) - r;
  return r;
}

// erf, erfc in double-double, rounded once: a positive power series below 3 and a
// continued fraction for the tail of erfc

function bigSqrt(n: bigint): bigint {
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x - 1n && y <= x + 1n) return y * y > n ? y - 1n : y;
    x = y;
  }
}
// 2/sqrt(pi) = sqrt(2 / (pi/2)), in fixed point then as a double-double
const [TWO_OVER_SQRTPI_H, TWO_OVER_SQRTPI_L] = splitFixed(bigSqrt(((2n * FIX_ONE * FIX_ONE) / PIO2_FIX) * FIX_ONE), 2);

/** erf(x) for 0 <= x < 3 into (H, L): 2/sqrt(pi) * exp(-x^2) * sum (2x^2)^n x / (2n+1)!! */
function erfSmallDD(x: number): void {
  const p = x * x;
  const pe = productError(x, x, p);
  const zh = 2 * p;
  const zl = 2 * pe;
  let th = x;
  let tl = 0;
  let sh = x;
  let sl = 0;
  for (let n = 1; n < 400 && th > sh * 2 ** -110; n++) {
    ddMul(th, tl, zh, zl);
    ddDiv(H, L, 2 * n + 1, 0);
    th = H;
    tl = L;
    ddAdd(sh, sl, th, tl);
    sh = H;
    sl = L;
  }
  expDD(-p, -pe);
  const k = EXP_K;
  ddMul(H, L, sh, sl);
  ddMul(H * 2 ** k, L * 2 ** k, TWO_OVER_SQRTPI_H, TWO_OVER_SQRTPI_L);
}

/**
 * erfc(x) for x >= 3: exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
 * as a double-double times 2**EXP_K.
 */
function erfcTailDD(x: number): void {
  let th = x;
  let tl = 0;
  for (let n = 200; n >= 1; n--) {
    ddDiv(n / 2, 0, th, tl);
    ddAdd(x, 0, H, L);
    th = H;
    tl = L;
  }
  ddDiv(TWO_OVER_SQRTPI_H * 0.5, TWO_OVER_SQRTPI_L * 0.5, th, tl);
  const kh = H;
  const kl = L;
  const p = x * x;
  expDD(-p, -productError(x, x, p));
  ddMul(H, L, kh, kl);
}

function erf(x: number): number {
  if (x !== x) return x;
  const a = Math.abs(x);
  if (a >= 6) return x > 0 ? 1 : -1;
  if (a < 3) {
    erfSmallDD(a);
  } else {
    erfcTailDD(a);
    const k = EXP_K;
    ddAdd(1, 0, -H * 2 ** k, -L * 2 ** k);
  }
  const v = H + L;
  return x < 0 ? -v : v;
}

function erfc(x: number): number {
  if (x !== x) return x;
  if (x < -6) return 2;
  if (x >= 27.3) return 0;
  if (x >= 3) {
    erfcTailDD(x);
    return scaled(H, L, EXP_K);
  }
  erfSmallDD(Math.abs(x));
  if (x < 0) ddAdd(1, 0, H, L);
  else ddAdd(1, 0, -H, -L);
  return H + L;
}

// ---------------------------------------------------------------------------------

export const mathModule: Record<string, PyValue> = {
  pi: F(PI),
  e: F(2.718281828459045),
  tau: F(6.283185307179586),
  inf: F(Infinity),
  nan: F(NaN),

  sqrt: unary('sqrt', Math.sqrt, false),
  exp: unary('exp', glibcExp, true),
  exp2: unary('exp2', (x) => crPow(2, x), true),
  expm1: unary('expm1', Math.expm1, true),
  log,
  log2: ((args, kwargs) => F(logOf(oneArg('log2', args, kwargs), crLog2))) as Fn,
  log10: ((args, kwargs) => F(logOf(oneArg('log10', args, kwargs), glibcLog10))) as Fn,
  log1p: unary('log1p', Math.log1p, false),
  cbrt: unary('cbrt', Math.cbrt, false),
  sin: unary('sin', crSin, false),
  cos: unary('cos', crCos, false),
  tan: unary('tan', crTan, false),
  asin: unary('asin', crAsin, false),
  acos: unary('acos', crAcos, false),
  atan: unary('atan', crAtan, false),
  sinh: unary('sinh', glibcSinh, true),
  cosh: unary('cosh', glibcCosh, true),
  tanh: unary('tanh', Math.tanh, false),
  asinh: unary('asinh', glibcAsinh, false),
  acosh: unary('acosh', glibcAcosh, false),
  atanh: unary('atanh', Math.atanh, false),
  erf: unary('erf', erf, false),
  erfc: unary('erfc', erfc, false),
  gamma: unary('gamma', gamma, true),
  lgamma: unary('lgamma', lgamma, true),
  fabs: unary('fabs', Math.abs, false),
  degrees: ((args, kwargs) => F(toDouble(oneArg('degrees', args, kwargs)) * (180 / PI))) as Fn,
  radians: ((args, kwargs) => F(toDouble(oneArg('radians', args, kwargs)) * (PI / 180))) as Fn,

  pow: binary('pow', mathPow),
  atan2: binary('atan2', crAtan2),
  copysign: binary('copysign', copysign),
  fmod: binary('fmod', fmod),
  remainder: binary('remainder', remainder),
  ldexp,
  frexp,
  modf,

  floor: rounding('floor', Math.floor),
  ceil: rounding('ceil', Math.ceil),
  trunc,
  factorial,
  comb,
  perm,
  gcd,
  lcm,
  isqrt,

  fsum,
  prod,
  hypot,
  dist,
  isclose,
  isfinite: predicate('isfinite', Number.isFinite),
  isinf: predicate('isinf', (x) => x === Infinity || x === -Infinity),
  isnan: predicate('isnan', (x) => x !== x),
};
