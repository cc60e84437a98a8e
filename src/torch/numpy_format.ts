/**
 * numpy's array str/repr (numpy 1.24 defaults: precision 8, floatmode 'maxprec') for the
 * arrays `t.numpy()` gives: 0-d to 2-d float, int and bool. Line wrapping at 75 columns
 * is not reproduced.
 */
import { type DType, bool, float32, float64, int64 } from '../tensor/dtype.js';
import type { Tensor } from '../tensor/tensor.js';

/** The shortest decimal digits that read back as v (float32 values read back through fround). */
function shortest(v: number, dtype: DType): string {
  if (dtype !== float32) return String(v);
  for (let p = 1; p <= 9; p++) {
    const s = v.toPrecision(p);
    if (Math.fround(Number(s)) === v) return String(Number(s));
  }
  return String(v);
}

/** Digits after the point in positional notation, at most 8 (numpy rounds beyond). */
function fraction(v: number, dtype: DType): string {
  let s = shortest(Math.abs(v), dtype);
  if (/e/.test(s)) s = Math.abs(v).toFixed(20);
  const dot = s.indexOf('.');
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > 8) frac = Math.abs(v).toFixed(8).split('.')[1].replace(/0+$/, '');
  return frac;
}

function floatFormatter(values: number[], dtype: DType): (v: number) => string {
  const finite = values.filter((v) => Number.isFinite(v)).map(Math.abs);
  const nonzero = finite.filter((v) => v !== 0);
  const max = finite.length ? Math.max(...finite) : 0;
  const min = nonzero.length ? Math.min(...nonzero) : 0;
  const sci = max >= 1e8 || (nonzero.length > 0 && (min < 1e-4 || max / min > 1e3));
  const special = (v: number) => (v !== v ? 'nan' : v > 0 ? 'inf' : '-inf');
  if (sci) {
    // mantissas with the most digits any value needs, exponents of at least two digits
    const digits = (v: number) => {
      const s = Number(shortest(Math.abs(v), dtype)).toExponential();
      const m = s.split('e')[0];
      return m.includes('.') ? Math.min(m.split('.')[1].length, 8) : 0;
    };
    const prec = Math.max(0, ...finite.map(digits));
    const fmt = (v: number) => {
      const [m, e] = Math.abs(v).toExponential(prec).split('e');
      const exp = (e[0] === '-' ? '-' : '+') + e.replace(/^[+-]/, '').padStart(2, '0');
      return (v < 0 || Object.is(v, -0) ? '-' : '') + (m.includes('.') ? m : m + '.') + 'e' + exp;
    };
    const width = Math.max(...values.map((v) => (Number.isFinite(v) ? fmt(v) : special(v)).length));
    return (v) => (Number.isFinite(v) ? fmt(v) : special(v)).padStart(width);
  }
  const intPart = (v: number) => (v < 0 || Object.is(v, -0) ? '-' : '') + Math.trunc(Math.abs(v)).toString();
  let padLeft = 0;
  let padRight = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    padLeft = Math.max(padLeft, intPart(v).length);
    padRight = Math.max(padRight, fraction(v, dtype).length);
  }
  for (const v of values) if (!Number.isFinite(v)) padLeft = Math.max(padLeft, special(v).length - padRight - 1);
  return (v) => {
    if (!Number.isFinite(v)) return special(v).padStart(padLeft + padRight + 1);
    const f = fraction(v, dtype);
    // numpy rounds to 8 decimals: the integer part may carry
    const r = f.length === 0 && Math.abs(v) % 1 !== 0 ? Math.round(v) : v;
    return intPart(r).padStart(padLeft) + '.' + f.padEnd(padRight);
  };
}

function formatter(t: Tensor, values: number[]): (v: number) => string {
  if (t.dtype === bool) return (v) => (v ? ' True' : 'False');
  if (t.dtype.isFloating) return floatFormatter(values, t.dtype);
  const width = Math.max(...values.map((v) => String(v).length));
  return (v) => String(v).padStart(width);
}

function body(t: Tensor, sep: string, indent: string): string {
  const values = Array.from(t.toFlatArray());
  const f = formatter(t, values);
  if (t.shape.length === 1) return '[' + values.map(f).join(sep) + ']';
  const [rows, cols] = t.shape;
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push('[' + values.slice(r * cols, (r + 1) * cols).map(f).join(sep) + ']');
  return '[' + lines.join(sep.trimEnd() + '\n' + indent + ' ') + ']';
}

const dtypeSuffix = (d: DType): string => (d === float64 || d === int64 || d === bool ? '' : `, dtype=${d.name}`);

export function ndarrayStr(t: Tensor): string {
  if (t.shape.length === 0) {
    const v = t.item();
    if (t.dtype === bool) return v ? 'True' : 'False';
    return t.dtype.isFloating ? (Number.isInteger(v) ? v.toFixed(1) : shortest(v, t.dtype)) : String(v);
  }
  return body(t, ' ', '');
}

export function ndarrayRepr(t: Tensor): string {
  if (t.shape.length === 0) {
    const s = t.dtype.isFloating ? floatFormatter([t.item()], t.dtype)(t.item()).trim() : ndarrayStr(t);
    return `array(${s}${dtypeSuffix(t.dtype)})`;
  }
  return `array(${body(t, ', ', '      ')}${dtypeSuffix(t.dtype)})`;
}
