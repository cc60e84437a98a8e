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
