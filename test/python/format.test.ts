import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatRepr, formatFloat, formatInt, formatStr, percentFormat, roundFloat } from '../../src/python/format.js';
import { PyFloat, type PyValue } from '../../src/python/values.js';
import { PyError } from '../../src/tensor/errors.js';

type Outcome = { ok: string } | { error: [string, string] };
type Tagged = { bool: boolean } | { int: string } | { float: string } | { none: true } | { str: string };
const fixture = JSON.parse(readFileSync(new URL('./fixtures/format.json', import.meta.url), 'utf8')) as {
  repr: [string, string][];
  float: [string, string, Outcome][];
  int: [string, string, Outcome][];
  str: [string, string, Outcome][];
  percent: [string, Tagged[], Outcome][];
  round: [string, number | null, Outcome][];
};

const parseFloatRepr = (s: string) => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
const parseInt = (s: string): number | bigint => {
  const b = BigInt(s);
  return Number.isSafeInteger(Number(b)) ? Number(b) : b;
};

function run(f: () => string): Outcome {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof PyError) return { error: [e.pyType, e.message] };
    throw e;
  }
}

/** Compare a whole table at once so a failure lists every wrong row. */
function expectTable<R extends unknown[]>(rows: R[], expected: (r: R) => Outcome, actual: (r: R) => Outcome) {
  const wrong = rows
    .map((r) => ({ row: r.slice(0, -1), want: expected(r), got: actual(r) }))
    .filter((x) => JSON.stringify(x.want) !== JSON.stringify(x.got));
  expect(wrong.slice(0, 20)).toEqual([]);
}

describe('floatRepr', () => {
  it('matches CPython repr on recorded values', () => {
    const wrong = fixture.repr.filter(([v, want]) => floatRepr(parseFloatRepr(v)) !== want);
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(fixture.repr.length).toBeGreaterThan(500);
  });
  it('round-trips every double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = floatRepr(x);
        expect(Object.is(Number(s), x)).toBe(true);
        expect(/^-?(\d+\.\d+|\d(\.\d+)?e[+-]\d\d+)$/.test(s)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

/** Round a decimal digit string half to even at `keep` digits (the test's own reference). */
function roundDigitString(digits: string, keep: number): { digits: string; carry: boolean } {
  const head = digits.slice(0, keep).split('').map(Number);
  const rest = digits.slice(keep);
  const first = Number(rest[0] ?? '0');
  const beyond = /[1-9]/.test(rest.slice(1));
  const up = first > 5 || (first === 5 && (beyond || (head.length > 0 && head[head.length - 1] % 2 === 1)));
  if (!up) return { digits: head.join(''), carry: false };
  let i = head.length - 1;
  while (i >= 0 && head[i] === 9) head[i--] = 0;
  if (i < 0) return { digits: '1' + head.join(''), carry: true };
  head[i]++;
  return { digits: head.join(''), carry: false };
}

describe('float rounding fast path', () => {
  // 120 digits go through the exact BigInt expansion; shorter precisions use JS's
  // toExponential/toFixed plus the tie correction. Both must agree.
  const doubles = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }),
    fc.tuple(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), fc.integer({ min: 0, max: 60 })).map(([k, j]) => k / 2 ** j),
  );
  it("'.Ne' agrees with rounding the exact expansion half to even", () => {
    fc.assert(
      fc.property(doubles, fc.integer({ min: 0, max: 20 }), (x, n) => {
        if (x === 0) return;
        const exact = formatFloat(Math.abs(x), '.120e');
        const [mant, exp] = exact.split('e');
        const r = roundDigitString(mant.replace('.', ''), n + 1);
        const digits = r.carry ? r.digits.slice(0, n + 1) : r.digits;
        const e = Number(exp) + (r.carry ? 1 : 0);
        const want = `${digits[0]}${n > 0 ? '.' + digits.slice(1) : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
        expect(formatFloat(Math.abs(x), `.${n}e`)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
  it("'.Nf' agrees with rounding the exact expansion half to even", () => {
    fc.assert(
      fc.property(doubles, fc.integer({ min: 0, max: 20 }), (x, n) => {
        const a = Math.abs(x);
        const exact = formatFloat(a, '.200f');
        const [int, frac] = exact.split('.');
        const r = roundDigitString(int + frac, int.length + n);
        const all = r.digits.padStart(int.length + n + (r.carry ? 1 : 0), '0');
        const cut = all.length - n;
        const want = n > 0 ? `${all.slice(0, cut)}.${all.slice(cut)}` : all;
        expect(formatFloat(a, `.${n}f`)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('format()', () => {
  it('floats match CPython', () => {
    expectTable(fixture.float, (r) => r[2], ([v, spec]) => run(() => formatFloat(parseFloatRepr(v), spec)));
  });
  it('ints match CPython', () => {
    expectTable(fixture.int, (r) => r[2], ([v, spec]) => run(() => formatInt(parseInt(v), spec)));
  });
  it('strs match CPython', () => {
    expectTable(fixture.str, (r) => r[2], ([v, spec]) => run(() => formatStr(v, spec)));
  });
});

describe('roundFloat', () => {
  it('matches CPython round(x) and round(x, n)', () => {
    expectTable(fixture.round, (r) => r[2], ([v, nd]) =>
      run(() => {
        const r = roundFloat(parseFloatRepr(v), nd);
        return r instanceof PyFloat ? floatRepr(r.v) : String(r);
      }),
    );
  });
});

describe('percentFormat', () => {
  const decode = (t: Tagged): PyValue =>
    'bool' in t ? t.bool : 'int' in t ? parseInt(t.int) : 'float' in t ? new PyFloat(parseFloatRepr(t.float)) : 'none' in t ? null : t.str;
  // the interpreter supplies str/repr; these cover the value kinds used in the fixture
  const str = (v: PyValue): string =>
    v === null ? 'None' : typeof v === 'boolean' ? (v ? 'True' : 'False') : v instanceof PyFloat ? floatRepr(v.v) : String(v);
  const repr = (v: PyValue): string => (typeof v === 'string' ? `'${v}'` : str(v));
  it('matches CPython', () => {
    expectTable(fixture.percent, (r) => r[2], ([tpl, args]) => run(() => percentFormat(tpl, args.map(decode), str, repr)));
  });
});
