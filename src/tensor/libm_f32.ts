/**
 * glibc 2.36's float functions (Debian 12, x86-64 with FMA), which PyTorch 1.13 calls for the
 * elements its vectorised loops leave to the scalar path (see vecSplit in src/ops/kernels.ts):
 * sinhf/coshf (fdlibm float code over expm1f and expf), expf and powf (ARM's double-based
 * routines). Checked in C against the library on every float32 input for expf, expm1f, sinhf
 * and coshf and on 5e8 (x, y) pairs for powf, and against torch in test/tensor/libm_f32.test.ts.
 */
const f = Math.fround;

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
function asuint(x: number): number {
  F32[0] = x;
  return U32[0]!;
}
function asfloat(u: number): number {
  U32[0] = u >>> 0;
  return F32[0]!;
}

// ---- expf / exp2 shared data (e_exp2f_data.c) -------------------------------------------
/** 2^(i/32) as doubles: tab[i] + (i << 47) of glibc's table. */
const EXP2_TAB = [
  0x3ff0000000000000n, 0x3fefd9b0d3158574n, 0x3fefb5586cf9890fn, 0x3fef9301d0125b51n, 0x3fef72b83c7d517bn, 0x3fef54873168b9aan,
  0x3fef387a6e756238n, 0x3fef1e9df51fdee1n, 0x3fef06fe0a31b715n, 0x3feef1a7373aa9cbn, 0x3feedea64c123422n, 0x3feece086061892dn,
  0x3feebfdad5362a27n, 0x3feeb42b569d4f82n, 0x3feeab07dd485429n, 0x3feea47eb03a5585n, 0x3feea09e667f3bcdn, 0x3fee9f75e8ec5f74n,
  0x3feea11473eb0187n, 0x3feea589994cce13n, 0x3feeace5422aa0dbn, 0x3feeb737b0cdc5e5n, 0x3feec49182a3f090n, 0x3feed503b23e255dn,
  0x3feee89f995ad3adn, 0x3feeff76f2fb5e47n, 0x3fef199bdd85529cn, 0x3fef3720dcef9069n, 0x3fef5818dcfba487n, 0x3fef7c97337b9b5fn,
  0x3fefa4afa2a490dan, 0x3fefd0765b6e4540n,
].map((t, i) => {
  U64[0] = t + (BigInt(i) << 47n);
  return F64[0]!;
});
/** s * 2^(k/32) for an integer k (the table entry times a power of two: exact). */
const scale2 = (k: number): number => EXP2_TAB[k & 31]! * 2 ** (k >> 5);

const EP0 = 0.05550361559341535;
const EP1 = 0.2402284522445722;
const EP2 = 0.6931471806916203;
const INV_LN2_N = 1.4426950408889634 * 32;
// INV_LN2_N split in 26 + 27 bits, so that its product with a float is exact in two parts
const INV_HI = 46.16624164581299;
const INV_LO = INV_LN2_N - INV_HI;
const SHIFT = 6755399441055744; // 1.5 * 2^52

/**
 * glibc expf. Its FMA build computes x*32/ln2 - k with one rounding; a plain double product
 * would round it twice and differ on 2 of the 2^32 inputs, so the product is split exactly.
 */
export function expf(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 88)) {
    if (x !== x || x === Infinity) return x;
    if (x === -Infinity) return 0;
    if (x > 88.72283172607422) return Infinity;
    if (x < -103.97207641601562) return 0;
  }
  const p = INV_LN2_N * x;
  const e = INV_HI * x - p + INV_LO * x; // p + e is the exact product
  let kd = p + SHIFT - SHIFT; // ties to even, as rounding p + e + SHIFT once
  const d = p - kd;
  if (d === 0.5 && e > 0) kd += 1;
  else if (d === -0.5 && e < 0) kd -= 1;
  const r = d + e;
  const s = scale2(kd);
  const z = (EP0 / 32768) * r + EP1 / 1024;
  const y = (EP2 / 32) * r + 1;
  return f((z * (r * r) + y) * s);
}

// ---- expm1f, sinhf, coshf (fdlibm float code: every operation rounds to float) ----------
const LN2_HI = f(6.9313812256e-1);
const LN2_LO = f(9.0580006145e-6);
const INVLN2 = f(1.4426950216);
const Q1 = f(-3.3333335072e-2);
const Q2 = f(1.5873016091e-3);
const Q3 = f(-7.936507609e-5);
const Q4 = f(4.0082177293e-6);
const Q5 = f(-2.0109921195e-7);

/** glibc expm1f (s_expm1f.c). */
export function expm1f(x: number): number {
  const bits = asuint(x);
  const neg = bits >>> 31 !== 0;
  const hx = bits & 0x7fffffff;
  if (hx >= 0x4195b844) {
    if (hx >= 0x42b17218) {
      if (hx > 0x7f800000) return x;
      if (hx === 0x7f800000) return neg ? -1 : x;
      if (x > f(88.721679688)) return Infinity;
    }
    if (neg) return -1;
  }
  let k: number;
  let c = 0;
  if (hx > 0x3eb17218) {
    let hi: number;
    let lo: number;
    if (hx < 0x3f851592) {
      hi = neg ? f(x + LN2_HI) : f(x - LN2_HI);
      lo = neg ? -LN2_LO : LN2_LO;
      k = neg ? -1 : 1;
    } else {
      k = Math.trunc(f(f(INVLN2 * x) + (neg ? -0.5 : 0.5)));
      hi = f(x - f(k * LN2_HI));
      lo = f(k * LN2_LO);
    }
    x = f(hi - lo);
    c = f(f(hi - x) - lo);
  } else if (hx < 0x33000000) return x;
  else k = 0;
  const hfx = f(0.5 * x);
  const hxs = f(x * hfx);
  const r1 = f(1 + f(hxs * f(Q1 + f(hxs * f(Q2 + f(hxs * f(Q3 + f(hxs * f(Q4 + f(hxs * Q5))))))))));
  const t = f(3 - f(r1 * hfx));
  let e = f(hxs * f(f(r1 - t) / f(6 - f(x * t))));
  if (k === 0) return f(x - f(f(x * e) - hxs));
  e = f(f(x * f(e - c)) - c);
  e = f(e - hxs);
  if (k === -1) return f(f(0.5 * f(x - e)) - 0.5);
  if (k === 1) return x < -0.25 ? f(-2 * f(e - f(x + 0.5))) : f(1 + f(2 * f(x - e)));
  // y * 2^k by adding k to the exponent bits, as fdlibm does
  let y: number;
  if (k <= -2 || k > 56) {
    y = asfloat(asuint(f(1 - f(e - x))) + (k << 23));
    return f(y - 1);
  }
  if (k < 23) y = f(asfloat(0x3f800000 - (0x1000000 >> k)) - f(e - x));
  else y = f(f(x - f(e + asfloat((0x7f - k) << 23))) + 1);
  return asfloat(asuint(y) + (k << 23));
}

/** glibc sinhf (e_sinhf.c). */
export function sinhf(x: number): number {
  const jx = asuint(x);
  const ix = jx & 0x7fffffff;
  if (ix >= 0x7f800000) return x;
  const h = jx >>> 31 ? -0.5 : 0.5;
  const ax = Math.abs(x);
  if (ix < 0x41b00000) {
    if (ix < 0x31800000) return x;
    const t = expm1f(ax);
    if (ix < 0x3f800000) return f(h * f(f(2 * t) - f(f(t * t) / f(t + 1))));
    return f(h * f(t + f(t / f(t + 1))));
  }
  if (ix < 0x42b17180) return f(h * expf(ax));
  if (ix <= 0x42b2d4fc) {
    const w = expf(f(0.5 * ax));
    return f(f(h * w) * w);
  }
  return x * Infinity;
}

/** glibc coshf (e_coshf.c). */
export function coshf(x: number): number {
  const ix = asuint(x) & 0x7fffffff;
  const ax = Math.abs(x);
  if (ix < 0x41b00000) {
    if (ix < 0x3eb17218) {
      const t = expm1f(ax);
      const w = f(1 + t);
      if (ix < 0x24000000) return w;
      return f(1 + f(f(t * t) / f(w + w)));
    }
    const t = expf(ax);
    return f(f(0.5 * t) + f(0.5 / t));
  }
  if (ix < 0x42b17180) return f(0.5 * expf(ax));
  if (ix <= 0x42b2d4fc) {
    const w = expf(f(0.5 * ax));
    return f(f(0.5 * w) * w);
  }
  return x !== x ? x : Infinity;
}

/** The scalar sigmoid of ATen's kernel in float: 1 / (1 + expf(-x)). */
export const sigmoidf = (x: number): number => f(1 / f(1 + expf(-x)));

// ---- powf (e_powf.c, e_powf_log2_data.c) -------------------------------------------------
const LOG2_INVC = [
  1.398907162146528, 1.3403141896637998, 1.286432210124115, 1.2367150214269895, 1.1906977166711752, 1.1479821020556429,
  1.1082251448272158, 1.0711297413057381, 1.036437278977283, 1, 0.9492859795739057, 0.8951049428609004,
  0.8476821620351103, 0.8050314851692001, 0.7664671008843108, 0.731428603316328,
];
const LOG2_LOGC = [
  -0.48430022186289673, -0.42257122959194704, -0.3633754347673556, -0.30651309567405577, -0.25180720160537634,
  -0.19910014943794563, -0.14825100623281615, -0.09913323807318392, -0.051632812977629436, 0, 0.07508531937943004,
  0.15987125980713107, 0.2384046664317681, 0.31288288605863257, 0.38370422656453185, 0.451211048935815,
];
const A0 = 0.288457581109214;
const A1 = -0.36092606229713164;
const A2 = 0.480898481472577;
const A3 = -0.7213474675006291;
const A4 = 1.4426950408774342;
const SHIFT_SCALED = 6755399441055744 / 32;

/** log2 of the float with bits ix (subnormals pre-normalised to a negative exponent). */
function log2Inline(ix: number): number {
  const tmp = (ix - 0x3f330000) >>> 0;
  const i = (tmp >>> 19) & 15;
  const top = (tmp & 0xff800000) >>> 0;
  const z = asfloat(ix - top);
  const k = (top | 0) >> 23;
  const r = z * LOG2_INVC[i]! - 1;
  const y0 = LOG2_LOGC[i]! + k;
  const r2 = r * r;
  const y = A0 * r + A1;
  const p = A2 * r + A3;
  const q = p * r2 + (A4 * r + y0);
  return y * (r2 * r2) + q;
}

/** 0: not an integer, 1: odd, 2: even (y finite, non-zero, given as bits). */
function checkint(iy: number): number {
  const e = (iy >>> 23) & 0xff;
  if (e < 0x7f) return 0;
  if (e > 0x7f + 23) return 2;
  if (iy & ((1 << (0x7f + 23 - e)) - 1)) return 0;
  if (iy & (1 << (0x7f + 23 - e))) return 1;
  return 2;
}

const zeroinfnan = (i: number): boolean => ((2 * i - 1) >>> 0) >= 2 * 0x7f800000 - 1;

/** glibc powf (std::pow(float, float), the scalar path of float32 tensor ** tensor). */
export function powf(x: number, y: number): number {
  let ix = asuint(x);
  const iy = asuint(y);
  let negative = false;
  if (((ix - 0x00800000) >>> 0) >= 0x7f800000 - 0x00800000 || zeroinfnan(iy)) {
    if (zeroinfnan(iy)) {
      if ((iy & 0x7fffffff) === 0) return 1;
      if (ix === 0x3f800000) return 1;
      if (x !== x || y !== y) return NaN;
      if ((ix & 0x7fffffff) === 0x3f800000) return 1;
      if (((ix & 0x7fffffff) < 0x3f800000) === !(iy >>> 31)) return 0;
      return y * y;
    }
    if (zeroinfnan(ix)) {
      let x2 = f(x * x);
      if (ix >>> 31 && checkint(iy) === 1) x2 = -x2;
      return iy >>> 31 ? f(1 / x2) : x2;
    }
    if (ix >>> 31) {
      const yint = checkint(iy);
      if (yint === 0) return NaN;
      negative = yint === 1;
      ix &= 0x7fffffff;
    }
    if (ix < 0x00800000) {
      ix = asuint(f(asfloat(ix) * 2 ** 23)) & 0x7fffffff;
      ix = (ix - (23 << 23)) >>> 0;
    }
  }
  const ylogx = y * log2Inline(ix);
  if (Math.abs(ylogx) >= 126) {
    if (ylogx > 127.99999995700433) return negative ? -Infinity : Infinity;
    if (ylogx <= -150) return negative ? -0 : 0;
  }
  // exp2(ylogx): 2^(k/32) * 2^r
  const kd = ylogx + SHIFT_SCALED - SHIFT_SCALED;
  const r = ylogx - kd;
  const s = scale2(kd * 32);
  const z = EP0 * r + EP1;
  const v = f((z * (r * r) + (EP2 * r + 1)) * s);
  return negative ? -v : v;
}
