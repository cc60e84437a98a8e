/**
 * compare_stdout: the submission's printed output against the reference's, line by line.
 *
 *   exact    the same text, byte for byte
 *   numbers  the conformance runner's rule (shared/conformance/README.md): the text outside
 *            numbers exact; integers equal; a decimal keeps its printed form (digits after
 *            the point, exponent or not) and may differ by one unit in its last digit or
 *            1e-5 relative; a long repr (>= 10 significant digits) only to 1e-5 relative.
 */
import type { StdoutMode } from '../api/schemas.js';

export interface StdoutDifference {
  /** 1-based line of the first difference */
  line: number;
  /** that line in each output; null past its end */
  actual: string | null;
  expected: string | null;
}

const RTOL = 1e-5;
// digits with an optional fraction and exponent, not glued to an identifier (the 0 of
// AddBackward0 and the 32 of float32 are text); the sign is text
const NUMBER = /(?<![A-Za-z_0-9.])(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?(?![A-Za-z_0-9])/g;

export function stdoutDifference(actual: string, expected: string, mode: StdoutMode): StdoutDifference | null {
  if (actual === expected) return null;
  // each line keeps its newline, so a missing last newline is a difference too
  const a = actual.split(/(?<=\n)/);
  const e = expected.split(/(?<=\n)/);
  const same = mode === 'exact' ? (x: string, y: string) => x === y : linesMatch;
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    const x = i < a.length ? a[i] : null;
    const y = i < e.length ? e[i] : null;
    if (x === null || y === null || !same(x, y)) return { line: i + 1, actual: x, expected: y };
  }
  return null;
}

interface Token {
  text: string;
  isNumber: boolean;
}

function tokens(line: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of line.matchAll(NUMBER)) {
    if (m.index > last) out.push({ text: line.slice(last, m.index), isNumber: false });
    out.push({ text: m[0], isNumber: true });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last), isNumber: false });
  return out;
}

function linesMatch(actual: string, expected: string): boolean {
  const a = tokens(actual);
  const e = tokens(expected);
  if (a.length !== e.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].text === e[i].text && a[i].isNumber === e[i].isNumber) continue;
    if (!(a[i].isNumber && e[i].isNumber && numbersMatch(e[i].text, a[i].text))) return false;
  }
  return true;
}

interface NumberForm {
  isInt: boolean;
  fracDigits: number;
  hasDot: boolean;
  exp: number | null;
  significant: number;
}

function numberForm(token: string): NumberForm {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(token) as RegExpExecArray;
  const frac = m[2];
  const exp = m[3] === undefined ? null : Number.parseInt(m[3], 10);
  return {
    isInt: frac === undefined && exp === null,
    fracDigits: frac?.length ?? 0,
    hasDot: frac !== undefined,
    exp,
    significant: ((m[1] ?? '') + (frac ?? '')).replace(/^0+/, '').length,
  };
}

function numbersMatch(expected: string, actual: string): boolean {
  const fe = numberForm(expected);
  const fa = numberForm(actual);
  if (fe.isInt || fa.isInt) return false; // integers (already unequal as text) must be equal
  const ve = Number(expected);
  const va = Number(actual);
  const diff = Math.abs(ve - va);
  const relativeOk = diff <= RTOL * Math.max(Math.abs(ve), Math.abs(va));
  if (fe.significant >= 10 || fa.significant >= 10) return relativeOk;
  if (fe.fracDigits !== fa.fracDigits || fe.hasDot !== fa.hasDot || (fe.exp === null) !== (fa.exp === null)) return false;
  const unit = 10 ** -fe.fracDigits * 10 ** (fe.exp ?? 0);
  return diff <= unit * (1 + 1e-9) || relativeOk;
}

/** A line as a student reads it: without its newline, unless the newline is the difference. */
function shown(line: string, other: string | null): string {
  const bare = line.endsWith('\n') ? line.slice(0, -1) : line;
  const otherBare = other?.endsWith('\n') ? other.slice(0, -1) : other;
  return JSON.stringify(bare === otherBare ? line : bare);
}

export function stdoutMessage(d: StdoutDifference): string {
  if (d.actual === null) return `your output ends before line ${d.line}; expected ${shown(d.expected as string, null)} there`;
  if (d.expected === null) return `your output has more lines than expected, from line ${d.line}: ${shown(d.actual, null)}`;
  return `your output differs at line ${d.line}: ${shown(d.actual, d.expected)}, expected ${shown(d.expected, d.actual)}`;
}
