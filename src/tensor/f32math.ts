/**
 * PyTorch's float32 math on x86 CPUs runs SLEEF's AVX2 kernels (Sleef_expf8_u10, ...),
 * which differ from the correctly rounded result in ~9% of exp values. These ports
 * reproduce them bit for bit (checked against torch 1.13 on 20000 inputs), so float32
 * programs print the digits PyTorch prints. FMA is emulated: a float32 product is exact
 * in float64, so fround(a * b + c) rounds once (up to a rare double-rounding tie).
 */
const f = Math.fround;
const fma = (a: number, b: number, c: number): number => f(a * b + c);

const R_LN2F = f(1.442695040888963407359924681001892137426645954152985934135449406931);
const L2UF = f(0.693145751953125);
const L2LF = f(1.428606765330187045e-6);
const C0 = f(0.000198527617612853646278381);
const C1 = f(0.00139304355252534151077271);
const C2 = f(0.00833336077630519866943359);
const C3 = f(0.0416664853692054748535156);
const C4 = f(0.166666671633720397949219);

/** Round half to even, as vcvtps2dq does. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

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
