import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandomModule } from '../../src/python/modules/random.js';
import { PyFloat, PyList, pyTypeOf, type Kwargs, type PyValue } from '../../src/python/values.js';
import { PyError } from '../../src/tensor/errors.js';

type Row = Record<string, any>;
const fixture = JSON.parse(readFileSync(new URL('./fixtures/random.json', import.meta.url), 'utf8')) as {
  seeds: Row[];
  extra: Record<string, number[]>;
  errors: Record<string, { error: [string, string] }>;
};

type Fn = (args: PyValue[], kwargs: Kwargs | null) => PyValue;
const kw = (o: Record<string, PyValue>): Kwargs => new Map(Object.entries(o));
const f = (x: number) => new PyFloat(x);
const range = (n: number) => new PyList(Array.from({ length: n }, (_, i) => i));

/** Python values back to what the fixture holds: floats as numbers, big ints as strings. */
function plain(v: PyValue): unknown {
  if (v instanceof PyFloat) return v.v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof PyList) return v.items.map(plain);
  return v;
}

function seeded(seed: PyValue) {
  const m = createRandomModule();
  const call = (name: string, args: PyValue[] = [], kwargs: Kwargs | null = null) => plain((m[name] as Fn)(args, kwargs));
  call('seed', [seed]);
  return call;
}

const times = <T>(n: number, g: () => T) => Array.from({ length: n }, g);

describe('random module against CPython 3.11', () => {
  for (const row of fixture.seeds) {
    it(`reproduces the sequences of seed(${row.seed})`, () => {
      const big = BigInt(row.seed);
      const call = seeded(Number.isSafeInteger(Number(big)) ? Number(big) : big);
      expect(times(20, () => call('random'))).toEqual(row.random);
      expect(times(20, () => call('randint', [1, 100]))).toEqual(row.randint);
      const letters = new PyList(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
      expect(times(10, () => call('choice', [letters]))).toEqual(row.choice);
      const xs = range(10);
      call('shuffle', [xs]);
      expect(plain(xs)).toEqual(row.shuffle);
      expect(times(10, () => call('gauss', [0, 1]))).toEqual(row.gauss);
      expect(times(3, () => call('gauss', [f(5), f(2)]))).toEqual(row.gauss_mu);
      expect(times(5, () => call('normalvariate', [f(1), f(0.5)]))).toEqual(row.normalvariate);
      expect(times(5, () => call('uniform', [-2, 3]))).toEqual(row.uniform);
      expect([
        call('randrange', [10]),
        call('randrange', [5, 50]),
        call('randrange', [0, 100, 7]),
        call('randrange', [50, 0, -3]),
        call('randrange', [2n ** 70n]),
        call('randrange', [2 ** 40]),
        call('randrange', [-10, 10]),
        call('randrange', [-(2n ** 60n), 2n ** 60n]),
      ]).toEqual(row.randrange);
      expect([0, 1, 8, 31, 32, 33, 53, 64, 100].map((k) => call('getrandbits', [k]))).toEqual(row.getrandbits);
      expect([
        call('sample', [range(100), 5]),
        call('sample', [range(10), 10]),
        call('sample', [range(1000), 8]),
        call('sample', [new PyList(['x', 'y', 'z']), 2]),
      ]).toEqual(row.sample);
      expect([
        call('choices', ['abcde'], kw({ k: 5 })),
        call('choices', [new PyList([1, 2, 3])], kw({ weights: new PyList([1, 0, 3]), k: 6 })),
        call('choices', ['ab'], kw({ cum_weights: new PyList([f(0.2), f(1.0)]), k: 4 })),
      ]).toEqual(row.choices);
      expect(times(3, () => call('expovariate', [f(1.5)]))).toEqual(row.expovariate);
      expect([call('triangular'), call('triangular', [0, 10, 2])]).toEqual(row.triangular);
      expect(call('random')).toEqual(row.after);
    });
  }

  it('seeds from floats and strings as CPython (hash / sha512 version 2)', () => {
    for (const [key, want] of Object.entries(fixture.extra)) {
      if (key === 'reseed_gauss') continue;
      const seed = key.startsWith("'") ? JSON.parse('"' + key.slice(1, -1) + '"') : f(Number(key));
      const call = seeded(seed);
      expect(times(3, () => call('random')), key).toEqual(want);
    }
  });

  it('reseeding drops the cached second gauss value', () => {
    const call = seeded(7);
    call('gauss', [0, 1]);
    call('seed', [7]);
    expect(times(2, () => call('gauss', [0, 1]))).toEqual(fixture.extra.reseed_gauss);
  });

  it('keeps each module instance independent', () => {
    const a = createRandomModule();
    const b = createRandomModule();
    (a.seed as Fn)([1], null);
    (b.seed as Fn)([1], null);
    (a.random as Fn)([], null);
    expect(plain((b.random as Fn)([], null))).toEqual(fixture.seeds.find((r) => r.seed === '1')!.random[0]);
  });

  it('gives random.Random(seed) instances their own generator', () => {
    const m = createRandomModule();
    const rng = (m.Random as Fn)([42], null);
    (m.seed as Fn)([0], null);
    const t = pyTypeOf(rng)!;
    expect(t.name).toBe('Random');
    const method = t.getattr!(rng, 'random');
    const row42 = fixture.seeds.find((r) => r.seed === '42')!;
    const draws = Array.from({ length: 20 }, () => plain(pyTypeOf(method)!.call!(method, [], null)));
    expect(draws).toEqual(row42.random);
    expect(plain((m.random as Fn)([], null))).toEqual(fixture.seeds.find((r) => r.seed === '0')!.random[0]);
    expect(t.getattr!(rng, '__class__')).toBeUndefined();
  });

  it('raises the same errors', () => {
    const m = createRandomModule();
    const calls: Record<string, () => PyValue> = {
      'randrange(0)': () => (m.randrange as Fn)([0], null),
      'randrange(5, 5)': () => (m.randrange as Fn)([5, 5], null),
      'randrange(0, 10, 0)': () => (m.randrange as Fn)([0, 10, 0], null),
      'randrange(10, 0, 2)': () => (m.randrange as Fn)([10, 0, 2], null),
      'randrange(2.5)': () => (m.randrange as Fn)([f(2.5)], null),
      'randint(1)': () => (m.randint as Fn)([1], null),
      'choice([])': () => (m.choice as Fn)([new PyList([])], null),
      'sample(range(3), 5)': () => (m.sample as Fn)([range(3), 5], null),
      'getrandbits(-1)': () => (m.getrandbits as Fn)([-1], null),
      'random(1)': () => (m.random as Fn)([1], null),
      'seed([1])': () => (m.seed as Fn)([new PyList([1])], null),
      'choices([1, 2], [1])': () => (m.choices as Fn)([new PyList([1, 2]), new PyList([1])], null),
      'expovariate(0)': () => (m.expovariate as Fn)([0], null),
    };
    for (const [key, { error }] of Object.entries(fixture.errors)) {
      let got: unknown = 'no error';
      try {
        calls[key]();
      } catch (e) {
        got = e instanceof PyError ? [e.pyType, e.message] : e;
      }
      expect(got, key).toEqual(error);
    }
  });
});
