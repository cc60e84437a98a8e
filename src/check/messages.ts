/**
 * What a student reads for each verdict. Shapes print as Python tuples ("(3,)", "(1, 3)"),
 * dtypes as torch names ("torch.float32"), numbers as Python prints a float or an int.
 */
import type { CheckValueJSON, ErrorJSON } from '../api/schemas.js';
import type { Comparison } from './compare.js';
import { isNumericTree, isTensorJSON } from './values.js';

export function shapeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function dtypeText(dtype: string): string {
  return `torch.${dtype}`;
}

const INT_DTYPES = new Set(['uint8', 'int8', 'int16', 'int32', 'int64']);

/** A number as Python shows it: floats with a point ("8.0"), 6 significant digits at most. */
function numberText(v: number, isFloat: boolean): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (!isFloat) return String(v);
  const short = Number(v.toPrecision(6));
  const text = String(short);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/**
 * Floats print with a point: a tensor's dtype says; for plain numbers JSON has lost the
 * int/float difference, so the caller says whether the actual Python value held floats.
 */
function printsAsFloat(a: CheckValueJSON, e: CheckValueJSON, actualHoldsFloats: boolean): boolean {
  const tensor = isTensorJSON(a) ? a : isTensorJSON(e) ? e : null;
  if (tensor) return !INT_DTYPES.has(tensor.dtype) && tensor.dtype !== 'bool';
  return actualHoldsFloats;
}

/** "a tensor", "a number", ... for a type mismatch. */
function kindText(v: CheckValueJSON): string {
  if (v === null) return 'None';
  if (isTensorJSON(v)) return 'a tensor';
  if (typeof v === 'string' && !isNumericTree(v)) return `the string ${scalarText(v)}`;
  if (typeof v === 'boolean') return `${v ? 'True' : 'False'}`;
  if (isNumericTree(v)) return Array.isArray(v) ? 'a list of numbers' : 'a number';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return 'a value';
}

/** A bool or a string as Python's repr shows it (a string with ' and no " in double quotes). */
function scalarText(v: CheckValueJSON): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v !== 'string') return JSON.stringify(v);
  const quote = v.includes("'") && !v.includes('"') ? '"' : "'";
  return quote + v.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`) + quote;
}

function at(v: CheckValueJSON, path: number[]): CheckValueJSON {
  let cur = v;
  for (const i of path) cur = Array.isArray(cur) ? cur[i] : null;
  return cur;
}

/** `expr`, or `expr[1]` for an item of a list that failed. */
function subject(expr: string, path: number[]): string {
  return path.length === 0 ? expr : `${expr}${path.map((i) => `[${i}]`).join('')}`;
}

export function comparisonMessage(expr: string, c: Comparison, actual: CheckValueJSON, expected: CheckValueJSON, actualHoldsFloats = true): string {
  if (c.failure === null) return `${expr} is correct`;
  const what = subject(expr, c.path);
  const a = at(actual, c.path);
  const e = at(expected, c.path);
  switch (c.failure) {
    case 'none':
      return /\.grad$/.test(what.trim()) ? `${what} is None: did you call backward()?` : `${what} is None, expected ${kindText(e)}`;
    case 'type':
      return `${what} is ${kindText(a)}, expected ${kindText(e)}`;
    case 'dtype':
      return `${what} has dtype ${dtypeText(c.actualDtype)}, expected ${dtypeText(c.expectedDtype)}`;
    case 'shape':
      return Array.isArray(a) && !isNumericTree(a)
        ? `${what} has ${c.actualShape[0]} items, expected ${c.expectedShape[0]}`
        : `${what} has shape ${shapeText(c.actualShape)}, expected ${shapeText(c.expectedShape)}`;
    case 'values': {
      const m = c.mismatch;
      if (m === null) return `${what} is ${scalarText(a)}, expected ${scalarText(e)}`;
      const float = printsAsFloat(a, e, actualHoldsFloats);
      const got = numberText(m.actual, float);
      const want = numberText(m.expected, float);
      if (m.total === 1) return `${what} is ${got}, expected ${want}`;
      const place = `(${m.index.join(', ')}${m.index.length === 1 ? ',' : ''})`;
      return `${what} is wrong at ${m.count} of ${m.total} elements; at index ${place} it is ${got}, expected ${want}`;
    }
  }
}

export function programErrorMessage(error: ErrorJSON): string {
  const where = error.line === null ? '' : ` at line ${error.line}`;
  return `your program stopped${where}: ${error.type}: ${error.message}`;
}

export function exprErrorMessage(expr: string, error: ErrorJSON): string {
  const hint = /\.grad\b/.test(expr) && error.message.includes("'NoneType'") ? ' (a .grad is None: did you call backward()?)' : '';
  return `could not evaluate ${expr} in your program: ${error.type}: ${error.message}${hint}`;
}
