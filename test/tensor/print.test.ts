import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dtypes, type DTypeName } from '../../src/tensor/dtype.js';
import { formatExp, formatFixed, formatTensor, printOptions, setPrintOptions, type PrintOptions } from '../../src/tensor/print.js';

interface Case {
  note: string;
  values: (number | 'nan' | 'inf' | '-inf')[];
  shape: number[];
  dtype: DTypeName;
  grad_fn: string | null;
  requires_grad: boolean;
  options: { precision: number; threshold: number | 'inf'; edgeitems: number; linewidth: number; sci_mode: boolean | null };
  repr: string;
}
const load = (name: string) =>
  (JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as { cases: Case[] }).cases;

const decode = (v: Case['values'][number]) => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);

function render(c: Case): string {
  const o = c.options;
  const opts: PrintOptions = {
    precision: o.precision,
    threshold: o.threshold === 'inf' ? Infinity : o.threshold,
    edgeitems: o.edgeitems,
    linewidth: o.linewidth,
    sciMode: o.sci_mode,
  };
  return formatTensor(c.values.map(decode), c.shape, dtypes[c.dtype], { gradFn: c.grad_fn, requiresGrad: c.requires_grad }, opts);
}

describe('formatTensor against repr() recorded from PyTorch 1.13', () => {
  const cases = load('print.json');
  it.each(cases.map((c, i) => [i, c.note, c] as const))('case %i (%s)', (_, __, c) => {
    expect(render(c)).toBe(c.repr);
  });
});

describe('formatTensor on every tensor the shared conformance programs print', () => {
  const cases = load('shared-prints.json');
  it.each(cases.map((c, i) => [i, c.note, c] as const))('print %i (%s)', (_, __, c) => {
    expect(render(c)).toBe(c.repr);
  });
});

describe('Python float formatting', () => {
  it("matches '{:.Nf}' and '{:.Ne}' recorded from CPython on awkward doubles", () => {
    const cases = JSON.parse(readFileSync(new URL('./fixtures/float-format.json', import.meta.url), 'utf8')) as [
      number,
      number,
      string,
      string,
    ][];
    const wrong = cases.filter(([v, d, f, e]) => formatFixed(v, d) !== f || formatExp(v, d) !== e);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(cases.length).toBeGreaterThan(2000);
  });

  it('rounds exact binary ties half to even, unlike toFixed/toExponential', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect((0.125).toFixed(2)).toBe('0.13');
    expect(formatFixed(1.03125, 4)).toBe('1.0312');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(-2.5, 0)).toBe('-2');
    expect(formatExp(10002.5, 4)).toBe('1.0002e+04');
    expect((10002.5).toExponential(4)).toBe('1.0003e+4');
    expect(formatExp(99995, 3)).toBe('1.000e+05');
  });

  it('keeps the sign of negative zero and of negatives that round to zero', () => {
    expect(formatFixed(-0, 4)).toBe('-0.0000');
    expect(formatFixed(-0.00001, 4)).toBe('-0.0000');
    expect(formatFixed(-0, 0)).toBe('-0');
    expect(formatExp(-0, 4)).toBe('-0.0000e+00');
  });

  it('prints huge values in full and exponents with two digits at least', () => {
    expect(formatFixed(1e22, 0)).toBe('10000000000000000000000');
    expect(formatFixed(3.4028234663852886e38, 1)).toBe('340282346638528859811704183484516925440.0');
    expect(formatExp(3.4028234663852886e38, 4)).toBe('3.4028e+38');
    expect(formatExp(1e-5, 4)).toBe('1.0000e-05');
    expect(formatExp(5e-324, 2)).toBe('4.94e-324');
    expect(formatFixed(NaN, 4)).toBe('nan');
    expect(formatExp(-Infinity, 4)).toBe('-inf');
  });
});

describe('setPrintOptions', () => {
  it('applies a profile, then the given fields, and resets sci_mode like PyTorch', () => {
    const saved = { ...printOptions };
    try {
      setPrintOptions({ sciMode: true });
      setPrintOptions({ profile: 'short', linewidth: 100 });
      expect(printOptions).toEqual({ precision: 2, threshold: 1000, edgeitems: 2, linewidth: 100, sciMode: null });
      setPrintOptions({ profile: 'full' });
      expect(printOptions.threshold).toBe(Infinity);
      expect(formatTensor([1.5, 2], [2], dtypes.float32, {})).toBe('tensor([1.5000, 2.0000])');
      setPrintOptions({ precision: 2, sciMode: false });
      expect(formatTensor([0.000001, 1], [2], dtypes.float32, {})).toBe('tensor([    0.00,     1.00])'); // widths from the sci layout
    } finally {
      Object.assign(printOptions, saved);
    }
  });
});
