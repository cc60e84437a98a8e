/**
 * The reference LAPACK routines PyTorch 1.13's CPU build calls (Debian's liblapack):
 * sgetrf2 (recursive LU with partial pivoting) and sgetrs, step by step, so that float32
 * determinants and inverses round as PyTorch's do. Matrices are column-major n*n arrays
 * (`Float32Array` rounds every store to float32, `Float64Array` computes in double).
 */
type Mat = Float32Array | Float64Array;

/** sgetrf2 on the m x n block at (r0, c0) of the lda-column-major `a`; pivots (absolute rows) pushed to piv. Returns the first zero pivot (1-based) or 0. */
function getrf2(a: Mat, lda: number, r0: number, c0: number, m: number, n: number, piv: number[]): number {
  const at = (i: number, j: number) => i + j * lda;
  const round = a instanceof Float32Array ? Math.fround : (v: number) => v;
  if (n === 1 || m === 1) {
    if (n !== 1) {
      // a single row: no elimination, only the pivot check
      piv.push(r0);
      return a[at(r0, c0)] === 0 ? 1 : 0;
    }
    // isamax: the first largest |a|
    let best = r0;
    for (let i = r0 + 1; i < r0 + m; i++) if (Math.abs(a[at(i, c0)]) > Math.abs(a[at(best, c0)])) best = i;
    piv.push(best);
    if (a[at(best, c0)] === 0) return 1;
    if (best !== r0) {
      const t = a[at(r0, c0)];
      a[at(r0, c0)] = a[at(best, c0)];
      a[at(best, c0)] = t;
    }
    const p = a[at(r0, c0)];
    const sfmin = a instanceof Float32Array ? 1.1754943508222875e-38 : 2.2250738585072014e-308;
    if (Math.abs(p) >= sfmin) {
      const r = round(1 / p);
      for (let i = r0 + 1; i < r0 + m; i++) a[at(i, c0)] *= r;
    } else for (let i = r0 + 1; i < r0 + m; i++) a[at(i, c0)] /= p;
    return 0;
  }
  const n1 = Math.floor(Math.min(m, n) / 2);
  const n2 = n - n1;
  const p0 = piv.length;
  let info = getrf2(a, lda, r0, c0, m, n1, piv);
  swapRows(a, lda, piv, p0, p0 + n1, r0, c0 + n1, n2);
  // strsm L,L,N,U: A12 = L11^-1 A12
  for (let j = c0 + n1; j < c0 + n; j++)
    for (let k = 0; k < n1; k++) {
      const bk = a[at(r0 + k, j)];
      if (bk !== 0) for (let i = k + 1; i < n1; i++) a[at(r0 + i, j)] -= round(bk * a[at(r0 + i, c0 + k)]);
    }
  // sgemm: A22 -= A21 A12 (temp = -B(l, j); C(i, j) += temp * A(i, l))
  for (let j = c0 + n1; j < c0 + n; j++)
    for (let l = 0; l < n1; l++) {
      const temp = -a[at(r0 + l, j)];
      for (let i = r0 + n1; i < r0 + m; i++) a[at(i, j)] += round(temp * a[at(i, c0 + l)]);
    }
  const p1 = piv.length;
  const info2 = getrf2(a, lda, r0 + n1, c0 + n1, m - n1, n2, piv);
  if (info === 0 && info2 > 0) info = info2 + n1;
  swapRows(a, lda, piv, p1, piv.length, r0 + n1, c0, n1);
  return info;
}

/** slaswp: rows (r0 + k) <-> piv[k] for k in [from, to), over `count` columns from col. */
function swapRows(a: Mat, lda: number, piv: number[], from: number, to: number, r0: number, col: number, count: number): void {
  for (let k = from; k < to; k++) {
    const row = r0 + (k - from);
    const p = piv[k];
    if (p === row) continue;
    for (let j = col; j < col + count; j++) {
      const t = a[row + j * lda];
      a[row + j * lda] = a[p + j * lda];
      a[p + j * lda] = t;
    }
  }
}

export interface LU {
  lu: Mat;
  piv: number[];
  /** LAPACK's info: 0, or the 1-based index of the first zero pivot. */
  info: number;
}

/** sgetrf (n < 64 takes sgetrf2 directly) of a column-major n x n copy. */
export function luFactor(a: Mat, n: number): LU {
  const piv: number[] = [];
  const info = getrf2(a, n, 0, 0, n, n, piv);
  return { lu: a, piv, info };
}

/** sgetrs: solves op(A) X = B in place (B column-major n x nrhs), op = A or A^T. */
export function luSolve({ lu, piv }: LU, b: Mat, n: number, nrhs: number, transpose: boolean): void {
  const round = b instanceof Float32Array ? Math.fround : (v: number) => v;
  const A = (i: number, j: number) => lu[i + j * n];
  for (let j = 0; j < nrhs; j++) {
    const o = j * n;
    if (!transpose) {
      for (let i = 0; i < n; i++) {
        const p = piv[i];
        if (p !== i) {
          const t = b[o + i];
          b[o + i] = b[o + p];
          b[o + p] = t;
        }
      }
      for (let k = 0; k < n; k++) {
        const bk = b[o + k];
        if (bk !== 0) for (let i = k + 1; i < n; i++) b[o + i] -= round(bk * A(i, k));
      }
      for (let k = n - 1; k >= 0; k--) {
        if (b[o + k] === 0) continue;
        b[o + k] /= A(k, k);
        const bk = b[o + k];
        for (let i = 0; i < k; i++) b[o + i] -= round(bk * A(i, k));
      }
    } else {
      for (let i = 0; i < n; i++) {
        let temp = b[o + i];
        for (let k = 0; k < i; k++) temp = round(temp - round(A(k, i) * b[o + k]));
        b[o + i] = temp / A(i, i);
      }
      for (let i = n - 1; i >= 0; i--) {
        let temp = b[o + i];
        for (let k = i + 1; k < n; k++) temp = round(temp - round(A(k, i) * b[o + k]));
        b[o + i] = temp;
      }
      for (let i = n - 1; i >= 0; i--) {
        const p = piv[i];
        if (p !== i) {
          const t = b[o + i];
          b[o + i] = b[o + p];
          b[o + p] = t;
        }
      }
    }
  }
}
