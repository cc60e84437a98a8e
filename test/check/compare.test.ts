/** The comparison rule of a check: torch.allclose after type, dtype and shape checks. */
import { describe, expect, it } from 'vitest';
import type { CheckValueJSON } from '../../src/api/schemas.js';
import { compareValues } from '../../src/check/compare.js';
import { comparisonMessage } from '../../src/check/messages.js';

// torch.allclose(torch.tensor(actual, dtype=float64), torch.tensor(expected, dtype=float64), rtol, atol)
// recorded with PyTorch 1.13
const ALLCLOSE: { actual: CheckValueJSON[]; expected: CheckValueJSON[]; rtol: number; atol: number; allclose: boolean }[] = [
  { actual: [1.0], expected: [1.00001], rtol: 1e-5, atol: 1e-8, allclose: true },
  { actual: [1.0], expected: [1.00002], rtol: 1e-5, atol: 1e-8, allclose: false },
  { actual: [100.0], expected: [100.001], rtol: 1e-5, atol: 1e-8, allclose: true },
  { actual: [100.0], expected: [100.0011], rtol: 1e-5, atol: 1e-8, allclose: false },
  { actual: [0.0], expected: [1e-8], rtol: 1e-5, atol: 1e-8, allclose: true },
  { actual: [0.0], expected: [3e-8], rtol: 1e-5, atol: 1e-8, allclose: false },
  { actual: ['nan'], expected: ['nan'], rtol: 1e-5, atol: 1e-8, allclose: false },
  { actual: ['inf'], expected: ['inf'], rtol: 1e-5, atol: 1e-8, allclose: true },
  { actual: ['inf'], expected: ['-inf'], rtol: 1e-5, atol: 1e-8, allclose: false },
  { actual: [1.0, 'inf'], expected: [1.0, 1e38], rtol: 1e-5, atol: 1e-8, allclose: false },
  { actual: [2.0], expected: [1.0], rtol: 1.0, atol: 0.0, allclose: true },
  { actual: [2.0], expected: [1.0], rtol: 0.99, atol: 0.0, allclose: false },
  { actual: [2.0], expected: [1.0], rtol: 0.0, atol: 1.0, allclose: true },
  { actual: [-3.0, 4.0], expected: [-3.00001, 4.00004], rtol: 1e-5, atol: 1e-8, allclose: true },
  { actual: [-3.0, 4.0], expected: [-3.00001, 4.00003], rtol: 1e-5, atol: 1e-8, allclose: true },
];

const tensor = (data: CheckValueJSON, dtype = 'float64', shape?: number[]) =>
  ({ dtype, data, ...(shape ? { shape } : {}) }) as CheckValueJSON;

describe('closeness is torch.allclose', () => {
  it.each(ALLCLOSE)('$actual vs $expected (rtol $rtol, atol $atol) -> $allclose', ({ actual, expected, rtol, atol, allclose }) => {
    const c = compareValues(tensor(actual, 'float64', [actual.length]), tensor(expected, 'float64', [expected.length]), { rtol, atol });
    expect(c.failure === null).toBe(allclose);
    if (!allclose) expect(c.failure).toBe('values');
  });

  it('measures the largest absolute and relative error', () => {
    const c = compareValues(tensor([1, 2, 4], 'float32'), tensor([1, 2.5, 3], 'float32'), { rtol: 1e-5, atol: 1e-8 });
    expect(c).toMatchObject({ failure: 'values', maxAbs: 1, maxRel: 1 / 3, mismatch: { index: [1], actual: 2, expected: 2.5, count: 2, total: 3 } });
  });

  it('a nan anywhere makes the errors nan; a difference from 0 is relatively infinite', () => {
    expect(compareValues([1, 'nan'], [1, 2], { rtol: 0, atol: 1 })).toMatchObject({ failure: 'values', maxAbs: NaN, maxRel: NaN });
    expect(compareValues([0.5], [0], { rtol: 0, atol: 1 })).toMatchObject({ failure: null, maxAbs: 0.5, maxRel: Infinity });
  });
});

describe('the checks before closeness, in order: None, type, dtype, shape', () => {
  const tol = { rtol: 1e-5, atol: 1e-8 };
  const f32 = (data: CheckValueJSON) => tensor(data, 'float32');

  it('None where a tensor is expected', () => {
    const c = compareValues(null, f32([1]), tol);
    expect(c.failure).toBe('none');
    expect(comparisonMessage('x.grad', c, null, f32([1]))).toBe('x.grad is None: did you call backward()?');
    expect(comparisonMessage('y', c, null, f32([1]))).toBe('y is None, expected a tensor');
  });

  it('a tensor where a number is expected is fine; a string is not', () => {
    expect(compareValues(f32(8), 8, tol).failure).toBeNull();
    const c = compareValues('8', 8, tol);
    expect(comparisonMessage('y', c, '8', 8)).toBe("y is the string '8', expected a number");
  });

  it('a plain number where a tensor is expected is a type mismatch', () => {
    const c = compareValues(8, f32(8), tol);
    expect(comparisonMessage('y', c, 8, f32(8))).toBe('y is a number, expected a tensor');
  });

  it('the dtype is compared before the shape, and only against an expected tensor', () => {
    const actual = tensor([1, 2, 3], 'int64');
    const c = compareValues(actual, f32([[1, 2, 3]]), tol);
    expect(comparisonMessage('x', c, actual, f32([[1, 2, 3]]))).toBe('x has dtype torch.int64, expected torch.float32');
    expect(compareValues(actual, [1, 2, 3], tol).failure).toBeNull();
  });

  it('a plain list has the shape of its nesting', () => {
    const actual = f32([[1, 2, 3]]);
    const c = compareValues(actual, [1, 2, 3], tol);
    expect(comparisonMessage('x.grad', c, actual, [1, 2, 3])).toBe('x.grad has shape (1, 3), expected (3,)');
  });

  it('lists of tensors compare item by item and name the item', () => {
    const actual: CheckValueJSON = [f32([1]), null];
    const c = compareValues(actual, [f32([1]), f32([2])], tol);
    expect(comparisonMessage('grads', c, actual, [f32([1]), f32([2])])).toBe('grads[1] is None, expected a tensor');
  });

  it('int tensors print without a point; plain ints too when the program held ints', () => {
    const c = compareValues(tensor([1, 5], 'int64'), tensor([1, 2], 'int64'), tol);
    expect(comparisonMessage('n', c, tensor([1, 5], 'int64'), tensor([1, 2], 'int64'))).toBe('n is wrong at 1 of 2 elements; at index (1,) it is 5, expected 2');
    expect(comparisonMessage('k', compareValues(3, 4, tol), 3, 4, false)).toBe('k is 3, expected 4');
    expect(comparisonMessage('k', compareValues(3, 4, tol), 3, 4, true)).toBe('k is 3.0, expected 4.0');
  });

  it('strings and None compare exactly', () => {
    expect(compareValues('abc', 'abc', tol).failure).toBeNull();
    expect(compareValues('abc', 'abd', tol).failure).toBe('values');
    expect(compareValues(null, null, tol).failure).toBeNull();
    expect(comparisonMessage('h', compareValues(f32(1), null, tol), f32(1), null)).toBe('h is a tensor, expected None');
  });
});

describe('Python bools and strings', () => {
  const tol = { rtol: 1e-5, atol: 1e-8 };
  it('show as Python shows them', () => {
    expect(comparisonMessage('ok', compareValues(false, true, tol), false, true)).toBe('ok is False, expected True');
    expect(comparisonMessage('s', compareValues("it's", 'b', tol), "it's", 'b')).toBe(`s is "it's", expected 'b'`);
    expect(comparisonMessage('s', compareValues('say "hi"', 'b', tol), 'say "hi"', 'b')).toBe(`s is 'say "hi"', expected 'b'`);
  });
});
