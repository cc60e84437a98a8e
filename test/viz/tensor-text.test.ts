import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatExp as pyExp, formatFixed as pyFixed } from '../../src/tensor/print.js';
import { tensorFlags, tensorLines } from '../../src/viz/tensor-text.js';
import type { VizTensor } from '../../src/viz/model.js';

// repr() of tensors recorded with PyTorch 1.13 (fixtures/record_prints.py).
const recorded: (VizTensor & { repr: string })[] = JSON.parse(
  readFileSync(new URL('./fixtures/pytorch-prints.json', import.meta.url), 'utf8'),
).map((c: object) => ({ requires_grad: false, grad_fn: null, ...c }));

/** The part of repr() our label shows: the data, without `tensor(`, dtype and indentation. */
function reprBody(repr: string): string[] {
  const inner = repr.replace(/^tensor\(/, '').replace(/(, dtype=torch\.\w+)?\)$/, '');
  return inner.split('\n').map((l, i) => (i === 0 ? l : l.slice(7)));
}

describe('tensorLines prints numbers as PyTorch 1.13 does', () => {
  for (const c of recorded) {
    it(`${c.repr.replace(/\n\s*/g, ' ')}`, () => {
      expect(tensorLines(c)).toEqual(reprBody(c.repr));
    });
  }
});

describe('Python float formatting, ties to even', () => {
  it('fixed', () => {
    expect(pyFixed(1.03125, 4)).toBe('1.0312'); // '{:.4f}'.format(1.03125)
    expect(pyFixed(1.03135, 4)).toBe('1.0313'); // not an exact tie in binary
    expect(pyFixed(2.5, 0)).toBe('2');
    expect(pyFixed(0.5, 0)).toBe('0');
    expect(pyFixed(3.5, 0)).toBe('4');
    expect(pyFixed(-0, 4)).toBe('-0.0000');
    expect(pyFixed(-1.03125, 4)).toBe('-1.0312');
  });
  it('exponent', () => {
    expect(pyExp(1.03125, 4)).toBe('1.0312e+00');
    expect(pyExp(2.03125, 4)).toBe('2.0312e+00');
    expect(pyExp(123456792, 4)).toBe('1.2346e+08');
    expect(pyExp(9.999999747378752e-6, 4)).toBe('1.0000e-05');
    expect(pyExp(1e-300, 2)).toBe('1.00e-300');
  });
});

describe('larger tensors are summarised, flags catch bad gradients', () => {
  const t = (shape: number[], data: unknown): VizTensor => ({ dtype: 'float32', shape, data, requires_grad: false, grad_fn: null });
  it('summary of a 3x3', () => {
    const m = t([3, 3], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(tensorLines(m)).toEqual(['(3, 3)', 'min 1.  mean 5.  max 9.']);
    expect(tensorLines(m, false)).toEqual(['min 1.  mean 5.  max 9.']);
  });
  it('summary counts nan', () => {
    expect(tensorLines(t([9], [1, 'nan', 2, 3, 4, 5, 6, 7, 8]), false)).toEqual(['min 1.0000  mean 4.5000  max 8.0000  1 nan']);
  });
  it('flags', () => {
    expect(tensorFlags(t([2], [0, 0]))).toEqual({ nan: false, inf: false, allZero: true });
    expect(tensorFlags(t([2], [0, 'nan']))).toEqual({ nan: true, inf: false, allZero: false });
    expect(tensorFlags(t([], '-inf'))).toEqual({ nan: false, inf: true, allZero: false });
    expect(tensorFlags(t([2], [0, 1]))).toEqual({ nan: false, inf: false, allZero: false });
  });
});
