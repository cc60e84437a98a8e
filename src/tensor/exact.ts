/** Exact floating-point building blocks shared by the ports that need more than one rounding. */

/** The rounding error of a*b (= p), exactly, by Dekker's splitting (an fma stand-in). */
export function productError(a: number, b: number, p: number): number {
  const ca = 134217729 * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = 134217729 * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}
