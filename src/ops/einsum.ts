/**
 * torch.einsum as ATen 1.13 computes it (aten/src/ATen/native/Linear.cpp, no contraction
 * path: opt_einsum is absent, so operands contract left to right): each operand is
 * diagonalised for repeated labels, unsqueezed and permuted to one common label order,
 * then pairs are multiplied or reduced through sumproduct_pair's bmm. Going through the
 * same view/sum/mul/bmm ops gives PyTorch's graph (grad_fn names) and float32 rounding.
 */
import { runtimeError } from '../tensor/errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { mul } from './arith.js';
import { diagonal } from './diag.js';
import { bmm } from './linalg.js';
import { sum } from './reduce.js';
import { movedim } from './shape_extra.js';
import { permute, reshape, unsqueeze, view } from './views.js';

const NUM_LETTERS = 26;
const TOTAL_LABELS = 2 * NUM_LETTERS;
const ELLIPSIS = TOTAL_LABELS;

const isAlpha = (c: string) => /^[A-Za-z]$/.test(c);
/** [A-Z] -> 0..25, [a-z] -> 26..51: the label order ATen uses for implicit outputs and contraction dims. */
const subscriptOf = (c: string) => (c <= 'Z' ? c.charCodeAt(0) - 65 : c.charCodeAt(0) - 97 + NUM_LETTERS);
const labelOf = (s: number) => String.fromCharCode(s < NUM_LETTERS ? s + 65 : s - NUM_LETTERS + 97);

/** (left * right).sum(sumDims, keepdim=True) through one bmm; operands have equal rank (broadcast by size-1 dims). */
function sumproductPair(left: Tensor, right: Tensor, sumDims: readonly number[]): Tensor {
  if (sumDims.length === 0) return mul(left, right);
  const nd = left.shape.length;
  const summed = new Array<boolean>(nd).fill(false);
  for (const d of sumDims) summed[d] = true;
  const lro: number[] = [];
  const lo: number[] = [];
  const ro: number[] = [];
  let lroSize = 1;
  let loSize = 1;
  let roSize = 1;
  let sumSize = 1;
  for (let i = 0; i < nd; i++) {
    const sl = left.shape[i] !== 1;
    const sr = right.shape[i] !== 1;
    if (summed[i]) {
      if (sl && sr) {
        if (left.shape[i] !== right.shape[i]) throw runtimeError('non-broadcast dimensions must match');
        sumSize *= left.shape[i];
      } else if (sl) left = sum(left, i, true);
      else if (sr) right = sum(right, i, true);
    } else if (sl && sr) {
      if (left.shape[i] !== right.shape[i]) throw runtimeError('non-broadcast dimensions must match');
      lro.push(i);
      lroSize *= left.shape[i];
    } else if (sl) {
      lo.push(i);
      loSize *= left.shape[i];
    } else {
      ro.push(i);
      roSize *= right.shape[i];
    }
  }
  const outSize = [...lro.map((d) => left.shape[d]), ...lo.map((d) => left.shape[d]), ...sumDims.map(() => 1), ...ro.map((d) => right.shape[d])];
  const lperm = [...lro, ...lo, ...sumDims, ...ro];
  const rperm = [...lro, ...sumDims, ...ro, ...lo];
  const operm = new Array<number>(outSize.length);
  lperm.forEach((d, i) => (operm[d] = i));
  const l = reshape(permute(left, lperm), [lroSize, loSize, sumSize]);
  const r = reshape(permute(right, rperm), [lroSize, sumSize, roSize]);
  return permute(view(bmm(l, r), outSize), operm);
}

/** Labels per operand (subscripts 0..51, ELLIPSIS for `...`), with ATen's parse errors. */
function parseOperands(lhs: string, numOps: number): number[][] {
  const labels: number[][] = Array.from({ length: numOps }, () => []);
  let ellInInput = false;
  let cur = 0;
  for (let i = 0; i < lhs.length; i++) {
    const c = lhs[i];
    if (c === ' ') continue;
    if (c === '.') {
      if (ellInInput) throw runtimeError(`einsum(): found '.' for operand ${cur} for which an ellipsis was already found`);
      if (!(i + 2 < lhs.length && lhs[++i] === '.' && lhs[++i] === '.')) {
        throw runtimeError(`einsum(): found '.' for operand ${cur} that is not part of any ellipsis`);
      }
      labels[cur].push(ELLIPSIS);
      ellInInput = true;
    } else if (c === ',') {
      cur++;
      if (cur >= numOps) throw runtimeError('einsum(): fewer operands were provided than specified in the equation');
      ellInInput = false;
    } else {
      if (!isAlpha(c)) throw runtimeError(`einsum(): invalid subscript given at index ${i} in the equation string, subscripts must be in [a-zA-Z]`);
      labels[cur].push(subscriptOf(c));
    }
  }
  if (cur !== numOps - 1) throw runtimeError('einsum(): more operands were provided than specified in the equation');
  return labels;
}

export function einsum(equation: string, operands: readonly Tensor[]): Tensor {
  if (operands.length === 0) throw runtimeError('einsum(): must provide at least one operand');
  const numOps = operands.length;
  const arrow = equation.indexOf('->');
  const lhs = arrow < 0 ? equation : equation.slice(0, arrow);
  const opLabels = parseOperands(lhs, numOps);

  const labelCount = new Array<number>(TOTAL_LABELS).fill(0);
  let ellNumDim = 0;
  opLabels.forEach((labels, i) => {
    const ndims = operands[i].shape.length;
    let nlabels = labels.length;
    let hasEllipsis = false;
    for (const s of labels) {
      if (s === ELLIPSIS) {
        nlabels--;
        hasEllipsis = true;
        ellNumDim = Math.max(ellNumDim, ndims - nlabels);
      } else labelCount[s]++;
    }
    if (hasEllipsis ? nlabels > ndims : nlabels !== ndims) {
      throw runtimeError(
        `einsum(): the number of subscripts in the equation (${nlabels}) ${hasEllipsis ? 'is more than' : 'does not match'} the number of dimensions (${ndims}) for operand ${i}${hasEllipsis ? '' : ' and no ellipsis was given'}`,
      );
    }
  });

  // position of each label in the common order: output dims first, then contraction dims
  const permIndexOf = new Array<number>(TOTAL_LABELS).fill(-1);
  let permIndex = 0;
  let ellIndex = 0;
  let ellInOutput = false;
  if (arrow < 0) {
    // implicit output: the ellipsis, then the labels seen once, alphabetically (upper case first)
    permIndex = ellNumDim;
    ellInOutput = true;
    for (let s = 0; s < TOTAL_LABELS; s++) if (labelCount[s] === 1) permIndexOf[s] = permIndex++;
  } else {
    const rhs = equation.slice(arrow + 2);
    for (let i = 0; i < rhs.length; i++) {
      const c = rhs[i];
      if (c === ' ') continue;
      if (c === '.') {
        if (ellInOutput) throw runtimeError("einsum(): found '.' for output but an ellipsis (...) was already found");
        if (!(i + 2 < rhs.length && rhs[++i] === '.' && rhs[++i] === '.')) {
          throw runtimeError("einsum(): found '.' for output that is not part of any ellipsis (...)");
        }
        ellIndex = permIndex;
        permIndex += ellNumDim;
        ellInOutput = true;
        continue;
      }
      if (!isAlpha(c)) {
        throw runtimeError(`einsum(): invalid subscript given at index ${lhs.length + 2 + i} in the equation string, subscripts must be in [a-zA-Z]`);
      }
      const s = subscriptOf(c);
      if (!(labelCount[s] > 0 && permIndexOf[s] === -1)) {
        throw runtimeError(
          `einsum(): output subscript ${c}${permIndexOf[s] > -1 ? ' appears more than once in the output' : ' does not appear in the equation for any input operand'}`,
        );
      }
      permIndexOf[s] = permIndex++;
    }
  }
  const outNumDim = permIndex;
  if (!ellInOutput) {
    ellIndex = permIndex;
    permIndex += ellNumDim;
  }
  for (let s = 0; s < TOTAL_LABELS; s++) if (labelCount[s] > 0 && permIndexOf[s] === -1) permIndexOf[s] = permIndex++;

  // align every operand to the common order; dimCounts: operands with size != 1 per dim
  const labelSize = new Array<number>(TOTAL_LABELS).fill(1);
  const ellSizes = new Array<number>(ellNumDim).fill(1);
  const dimCounts = new Array<number>(permIndex).fill(0);
  const ops: Tensor[] = [];
  for (let i = 0; i < numOps; i++) {
    let op = operands[i];
    const permutation = new Array<number>(permIndex).fill(-1);
    let dim = 0;
    for (const s of opLabels[i]) {
      if (s === ELLIPSIS) {
        const ndim = operands[i].shape.length - (opLabels[i].length - 1);
        for (let j = ellNumDim - ndim; j < ellNumDim; j++) {
          const size = op.shape[dim];
          if (size !== 1) {
            if (ellSizes[j] !== 1 && ellSizes[j] !== size) {
              // ATen's text, missing space before "has" included
              throw runtimeError(
                `einsum(): dimension ${dim} covered by ellipsis in operand ${i}has size ${size} which does not broadcast with previously seen ellipsis with size ${ellSizes[j]} for the respective dimension`,
              );
            }
            ellSizes[j] = size;
            dimCounts[ellIndex + j]++;
          }
          permutation[ellIndex + j] = dim++;
        }
      } else if (permutation[permIndexOf[s]] === -1) {
        const size = op.shape[dim];
        if (size !== 1) {
          if (labelSize[s] !== 1 && labelSize[s] !== size) {
            throw runtimeError(
              `einsum(): subscript ${labelOf(s)} has size ${size} for operand ${i} which does not broadcast with previously seen size ${labelSize[s]}`,
            );
          }
          labelSize[s] = size;
          dimCounts[permIndexOf[s]]++;
        }
        permutation[permIndexOf[s]] = dim++;
      } else {
        // repeated label: take the diagonal, kept at the first occurrence's position
        const prev = permutation[permIndexOf[s]];
        if (op.shape[dim] !== op.shape[prev]) {
          throw runtimeError(
            `einsum(): subscript ${labelOf(s)} is repeated for operand ${i} but the sizes don't match, ${op.shape[dim]} != ${op.shape[prev]}`,
          );
        }
        op = movedim(diagonal(op, 0, prev, dim), [-1], [prev]);
      }
    }
    for (let k = 0; k < permutation.length; k++) {
      if (permutation[k] === -1) {
        op = unsqueeze(op, dim);
        permutation[k] = dim++;
      }
    }
    ops.push(permute(op, permutation));
  }

  // contract left to right; a dim is summed as soon as no later operand has it
  while (ops.length > 1) {
    let a = ops.shift()!;
    let b = ops.shift()!;
    const sumDims: number[] = [];
    const aDims: number[] = [];
    const bDims: number[] = [];
    for (let d = outNumDim; d < permIndex; d++) {
      if (a.shape[d] !== 1 && b.shape[d] !== 1) {
        if (--dimCounts[d] === 1) {
          sumDims.push(d);
          dimCounts[d] = 0;
        }
      } else if (dimCounts[d] === 1) {
        if (a.shape[d] !== 1) {
          aDims.push(d);
          dimCounts[d] = 0;
        } else if (b.shape[d] !== 1) {
          bDims.push(d);
          dimCounts[d] = 0;
        }
      }
    }
    if (aDims.length > 0) a = sum(a, aDims, true);
    if (bDims.length > 0) b = sum(b, bDims, true);
    ops.unshift(sumproductPair(a, b, sumDims));
  }

  if (permIndex > outNumDim) {
    // with several operands the contraction dims are already size 1: drop them by a view
    if (numOps > 1) return view(ops[0], ops[0].shape.slice(0, outNumDim));
    return sum(ops[0], Array.from({ length: permIndex - outNumDim }, (_, k) => outNumDim + k));
  }
  return ops[0];
}
