/**
 * PyTorch 1.13's CPU generator (ATen CPUGeneratorImpl), stream for stream: the same
 * seed gives the same numbers as real PyTorch on an AVX2 machine (the capability
 * PyTorch picks on x86-64, AVX-512 CPUs included).
 *
 * Sources ported: ATen/core/TransformationHelper.h, ATen/core/DistributionsHelper.h,
 * ATen/native/cpu/DistributionTemplates.h (normal_fill_AVX2), ATen/native/cpu/avx_mathfun.h
 * (log256_ps, sincos256_ps) and randperm_cpu in TensorFactories.cpp. The AVX2 kernels are
 * compiled with -mfma and GCC contracts `a * b + c` into fused multiply-adds, so the float
 * paths below use fmaf where the compiled code does.
 */
import { float16, float64, toHalf, type DType } from './dtype.js';
import { MT19937 } from './mt19937.js';

/** c10's default_rng_seed_val. */
const DEFAULT_SEED = 67280421310721n;
const TWO_POW_32 = 4294967296;
const TWO_POW_M24 = 1 / 16777216;
const TWO_POW_M11 = 1 / 2048;
const TWO_POW_M53 = 1 / 9007199254740992;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const fround = Math.fround;

/** The float32 one unit away from float32 `x` towards `dir` (>0 up, <0 down). */
function nextFloat(x: number, dir: number): number {
  f32[0] = x;
  if (x === 0) u32[0] = 1 | (dir < 0 ? 0x80000000 : 0);
  else if (x > 0 === dir > 0) u32[0]++;
  else u32[0]--;
  return f32[0];
}

/**
 * Single-rounding float32 a * b + c (vfmadd on floats). The product of two floats is exact
 * in a double; the double sum can be rounded once more only when it lands exactly on a
 * midpoint between floats, which the exact rounding error of the sum (TwoSum) settles.
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = fround(s);
  if (r === s || !Number.isFinite(s)) return r;
  const bv = s - p;
  const err = p - (s - bv) + (c - bv);
  if (err === 0) return r;
  const other = nextFloat(r, s - r);
  if ((r + other) / 2 !== s) return r;
  // s is a tie that the exact value leaves on the side of err
  return (err > 0) === (other > r) ? other : r;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** Finite nonzero double as [signed integer mantissa, exponent]: x = m * 2**e. */
function decompose(x: number): [bigint, number] {
  f64[0] = x;
  const bits = u64[0];
  const biased = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  if (biased !== 0) m |= 0x10000000000000n;
  if (x < 0) m = -m;
  return [m, (biased === 0 ? 1 : biased) - 1075];
}

/**
 * Single-rounding double a * b + c, exactly (in BigInt), for the few double kernels GCC
 * fused. Subnormal results may round twice; no kernel here produces them.
 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (p === 0 || c === 0 || !Number.isFinite(p) || !Number.isFinite(c)) return p + c;
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const ep = ea + eb;
  // a gap this wide leaves the smaller term below the result's last bit
  if (Math.abs(ep - ec) > 1100) return p + c;
  const e = Math.min(ep, ec);
  const m = ((ma * mb) << BigInt(ep - e)) + (mc << BigInt(ec - e));
  const mag = m < 0n ? -m : m;
  // cut the exact sum to 64 significant bits, keeping a sticky bit so Number() rounds right
  const drop = Math.max(0, mag.toString(2).length - 64);
  let top = mag >> BigInt(drop);
  if (drop > 0 && top << BigInt(drop) !== mag) top |= 1n;
  const k = e + drop;
  const r = Number(top) * 2 ** Math.trunc(k / 2) * 2 ** (k - Math.trunc(k / 2));
  return m < 0n ? -r : r;
}

// avx_mathfun.h constants, as the float32 values the C initialisers round to
const SQRTHF = fround(0.707106781186547524);
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(fround);
const LOG_Q1 = fround(-2.1219444e-4);
const LOG_Q2 = fround(0.693359375);
const MIN_NORM_POS = 1.1754943508222875e-38;
const DP1 = fround(-0.78515625);
const DP2 = fround(-2.4187564849853515625e-4);
const DP3 = fround(-3.77489497744594108e-8);
const SINCOF = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(fround);
const COSCOF = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(fround);
const FOPI = fround(1.27323954473516);
const TWO_PI_F = fround(2 * Math.PI);

/** log256_ps for one lane, for x in (0, 1] (what normal_fill feeds it). */
function logCephes(xIn: number): number {
  if (xIn <= 0) return NaN;
  f32[0] = Math.max(xIn, MIN_NORM_POS);
  const bits = u32[0];
  let e = fround((bits >>> 23) - 0x7f + 1);
  u32[0] = (bits & ~0x7f800000) | 0x3f000000; // mantissa with the exponent of 0.5
  let x = f32[0];
  const small = x < SQRTHF;
  const tmp = small ? x : 0;
  x = fround(x - 1);
  if (small) e = fround(e - 1);
  x = fround(x + tmp);
  const z = fround(x * x);
  let y = LOG_P[0];
  for (let i = 1; i < 9; i++) y = fmaf(y, x, LOG_P[i]);
  y = fround(y * x);
  // GCC fuses the first product that feeds this add (y * z); fusing e * q1 instead gives
  // the same bits on every recorded sample
  y = fmaf(y, z, fround(e * LOG_Q1));
  y = fround(y - z * 0.5); // z * 0.5 is exact: fused or not, the same
  x = fround(x + y);
  return fround(x + e * LOG_Q2); // e * q2 is exact (q2 has 9 significant bits)
}

/** The normal_fill_16 step of normal_fill_AVX2: 8 Box–Muller pairs, in place. */
function normalFill16(data: Float64Array, at: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = fround(1 - data[at + j]);
    const u2 = data[at + j + 8];
    const radius = fround(Math.sqrt(fround(-2 * logCephes(u1))));
    const theta = fround(TWO_PI_F * u2);
    sincosCephes(theta);
    data[at + j] = fmaf(fround(radius * sc.cos), std, mean);
    data[at + j + 8] = fmaf(fround(radius * sc.sin), std, mean);
  }
}

const sc = { sin: 0, cos: 0 };

/** sincos256_ps for one lane; results in `sc`. */
function sincosCephes(xIn: number): void {
  const negative = xIn < 0;
  let x = Math.abs(xIn);
  // truncation to int32, then j = (j + 1) & ~1
  let j = Math.trunc(fround(x * FOPI)) | 0;
  j = (j + 1) & ~1;
  const y = fround(j);
  const swapSin = (j & 4) !== 0;
  const polyCos = (j & 2) === 0; // lane uses the cosine polynomial for the sine
  x = fmaf(y, DP1, x);
  x = fmaf(y, DP2, x);
  x = fmaf(y, DP3, x);
  const signCos = ((j - 2) & 4) === 0;
  const z = fround(x * x);
  let yc = COSCOF[0];
  yc = fmaf(yc, z, COSCOF[1]);
  yc = fmaf(yc, z, COSCOF[2]);
  yc = fround(yc * z);
  yc = fmaf(yc, z, -z * 0.5);
  yc = fround(yc + 1);
  let ys = SINCOF[0];
  ys = fmaf(ys, z, SINCOF[1]);
  ys = fmaf(ys, z, SINCOF[2]);
  ys = fround(ys * z);
  ys = fmaf(ys, x, x);
  let s = polyCos ? ys : yc;
  let c = polyCos ? yc : ys;
  if (negative !== swapSin) s = -s;
  if (signCos) c = -c;
  sc.sin = s;
  sc.cos = c;
}

export class CpuGenerator {
  private readonly engine = new MT19937();
  private seed: bigint = DEFAULT_SEED;
  /** Box–Muller's second value, kept for the next scalar normal draw (next_double_normal_sample). */
  private nextNormal: number | null = null;

  constructor(seed: number | bigint = DEFAULT_SEED) {
    this.manualSeed(seed);
  }

  /** torch.manual_seed: a negative seed is taken as its 64-bit two's complement. */
  manualSeed(seed: number | bigint): void {
    this.seed = BigInt.asUintN(64, BigInt(seed));
    this.engine.seed(Number(this.seed & 0xffffffffn));
    this.nextNormal = null;
  }

  /** torch.initial_seed(): a number when it is exact, else a bigint. */
  initialSeed(): number | bigint {
    return this.seed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(this.seed) : this.seed;
  }

  /** CPUGeneratorImpl::random() */
  random(): number {
    return this.engine.nextUint32();
  }

  /** 53 random bits of random64() as a double in [0, 1) (uniform_real<double>). */
  unitDouble(): number {
    const hi = this.engine.nextUint32() & 0x1fffff;
    const lo = this.engine.nextUint32();
    return (hi * TWO_POW_32 + lo) * TWO_POW_M53;
  }

  unitFloat(): number {
    return (this.engine.nextUint32() & 0xffffff) * TWO_POW_M24;
  }

  /**
   * torch.rand / rand_like / uniform_(low, high): n values of dtype (float32, float64 or
   * float16), as doubles that are exactly values of that dtype.
   */
  uniform(n: number, dtype: DType, low = 0, high = 1): Float64Array {
    const out = new Float64Array(n);
    if (dtype === float64) {
      const range = high - low;
      for (let i = 0; i < n; i++) out[i] = fma(this.unitDouble(), range, low);
    } else if (dtype === float16) {
      // 11 random bits (half's digits), float arithmetic, then the cast to half
      const from = toHalf(low);
      const range = toHalf(toHalf(high) - from);
      for (let i = 0; i < n; i++) out[i] = toHalf(fmaf((this.engine.nextUint32() & 0x7ff) * TWO_POW_M11, range, from));
    } else {
      const from = fround(low);
      const range = fround(fround(high) - from);
      for (let i = 0; i < n; i++) out[i] = fmaf(this.unitFloat(), range, from);
    }
    return out;
  }

  /**
   * torch.randn / normal_(mean, std): PyTorch fills contiguous tensors of >= 16 elements
   * with a vectorised Box–Muller over 16-value blocks and draws smaller ones one by one.
   */
  normal(n: number, dtype: DType, mean = 0, std = 1): Float64Array {
    const out = new Float64Array(n);
    if (n >= 16) {
      if (dtype === float64) this.normalFillDouble(out, mean, std);
      else if (dtype === float16) this.normalFillHalf(out, toHalf(mean), toHalf(std));
      else this.normalFillFloat(out, fround(mean), fround(std));
    } else {
      for (let i = 0; i < n; i++) {
        const v = fma(this.scalarNormal(), std, mean);
        out[i] = dtype === float64 ? v : dtype === float16 ? toHalf(v) : fround(v);
      }
    }
    return out;
  }

  /** normal_distribution<double>: Box–Muller, caching the sine half for the next call. */
  private scalarNormal(): number {
    if (this.nextNormal !== null) {
      const v = this.nextNormal;
      this.nextNormal = null;
      return v;
    }
    const u1 = this.unitDouble();
    const u2 = this.unitDouble();
    const r = Math.sqrt(-2 * Math.log(1 - u2));
    const theta = 2 * Math.PI * u1;
    this.nextNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  private normalFillFloat(out: Float64Array, mean: number, std: number): void {
    const n = out.length;
    for (let i = 0; i < n; i++) out[i] = this.unitFloat();
    for (let i = 0; i + 16 <= n; i += 16) normalFill16(out, i, mean, std);
    if (n % 16 !== 0) {
      // PyTorch redraws the last 16 values and transforms them again
      for (let i = n - 16; i < n; i++) out[i] = this.unitFloat();
      normalFill16(out, n - 16, mean, std);
    }
  }

  /**
   * normal_fill<c10::Half>: every Half assignment rounds, the arithmetic between is float
   * (libm's logf/cosf/sinf, here the double functions rounded to float).
   */
  private normalFillHalf(out: Float64Array, mean: number, std: number): void {
    const n = out.length;
    const unit = () => (this.engine.nextUint32() & 0x7ff) * TWO_POW_M11;
    for (let i = 0; i < n; i++) out[i] = unit();
    const fill16 = (at: number) => {
      for (let j = 0; j < 8; j++) {
        const u1 = toHalf(1 - out[at + j]);
        const u2 = out[at + j + 8];
        const radius = toHalf(fround(Math.sqrt(fround(-2 * fround(Math.log(u1))))));
        const theta = toHalf(2 * Math.PI * u2);
        out[at + j] = toHalf(fround(fround(fround(radius * fround(Math.cos(theta))) * std) + mean));
        out[at + j + 8] = toHalf(fround(fround(fround(radius * fround(Math.sin(theta))) * std) + mean));
      }
    };
    for (let i = 0; i + 16 <= n; i += 16) fill16(i);
    if (n % 16 !== 0) {
      for (let i = n - 16; i < n; i++) out[i] = unit();
      fill16(n - 16);
    }
  }

  /** normal_fill<double> (the portable path; libm log/sin/cos). */
  private normalFillDouble(out: Float64Array, mean: number, std: number): void {
    const n = out.length;
    for (let i = 0; i < n; i++) out[i] = this.unitDouble();
    const fill16 = (at: number) => {
      for (let j = 0; j < 8; j++) {
        const u1 = 1 - out[at + j];
        const u2 = out[at + j + 8];
        const radius = Math.sqrt(-2 * Math.log(u1));
        const theta = 2 * Math.PI * u2;
        out[at + j] = fma(radius * Math.cos(theta), std, mean);
        out[at + j + 8] = fma(radius * Math.sin(theta), std, mean);
      }
    };
    for (let i = 0; i + 16 <= n; i += 16) fill16(i);
    if (n % 16 !== 0) {
      for (let i = n - 16; i < n; i++) out[i] = this.unitDouble();
      fill16(n - 16);
    }
  }

  /** torch.randint(low, high, (n,)): `random() % range + low`, random64 for ranges >= 2**32. */
  randint(low: number, high: number, n: number): Float64Array {
    const out = new Float64Array(n);
    const range = high - low;
    if (range >= TWO_POW_32) {
      const r = BigInt(range);
      for (let i = 0; i < n; i++) {
        const hi = BigInt(this.engine.nextUint32());
        const lo = BigInt(this.engine.nextUint32());
        out[i] = Number(((hi << 32n) | lo) % r) + low;
      }
    } else {
      for (let i = 0; i < n; i++) out[i] = (this.engine.nextUint32() % range) + low;
    }
    return out;
  }

  /** randperm_cpu: a Fisher–Yates pass from the front with `random() % (n - i)`. */
  randperm(n: number): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = 0; i < n - 1; i++) {
      const z = this.engine.nextUint32() % (n - i);
      const t = out[i];
      out[i] = out[z + i];
      out[z + i] = t;
    }
    return out;
  }
}

/** torch.default_generator */
export const defaultGenerator = new CpuGenerator();
