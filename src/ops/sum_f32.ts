/**
 * float32 sums in PyTorch's order (ATen SumKernel.cpp, cascade_sum): float accumulators,
 * 8-lane vectors, 4-way interleaving (ILP) and a 4-level cascade every 16 steps. Summing
 * in float64 instead gives a different last bit in about half the cases, which then shows
 * in printed `.item()` values and in long float32 training loops.
 */
const f = Math.fround;
const LANES = 8;
const ILP = 4;
const LEVELS = 4;

function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return Math.floor(Math.log2(x - 1)) + 1;
}

/**
 * multi_row_sum: `nrows` running sums of `width` lanes over `size` steps; load(i, k, lane)
 * gives element `lane` of row k at step i.
 */
function multiRowSum(size: number, nrows: number, width: number, load: (i: number, k: number, lane: number) => number): Float64Array[] {
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / LEVELS));
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const acc: Float64Array[][] = Array.from({ length: LEVELS }, () => Array.from({ length: nrows }, () => new Float64Array(width)));
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) {
      for (let k = 0; k < nrows; k++) for (let l = 0; l < width; l++) acc[0][k][l] = f(acc[0][k][l] + load(i, k, l));
    }
    for (let j = 1; j < LEVELS; j++) {
      for (let k = 0; k < nrows; k++) {
        for (let l = 0; l < width; l++) {
          acc[j][k][l] = f(acc[j][k][l] + acc[j - 1][k][l]);
          acc[j - 1][k][l] = 0;
        }
      }
      if ((i & (levelMask << (j * levelPower))) !== 0) break;
    }
  }
  for (; i < size; i++) for (let k = 0; k < nrows; k++) for (let l = 0; l < width; l++) acc[0][k][l] = f(acc[0][k][l] + load(i, k, l));
  for (let j = 1; j < LEVELS; j++) for (let k = 0; k < nrows; k++) for (let l = 0; l < width; l++) acc[0][k][l] = f(acc[0][k][l] + acc[j][k][l]);
  return acc[0];
}

/** row_sum: `size` items (of `width` lanes) read by item(i, lane), summed 4-way interleaved. */
function rowSum(size: number, width: number, item: (i: number, lane: number) => number): Float64Array {
  const sizeIlp = Math.floor(size / ILP);
  const partial = multiRowSum(sizeIlp, ILP, width, (i, k, l) => item(i * ILP + k, l));
  for (let i = sizeIlp * ILP; i < size; i++) for (let l = 0; l < width; l++) partial[0][l] = f(partial[0][l] + item(i, l));
  for (let k = 1; k < ILP; k++) for (let l = 0; l < width; l++) partial[0][l] = f(partial[0][l] + partial[k][l]);
  return partial[0];
}

/** row_sum of fewer than 8 scalars without allocating (the common small-tensor case). */
function smallRowSum(d: ArrayLike<number>, start: number, n: number, stride: number): number {
  if (n < ILP) {
    let acc = 0;
    for (let i = 0; i < n; i++) acc = f(acc + d[start + i * stride]);
    return acc;
  }
  let p0 = 0 + d[start];
  for (let i = ILP; i < n; i++) p0 = f(p0 + d[start + i * stride]);
  p0 = f(p0 + d[start + stride]);
  p0 = f(p0 + d[start + 2 * stride]);
  return f(p0 + d[start + 3 * stride]);
}

/** Sum of n float32 values d[start + i * stride], as torch.sum on a contiguous float32 row. */
export function sumF32(d: ArrayLike<number>, start: number, n: number, stride = 1): number {
  if (n < LANES) return smallRowSum(d, start, n, stride);
  const vectors = Math.floor(n / LANES);
  const lanes = rowSum(vectors, LANES, (i, l) => d[start + (i * LANES + l) * stride]);
  let acc = 0;
  for (let k = vectors * LANES; k < n; k++) acc = f(acc + d[start + k * stride]);
  for (let l = 0; l < LANES; l++) acc = f(acc + lanes[l]);
  return acc;
}

/**
 * Column j of an outer reduction (rows x cols, row-major, summing over rows), as ATen's
 * vectorized_outer_sum (cols >= 8: groups of 32 columns run a plain cascade, the rest
 * row_sum) or scalar_outer_sum (cols < 8: groups of 4 columns, then row_sum).
 */
export function sumOuterF32(d: ArrayLike<number>, start: number, rows: number, cols: number, j: number): number {
  const group = cols >= LANES ? ILP * LANES : ILP;
  const grouped = Math.floor(cols / group) * group;
  if (j < grouped) return multiRowSum(rows, 1, 1, (i) => d[start + i * cols + j])[0][0];
  return rowSum(rows, 1, (i) => d[start + i * cols + j])[0];
}
