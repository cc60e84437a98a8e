/**
 * PyTorch's float32 math on x86 CPUs runs SLEEF 3.5's AVX2 kernels (Sleef_expf8_u10,
 * Sleef_sinf8_u10, ...), which differ from the correctly rounded result for a few percent
 * of inputs. These ports reproduce them bit for bit (checked against torch 1.13, see
 * test/tensor/f32math.test.ts), so float32 programs print the digits PyTorch prints.
 *
 * Every value is a float32 held in a JS number. AVX2 has FMA, and SLEEF's AVX2 build uses
 * it: fma(a, b, c) is emulated as fround(a * b + c) — the float32 product is exact in
 * float64, so only the sum rounds before the final fround (a double rounding that can
 * only matter on an exact float64 tie, which our checks never hit).
 *
 * Double-float arithmetic (SLEEF's df.h, value = hi + lo) returns its pair through the
 * module registers H and L, so the hot paths allocate nothing.
 */
const f = Math.fround;
const fma = (a: number, b: number, c: number): number => f(a * b + c);
/** a * b - c and c - a * b with one rounding (vfmsub / vfnmadd). */
const fmapn = (a: number, b: number, c: number): number => f(a * b - c);
const fmanp = (a: number, b: number, c: number): number => f(c - a * b);
const mul = (a: number, b: number): number => f(a * b);
const add = (a: number, b: number): number => f(a + b);
const sub = (a: number, b: number): number => f(a - b);
/** vdivps 1/x. */
const rec = (x: number): number => f(1 / x);
const mulsign = (x: number, y: number): number => (y < 0 || Object.is(y, -0) ? -x : x);
const isNegZero = (x: number): boolean => x === 0 && 1 / x < 0;

/** Round half to even, as vcvtps2dq / vroundps do. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** 2^q built from exponent bits (vpow2i): 0 when q <= -127. */
const pow2i = (q: number): number => (q <= -127 ? 0 : Math.pow(2, q));
/** d * 2^q as two float multiplications (vldexp2). */
const ldexp2 = (d: number, q: number): number => mul(mul(d, pow2i(q >> 1)), pow2i(q - (q >> 1)));

/** d * 2^q with the exponent split into four factors first (vldexp). */
function ldexp(x: number, q: number): number {
  let m = q >> 31;
  m = (((m + q) >> 6) - m) << 4;
  q = q - (m << 2);
  m += 127;
  m = m > 0 ? m : 0;
  m = m > 255 ? 255 : m;
  const u = m === 255 ? Infinity : m === 0 ? 0 : Math.pow(2, m - 127);
  x = mul(mul(mul(mul(x, u), u), u), u);
  return mul(x, pow2i(q));
}

const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);
/** Biased exponent of a positive float minus 127 (vilogb2k). */
function ilogb2k(d: number): number {
  F32[0] = d;
  return ((I32[0]! >>> 23) & 0xff) - 127;
}

// ---- double-float (df.h, FMA variants) -------------------------------------------------
let H = 0;
let L = 0;

function dfaddFF(x: number, y: number): void {
  H = add(x, y);
  L = add(sub(x, H), y);
}
function dfadd2FF(x: number, y: number): void {
  const r = add(x, y);
  const v = sub(r, x);
  H = r;
  L = add(sub(x, sub(r, v)), sub(y, v));
}
function dfadd2FD(x: number, yx: number, yy: number): void {
  const r = add(x, yx);
  const v = sub(r, x);
  H = r;
  L = add(add(sub(x, sub(r, v)), sub(yx, v)), yy);
}
function dfaddDF(xx: number, xy: number, y: number): void {
  const r = add(xx, y);
  H = r;
  L = add(add(sub(xx, r), y), xy);
}
function dfadd2DF(xx: number, xy: number, y: number): void {
  const r = add(xx, y);
  const v = sub(r, xx);
  H = r;
  L = add(add(sub(xx, sub(r, v)), sub(y, v)), xy);
}
function dfaddFD(x: number, yx: number, yy: number): void {
  const r = add(x, yx);
  H = r;
  L = add(add(sub(x, r), yx), yy);
}
function dfaddDD(xx: number, xy: number, yx: number, yy: number): void {
  const r = add(xx, yx);
  H = r;
  L = add(add(add(sub(xx, r), yx), xy), yy);
}
function dfadd2DD(xx: number, xy: number, yx: number, yy: number): void {
  const r = add(xx, yx);
  const v = sub(r, xx);
  H = r;
  L = add(add(sub(xx, sub(r, v)), sub(yx, v)), add(xy, yy));
}
function dfsubDF(xx: number, xy: number, y: number): void {
  const r = sub(xx, y);
  H = r;
  L = add(sub(sub(xx, r), y), xy);
}
function dfsubDD(xx: number, xy: number, yx: number, yy: number): void {
  const r = sub(xx, yx);
  H = r;
  L = sub(add(sub(sub(xx, r), yx), xy), yy);
}
function dfnormalize(x: number, y: number): void {
  const r = add(x, y);
  H = r;
  L = add(sub(x, r), y);
}
function dfdiv(nx: number, ny: number, dx: number, dy: number): void {
  const t = rec(dx);
  const qx = mul(nx, t);
  const u = fmapn(t, nx, qx);
  const qy = fmanp(dy, t, fmanp(dx, t, 1));
  H = qx;
  L = fma(qx, qy, fma(ny, t, u));
}
function dfmulFF(x: number, y: number): void {
  const r = mul(x, y);
  H = r;
  L = fmapn(x, y, r);
}
function dfsqu(x: number, y: number): void {
  const r = mul(x, x);
  H = r;
  L = fma(add(x, x), y, fmapn(x, x, r));
}
function dfmulDD(xx: number, xy: number, yx: number, yy: number): void {
  const r = mul(xx, yx);
  H = r;
  L = fma(xx, yy, fma(xy, yx, fmapn(xx, yx, r)));
}
const dfmulDDtoF = (xx: number, xy: number, yx: number, yy: number): number => fma(xx, yx, fma(xy, yx, mul(xx, yy)));
function dfmulDF(xx: number, xy: number, y: number): void {
  const r = mul(xx, y);
  H = r;
  L = fma(xy, y, fmapn(xx, y, r));
}
function dfrecF(d: number): void {
  const q = rec(d);
  H = q;
  L = mul(q, fmanp(d, q, 1));
}
function dfrecD(dx: number, dy: number): void {
  const q = rec(dx);
  H = q;
  L = mul(q, fmanp(dy, q, fmanp(dx, q, 1)));
}
function dfsqrtF(d: number): void {
  const t = f(Math.sqrt(d));
  dfmulFF(t, t);
  dfadd2FD(d, H, L);
  const ax = H;
  const ay = L;
  dfrecF(t);
  dfmulDD(ax, ay, H, L);
  H = mul(H, 0.5);
  L = mul(L, 0.5);
}

// ---- constants ------------------------------------------------------------------------
const R_LN2F = f(1.442695040888963407359924681001892137426645954152985934135449406931);
const L2UF = f(0.693145751953125);
const L2LF = f(1.428606765330187045e-6);
const M_1_PIF = f(1 / Math.PI);
const M_2_PIF = f(2 / Math.PI);
const PI_A2F = f(3.1414794921875);
const PI_B2F = f(0.00011315941810607910156);
const PI_C2F = f(1.9841872589410058936e-9);
const FLT_MIN = 1.1754943508222875e-38;
const TWO64 = 18446744073709551616;
const R075 = f(1 / 0.75);
const LN2_HI = f(0.69314718246459960938);
const LN2_LO = f(-1.904654323148236017e-9);
const PI_HI = f(3.1415927410125732422);
const PI_LO = f(-8.7422776573475857731e-8);
const HALF_PI_F = f(Math.PI / 2);

// ---- exp family -----------------------------------------------------------------------
const C0 = f(0.000198527617612853646278381);
const C1 = f(0.00139304355252534151077271);
const C2 = f(0.00833336077630519866943359);
const C3 = f(0.0416664853692054748535156);
const C4 = f(0.166666671633720397949219);

/** SLEEF xexpf (u10), as PyTorch's torch.exp on float32. */
export function expf(d: number): number {
  if (d !== d) return d;
  if (d < -104) return 0;
  if (d > 100) return Infinity;
  const q = rint(f(d * R_LN2F));
  let s = fma(q, -L2UF, d);
  s = fma(q, -L2LF, s);
  let u = C0;
  u = fma(u, s, C1);
  u = fma(u, s, C2);
  u = fma(u, s, C3);
  u = fma(u, s, C4);
  u = fma(u, s, 0.5);
  u = f(1 + fma(f(s * s), u, s));
  return f(u * Math.pow(2, q));
}

/** torch.sigmoid on float32: (1 + exp(-x)).reciprocal() in float32 vectors. */
export function sigmoidf(x: number): number {
  return f(1 / f(1 + expf(-x)));
}

const E2_0 = f(0.1980960224e-3);
const E2_1 = f(0.1394256484e-2);
const E2_2 = f(0.8333456703e-2);
const E2_3 = f(0.4166637361e-1);
const E2_4 = f(0.166666659414234244790680580464);

/** expk2f: e^(dx + dy) as a double-float in H, L. */
function expk2(dx: number, dy: number): void {
  const q = rint(mul(add(dx, dy), R_LN2F));
  dfadd2DF(dx, dy, mul(q, -L2UF));
  dfadd2DF(H, L, mul(q, -L2LF));
  const sx = H;
  const sy = L;
  let u = E2_0;
  u = fma(u, sx, E2_1);
  u = fma(u, sx, E2_2);
  u = fma(u, sx, E2_3);
  dfmulDF(sx, sy, u);
  dfadd2DF(H, L, E2_4);
  dfmulDD(sx, sy, H, L);
  dfadd2DF(H, L, 0.5);
  const tx = H;
  const ty = L;
  dfsqu(sx, sy);
  dfmulDD(H, L, tx, ty);
  dfadd2DD(sx, sy, H, L);
  dfaddFD(1, H, L);
  if (dx < -104) {
    H = 0;
    L = 0;
  } else {
    H = ldexp2(H, q);
    L = ldexp2(L, q);
  }
}

/** Sleef_expm1f8_u10. */
export function expm1f(a: number): number {
  if (a !== a) return a;
  if (a > 88.72283172607421875) return Infinity;
  if (a < -16.635532333438687426013570) return -1;
  if (isNegZero(a)) return -0;
  expk2(a, 0);
  dfadd2DF(H, L, -1);
  return add(H, L);
}

/** Sleef_sinhf8_u10. */
export function sinhf(x: number): number {
  if (x !== x) return x;
  const y = Math.abs(x);
  if (y > 89) return mulsign(Infinity, x);
  expk2(y, 0);
  const dx = H;
  const dy = L;
  dfrecD(dx, dy);
  dfsubDD(dx, dy, H, L);
  const r = mul(add(H, L), 0.5);
  return mulsign(r !== r ? Infinity : r, x);
}

/** Sleef_coshf8_u10. */
export function coshf(x: number): number {
  if (x !== x) return x;
  const y = Math.abs(x);
  if (y > 89) return Infinity;
  expk2(y, 0);
  const dx = H;
  const dy = L;
  dfrecD(dx, dy);
  dfaddDD(dx, dy, H, L);
  const r = mul(add(H, L), 0.5);
  return r !== r ? Infinity : r;
}

/** Sleef_tanhf8_u10. */
export function tanhf(x: number): number {
  if (x !== x) return x;
  const y = Math.abs(x);
  if (y > 8.664339742) return mulsign(1, x);
  expk2(y, 0);
  const dx = H;
  const dy = L;
  dfrecD(dx, dy);
  const ex = H;
  const ey = L;
  dfaddDD(dx, dy, -ex, -ey);
  const nx = H;
  const ny = L;
  dfaddDD(dx, dy, ex, ey);
  dfdiv(nx, ny, H, L);
  const r = add(H, L);
  return mulsign(r !== r ? 1 : r, x);
}

// ---- logarithms -----------------------------------------------------------------------
/** Scales a subnormal up and splits d = m * 2^e with m in [0.75, 1.5): sets M, E. */
let M = 0;
let E = 0;
function splitLog(d: number): void {
  const tiny = d < FLT_MIN;
  if (tiny) d = mul(d, TWO64);
  const e = ilogb2k(mul(d, R075));
  M = d * Math.pow(2, -e);
  E = tiny ? e - 64 : e;
}

/** NaN for negatives/NaN, -inf at 0, inf at inf: the shared special cases of the logs. */
function logSpecial(d: number): number | undefined {
  if (d === Infinity) return Infinity;
  if (d < 0 || d !== d) return NaN;
  if (d === 0) return -Infinity;
  return undefined;
}

const LG0 = f(0.3027294874);
const LG1 = f(0.3996108174);
const LG2 = f(0.666669488);

/** Sleef_logf8_u10. */
export function logf(d: number): number {
  const sp = logSpecial(d);
  if (sp !== undefined) return sp;
  splitLog(d);
  const m = M;
  dfmulDF(LN2_HI, LN2_LO, E);
  const sx = H;
  const sy = L;
  dfadd2FF(-1, m);
  const nx = H;
  const ny = L;
  dfadd2FF(1, m);
  dfdiv(nx, ny, H, L);
  const xx = H;
  const xy = L;
  const x2 = mul(xx, xx);
  let t = LG0;
  t = fma(t, x2, LG1);
  t = fma(t, x2, LG2);
  dfaddDD(sx, sy, mul(xx, 2), mul(xy, 2));
  dfaddDF(H, L, mul(mul(x2, xx), t));
  return add(H, L);
}

const L2_0 = f(0.4374550283);
const L2_1 = f(0.5764790177);
const L2_2 = f(0.961801290512);
const L2C_HI = f(2.8853900432586669922);
const L2C_LO = f(3.2734474483568488616e-8);

/** Sleef_log2f8_u10. */
export function log2f(d: number): number {
  const sp = logSpecial(d);
  if (sp !== undefined) return sp;
  splitLog(d);
  const m = M;
  const e = E;
  dfadd2FF(-1, m);
  const nx = H;
  const ny = L;
  dfadd2FF(1, m);
  dfdiv(nx, ny, H, L);
  const xx = H;
  const xy = L;
  const x2 = mul(xx, xx);
  let t = L2_0;
  t = fma(t, x2, L2_1);
  t = fma(t, x2, L2_2);
  dfmulDD(xx, xy, L2C_HI, L2C_LO);
  dfadd2FD(e, H, L);
  dfadd2DF(H, L, mul(mul(x2, xx), t));
  return add(H, L);
}

const L10_0 = f(0.1314289868);
const L10_1 = f(0.1735493541);
const L10_2 = f(0.2895309627);
const LG10_2_HI = f(0.30103001);
const LG10_2_LO = f(-1.432098889e-8);
const L10C_HI = f(0.868588984);
const L10C_LO = f(-2.170757285e-8);

/** Sleef_log10f8_u10. */
export function log10f(d: number): number {
  const sp = logSpecial(d);
  if (sp !== undefined) return sp;
  splitLog(d);
  const m = M;
  dfmulDF(LG10_2_HI, LG10_2_LO, E);
  const sx = H;
  const sy = L;
  dfadd2FF(-1, m);
  const nx = H;
  const ny = L;
  dfadd2FF(1, m);
  dfdiv(nx, ny, H, L);
  const xx = H;
  const xy = L;
  const x2 = mul(xx, xx);
  let t = L10_0;
  t = fma(t, x2, L10_1);
  t = fma(t, x2, L10_2);
  dfmulDD(xx, xy, L10C_HI, L10C_LO);
  dfaddDD(sx, sy, H, L);
  dfaddDF(H, L, mul(mul(x2, xx), t));
  return add(H, L);
}

/** Sleef_log1pf8_u10. */
export function log1pf(d: number): number {
  if (d !== d || d < -1) return NaN;
  if (d === -1) return -Infinity;
  if (d > 1e38) return Infinity;
  if (isNegZero(d)) return -0;
  let dp1 = add(d, 1);
  const tiny = dp1 < FLT_MIN;
  if (tiny) dp1 = mul(dp1, TWO64);
  let e = ilogb2k(mul(dp1, R075));
  const t0 = pow2i(-e);
  const m = fma(d, t0, sub(t0, 1));
  if (tiny) e -= 64;
  dfmulDF(LN2_HI, LN2_LO, e);
  const sx = H;
  const sy = L;
  dfaddFF(2, m);
  dfdiv(m, 0, H, L);
  const xx = H;
  const xy = L;
  const x2 = mul(xx, xx);
  let t = LG0;
  t = fma(t, x2, LG1);
  t = fma(t, x2, LG2);
  dfaddDD(sx, sy, mul(xx, 2), mul(xy, 2));
  dfaddDF(H, L, mul(mul(x2, xx), t));
  return add(H, L);
}

// ---- trigonometry ---------------------------------------------------------------------
const S0 = f(2.6083159809786593541503e-6);
const S1 = f(-0.0001981069071916863322258);
const S2 = f(0.00833307858556509017944336);
const S3 = f(-0.166666597127914428710938);

/** The shared sin/cos tail: sets H to sin(s) for the reduced argument s = (sx, sy). */
function sinPoly(sx: number, sy: number): number {
  dfsqu(sx, sy);
  const qx = H;
  const qy = L;
  let u = S0;
  u = fma(u, qx, S1);
  u = fma(u, qx, S2);
  dfaddFF(S3, mul(u, qx));
  dfmulDD(H, L, qx, qy);
  dfaddFD(1, H, L);
  return dfmulDDtoF(sx, sy, H, L);
}

/**
 * Sleef_sinf8_u10 for |d| < 125 (Cody-Waite reduction). SLEEF switches a whole vector of 8
 * to Payne-Hanek reduction when any lane is >= 125; that path is approximated here by a
 * float64 reduction (see the test for how often it differs).
 */
export function sinf(d: number): number {
  if (!(Math.abs(d) < 125)) return bigTrig(d, Math.sin);
  const u = rint(mul(d, M_1_PIF));
  const v = fma(u, -PI_A2F, d);
  dfadd2FF(v, mul(u, -PI_B2F));
  dfaddDF(H, L, mul(u, -PI_C2F));
  let r = sinPoly(H, L);
  if (u % 2 !== 0) r = -r;
  return isNegZero(d) ? d : r;
}

/** Sleef_cosf8_u10 for |d| < 125 (see sinf). */
export function cosf(d: number): number {
  if (!(Math.abs(d) < 125)) return bigTrig(d, Math.cos);
  const dq = fma(rint(fma(d, M_1_PIF, -0.5)), 2, 1);
  dfadd2FF(d, mul(dq, -PI_A2F * 0.5));
  dfadd2DF(H, L, mul(dq, -PI_B2F * 0.5));
  dfadd2DF(H, L, mul(dq, -PI_C2F * 0.5));
  const r = sinPoly(H, L);
  return (dq & 2) === 0 ? -r : r;
}

const T0 = f(0.00446636462584137916564941);
const T1 = f(-8.3920182078145444393158e-5);
const T2 = f(0.0109639242291450500488281);
const T3 = f(0.0212360303848981857299805);
const T4 = f(0.0540687143802642822265625);
const T5 = f(0.133325666189193725585938);
const T6 = f(0.33333361148834228515625);

/** Sleef_tanf8_u10 for |d| < 125 (see sinf). */
export function tanf(d: number): number {
  if (!(Math.abs(d) < 125)) return bigTrig(d, Math.tan);
  const u = rint(mul(d, M_2_PIF));
  const v = fma(u, -PI_A2F * 0.5, d);
  dfadd2FF(v, mul(u, -PI_B2F * 0.5));
  dfaddDF(H, L, mul(u, -PI_C2F * 0.5));
  const odd = u % 2 !== 0;
  const tx = odd ? -H : H;
  const ty = odd ? -L : L;
  dfsqu(tx, ty);
  dfnormalize(H, L);
  const sx = H;
  const sy = L;
  let p = T0;
  p = fma(p, sx, T1);
  p = fma(p, sx, T2);
  p = fma(p, sx, T3);
  p = fma(p, sx, T4);
  dfaddFF(T5, mul(p, sx));
  dfmulDD(sx, sy, H, L);
  dfaddFD(T6, H, L);
  dfmulDD(H, L, sx, sy);
  dfaddFD(1, H, L);
  dfmulDD(tx, ty, H, L);
  if (odd) dfrecD(H, L);
  const r = add(H, L);
  return isNegZero(d) ? d : r;
}

/** Outside SLEEF's Cody-Waite range: float64 evaluation, rounded (inf/NaN give NaN). */
function bigTrig(d: number, g: (x: number) => number): number {
  return f(g(d));
}

// ---- inverse trigonometry -------------------------------------------------------------
const A0 = f(0.4197454825e-1);
const A1 = f(0.2424046025e-1);
const A2 = f(0.4547423869e-1);
const A3 = f(0.7495029271e-1);
const A4 = f(0.1666677296);

function asinPoly(x2: number): number {
  let u = A0;
  u = fma(u, x2, A1);
  u = fma(u, x2, A2);
  u = fma(u, x2, A3);
  return fma(u, x2, A4);
}

/** Sleef_asinf8_u10. */
export function asinf(d: number): number {
  const a = Math.abs(d);
  const o = a < 0.5;
  const x2 = o ? mul(d, d) : mul(sub(1, a), 0.5);
  let xx: number;
  let xy: number;
  if (o) {
    xx = a;
    xy = 0;
  } else if (a === 1) {
    xx = 0;
    xy = 0;
  } else {
    dfsqrtF(x2);
    xx = H;
    xy = L;
  }
  const u = mul(asinPoly(x2), mul(x2, xx));
  let r: number;
  if (o) r = add(u, xx);
  else {
    dfsubDD(PI_HI / 4, PI_LO / 4, xx, xy);
    dfsubDF(H, L, u);
    r = mul(add(H, L), 2);
  }
  return mulsign(r, d);
}

/** Sleef_acosf8_u10. */
export function acosf(d: number): number {
  const a = Math.abs(d);
  const o = a < 0.5;
  const x2 = o ? mul(d, d) : mul(sub(1, a), 0.5);
  let xx: number;
  let xy: number;
  if (o) {
    xx = a;
    xy = 0;
  } else if (a === 1) {
    xx = 0;
    xy = 0;
  } else {
    dfsqrtF(x2);
    xx = H;
    xy = L;
  }
  const u = mul(asinPoly(x2), mul(x2, xx));
  if (o) {
    dfaddFF(mulsign(xx, d), mulsign(u, d));
    dfsubDD(PI_HI / 2, PI_LO / 2, H, L);
  } else {
    dfaddDF(xx, xy, u);
    H = mul(H, 2);
    L = mul(L, 2);
    if (d < 0) dfsubDD(PI_HI, PI_LO, H, L);
  }
  return add(H, L);
}

const AT = [
  -0.00176397908944636583328247, 0.0107900900766253471374512, -0.0309564601629972457885742, 0.0577365085482597351074219,
  -0.0838950723409652709960938, 0.109463557600975036621094, -0.142626821994781494140625, 0.199983194470405578613281,
].map(f);
const AT_LAST = f(-0.333332866430282592773438);
const HALF_PI_HI = f(1.5707963705062866211);
const HALF_PI_LO = f(-4.3711388286737928865e-8);

/** atan2kf_u1 for y >= 0 given as floats (y, x): the double-float result in H, L. */
function atan2k(yx: number, yy: number, xx: number, xy: number): void {
  let q = 0;
  if (xx < 0) {
    q = -2;
    xx = -xx;
    xy = -xy;
  }
  const p = xx < yx;
  if (p) q += 1;
  if (p) dfdiv(-xx, -xy, yx, yy);
  else dfdiv(yx, yy, xx, xy);
  const sx = H;
  const sy = L;
  dfsqu(sx, sy);
  dfnormalize(H, L);
  const tx = H;
  const ty = L;
  let u = AT[0]!;
  for (let i = 1; i < 8; i++) u = fma(u, tx, AT[i]!);
  dfaddFF(AT_LAST, mul(u, tx));
  dfmulDD(tx, ty, H, L);
  dfaddFD(1, H, L);
  dfmulDD(sx, sy, H, L);
  const rx = H;
  const ry = L;
  dfmulDF(HALF_PI_HI, HALF_PI_LO, q);
  dfaddDD(H, L, rx, ry);
}

/** Sleef_atanf8_u10. */
export function atanf(d: number): number {
  if (d !== d) return d;
  if (d === Infinity || d === -Infinity) return mulsign(f(1.570796326794896557998982), d);
  atan2k(Math.abs(d), 0, 1, 0);
  return mulsign(add(H, L), d);
}

/** Sleef_atan2f8_u10 (torch.atan2 on float32). */
export function atan2f(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  if (Math.abs(x) < 2.9387372783541830947e-39) {
    x = mul(x, 16777216);
    y = mul(y, 16777216);
  }
  let r: number;
  if (y === 0) r = x < 0 || isNegZero(x) ? f(Math.PI) : 0;
  else if (y === Infinity || y === -Infinity) r = sub(HALF_PI_F, x === Infinity || x === -Infinity ? mulsign(f(Math.PI / 4), x) : 0);
  else if (x === Infinity || x === -Infinity || x === 0) r = sub(HALF_PI_F, x === Infinity || x === -Infinity ? mulsign(HALF_PI_F, x) : 0);
  else {
    atan2k(Math.abs(y), 0, x, 0);
    r = mulsign(add(H, L), x);
  }
  return mulsign(r, y);
}

// ---- pow ------------------------------------------------------------------------------
const LK0 = f(0.240320354700088500976562);
const LK1 = f(0.285112679004669189453125);
const LK2 = f(0.400007992982864379882812);
const LKC_HI = f(0.66666662693023681640625);
const LKC_LO = f(3.69183861259614332084311e-9);

/** logkf: log(d) as a double-float in H, L (d > 0 finite). */
function logk(d: number): void {
  splitLog(d);
  const m = M;
  const e = E;
  dfadd2FF(-1, m);
  const nx = H;
  const ny = L;
  dfadd2FF(1, m);
  dfdiv(nx, ny, H, L);
  const xx = H;
  const xy = L;
  dfsqu(xx, xy);
  const x2x = H;
  const x2y = L;
  let t = LK0;
  t = fma(t, x2x, LK1);
  t = fma(t, x2x, LK2);
  dfmulDF(x2x, x2y, t);
  dfadd2DD(H, L, LKC_HI, LKC_LO);
  const cx = H;
  const cy = L;
  dfmulDD(x2x, x2y, xx, xy);
  dfmulDD(H, L, cx, cy);
  const px = H;
  const py = L;
  dfmulDF(LN2_HI, LN2_LO, e);
  dfaddDD(H, L, mul(xx, 2), mul(xy, 2));
  dfaddDD(H, L, px, py);
}

const EK0 = f(0.00136324646882712841033936);
const EK1 = f(0.00836596917361021041870117);
const EK2 = f(0.0416710823774337768554688);
const EK3 = f(0.166665524244308471679688);
const EK4 = f(0.499999850988388061523438);

/** expkf: e^(dx + dy) rounded to float. */
function expk(dx: number, dy: number): number {
  const q = rint(mul(add(dx, dy), R_LN2F));
  dfadd2DF(dx, dy, mul(q, -L2UF));
  dfadd2DF(H, L, mul(q, -L2LF));
  dfnormalize(H, L);
  const sx = H;
  const sy = L;
  let u = EK0;
  u = fma(u, sx, EK1);
  u = fma(u, sx, EK2);
  u = fma(u, sx, EK3);
  u = fma(u, sx, EK4);
  dfsqu(sx, sy);
  dfmulDF(H, L, u);
  dfaddDD(sx, sy, H, L);
  dfaddFD(1, H, L);
  if (dx < -104) return 0;
  return ldexp(add(H, L), q);
}

/** Sleef_powf8_u10 (float32 tensor ** exponent). */
export function powf(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return NaN;
  const ay = Math.abs(y);
  const yisint = Math.trunc(y) === y || ay > 16777216;
  const yisodd = yisint && ay < 16777216 && Math.abs(Math.trunc(y)) % 2 === 1;
  const ax = Math.abs(x);
  if (ax === Infinity || x === 0) {
    const neg = (x === 0 ? -y : y) < 0;
    const sign = yisodd ? (x < 0 || isNegZero(x) ? -1 : 1) : 1;
    return sign * (neg ? 0 : Infinity);
  }
  if (ay === Infinity) {
    const efx = mulsign(sub(ax, 1), y);
    return efx < 0 ? 0 : efx === 0 ? 1 : Infinity;
  }
  logk(ax);
  dfmulDF(H, L, y);
  let r = expk(H, L);
  if (r !== r) r = Infinity;
  if (x > 0) return r;
  if (!yisint) return NaN;
  return yisodd ? -r : r;
}
