/**
 * The parts of `functools` and `itertools` student programs use, with CPython's results
 * and messages: reduce, partial, lru_cache/cache (a real cache: memoised recursion must
 * stay fast), wraps; product, permutations, combinations, chain, islice, count, repeat,
 * accumulate, zip_longest, cycle, starmap.
 */
import { callValue, stepLimitExceeded } from '../call.js';
import { typeErr, valueErr } from '../exceptions.js';
import { add, hashKey, iterate, toArray } from '../ops.js';
import { BuiltinFunction, PyIterator } from '../objects.js';
import { state } from '../state.js';
import { typeName } from '../types.js';
import { PyTuple, type Kwargs, type PyValue } from '../values.js';

const call = (fn: PyValue, args: PyValue[], kwargs: Kwargs | null = null): PyValue => callValue(fn, args, kwargs);

function reduce(args: PyValue[]): PyValue {
  if (args.length < 2) throw typeErr(`reduce expected at least 2 arguments, got ${args.length}`);
  const it = iterate(args[1]);
  let acc: PyValue;
  if (args.length > 2) acc = args[2];
  else {
    const first = it.next();
    if (first.done) throw typeErr('reduce() of empty iterable with no initial value');
    acc = first.value;
  }
  for (let r = it.next(); !r.done; r = it.next()) acc = call(args[0], [acc, r.value]);
  return acc;
}

function partial(args: PyValue[], kwargs: Kwargs | null): PyValue {
  if (args.length === 0) throw typeErr("partial() missing required argument 'func'");
  const [fn, ...bound] = args;
  return new BuiltinFunction('partial', (a, k) => {
    const merged = kwargs === null ? k : k === null ? kwargs : new Map([...kwargs, ...k]);
    return call(fn, [...bound, ...a], merged);
  });
}

/** lru_cache / cache: results kept per argument tuple (hashable arguments, as CPython requires). */
function memoise(fn: PyValue): BuiltinFunction {
  const cache = new Map<unknown, PyValue>();
  const wrapper = new BuiltinFunction('_lru_cache_wrapper', (a, k) => {
    const key = hashKey(new PyTuple(k === null ? a : [...a, ...[...k].flat()]));
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const v = call(fn, a, k);
    cache.set(key, v);
    return v;
  });
  wrapper.bindsSelf = true;
  return wrapper;
}

function lruCache(args: PyValue[], kwargs: Kwargs | null): PyValue {
  // @lru_cache (the function itself) or @lru_cache(maxsize=...) (a decorator)
  const f = args[0];
  if (f !== undefined && f !== null && typeof f !== 'number') return memoise(f);
  void kwargs;
  return new BuiltinFunction('decorating_function', (a) => memoise(a[0]));
}

export const functoolsModule: Record<string, PyValue> = {
  reduce: new BuiltinFunction('reduce', reduce),
  partial: new BuiltinFunction('partial', partial),
  lru_cache: new BuiltinFunction('lru_cache', lruCache),
  cache: new BuiltinFunction('cache', (a) => memoise(a[0])),
  // the wrapper is returned as it is (its __name__ is not copied)
  wraps: new BuiltinFunction('wraps', () => new BuiltinFunction('update_wrapper', (a) => a[0])),
};

// ---- itertools -------------------------------------------------------------------

const counted = (g: Iterator<PyValue>): Iterator<PyValue> => ({
  next() {
    if (++state.steps > state.maxSteps) stepLimitExceeded();
    return g.next();
  },
});
const itertoolsIter = (name: string, g: Iterator<PyValue>): PyIterator => new PyIterator(counted(g), `itertools.${name}`);

function* product(pools: PyValue[][], repeat: number): Generator<PyValue> {
  const all: PyValue[][] = [];
  for (let r = 0; r < repeat; r++) all.push(...pools);
  const idx = all.map(() => 0);
  if (all.some((p) => p.length === 0)) return;
  for (;;) {
    yield new PyTuple(idx.map((i, k) => all[k][i]));
    let k = all.length - 1;
    while (k >= 0 && ++idx[k] === all[k].length) idx[k--] = 0;
    if (k < 0) return;
  }
}

function* combinations(pool: PyValue[], r: number, replacement: boolean): Generator<PyValue> {
  const n = pool.length;
  if (!replacement && r > n) return;
  if (replacement && n === 0 && r > 0) return;
  const idx = replacement ? new Array(r).fill(0) : Array.from({ length: r }, (_, i) => i);
  for (;;) {
    yield new PyTuple(idx.map((i) => pool[i]));
    let i = r - 1;
    while (i >= 0 && idx[i] === (replacement ? n - 1 : i + n - r)) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < r; j++) idx[j] = replacement ? idx[i] : idx[j - 1] + 1;
  }
}

function* permutations(pool: PyValue[], r: number): Generator<PyValue> {
  const n = pool.length;
  if (r > n) return;
  const idx = Array.from({ length: n }, (_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  yield new PyTuple(idx.slice(0, r).map((i) => pool[i]));
  outer: for (;;) {
    for (let i = r - 1; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        idx.push(...idx.splice(i, 1));
        cycles[i] = n - i;
      } else {
        const j = n - cycles[i];
        [idx[i], idx[j]] = [idx[j], idx[i]];
        yield new PyTuple(idx.slice(0, r).map((k) => pool[k]));
        continue outer;
      }
    }
    return;
  }
}

function intArg(v: PyValue, what: string): number {
  if (typeof v !== 'number') throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
  if (v < 0) throw valueErr(`${what} must be non-negative`);
  return v;
}

export const itertoolsModule: Record<string, PyValue> = {
  product: new BuiltinFunction('product', (a, k) => {
    const repeat = k?.get('repeat') ?? 1;
    return itertoolsIter('product', product(a.map(toArray), intArg(repeat, 'repeat argument')));
  }),
  combinations: new BuiltinFunction('combinations', (a) => itertoolsIter('combinations', combinations(toArray(a[0]), intArg(a[1], 'r'), false))),
  combinations_with_replacement: new BuiltinFunction('combinations_with_replacement', (a) =>
    itertoolsIter('combinations_with_replacement', combinations(toArray(a[0]), intArg(a[1], 'r'), true)),
  ),
  permutations: new BuiltinFunction('permutations', (a) => {
    const pool = toArray(a[0]);
    return itertoolsIter('permutations', permutations(pool, a.length > 1 && a[1] !== null ? intArg(a[1], 'r') : pool.length));
  }),
  chain: new BuiltinFunction('chain', (a) =>
    itertoolsIter(
      'chain',
      (function* () {
        for (const src of a) for (let it = iterate(src), r = it.next(); !r.done; r = it.next()) yield r.value;
      })(),
    ),
  ),
  islice: new BuiltinFunction('islice', (a) => {
    const [start, stop, step] =
      a.length === 2 ? [0, a[1], 1] : [a[1] ?? 0, a[2], a.length > 3 && a[3] !== null ? a[3] : 1];
    const it = iterate(a[0]);
    return itertoolsIter(
      'islice',
      (function* () {
        for (let i = 0, next = start as number; stop === null || i < (stop as number); i++) {
          const r = it.next();
          if (r.done) return;
          if (i === next) {
            yield r.value;
            next += step as number;
          }
        }
      })(),
    );
  }),
  count: new BuiltinFunction('count', (a) => {
    const [start, step] = [a[0] ?? 0, a[1] ?? 1];
    return itertoolsIter(
      'count',
      (function* () {
        for (let v: PyValue = start; ; v = add(v, step)) yield v;
      })(),
    );
  }),
  repeat: new BuiltinFunction('repeat', (a) =>
    itertoolsIter(
      'repeat',
      (function* () {
        for (let i = 0; a.length < 2 || i < (a[1] as number); i++) yield a[0];
      })(),
    ),
  ),
  cycle: new BuiltinFunction('cycle', (a) => {
    const items = toArray(a[0]);
    return itertoolsIter(
      'cycle',
      (function* () {
        for (let i = 0; items.length > 0; i = (i + 1) % items.length) yield items[i];
      })(),
    );
  }),
  accumulate: new BuiltinFunction('accumulate', (a, k) => {
    const fn = a[1] ?? k?.get('func') ?? null;
    const initial = k?.get('initial');
    const it = iterate(a[0]);
    return itertoolsIter(
      'accumulate',
      (function* () {
        let acc: PyValue = initial;
        if (acc !== undefined && acc !== null) yield acc;
        for (let r = it.next(); !r.done; r = it.next()) {
          acc = acc === undefined || acc === null ? r.value : fn === null ? add(acc, r.value) : call(fn, [acc, r.value]);
          yield acc;
        }
      })(),
    );
  }),
  zip_longest: new BuiltinFunction('zip_longest', (a, k) => {
    const fill = k?.get('fillvalue') ?? null;
    const its = a.map(iterate);
    return itertoolsIter(
      'zip_longest',
      (function* () {
        for (;;) {
          let live = 0;
          const row = its.map((it) => {
            const r = it.next();
            if (r.done) return fill;
            live++;
            return r.value;
          });
          if (live === 0) return;
          yield new PyTuple(row);
        }
      })(),
    );
  }),
  starmap: new BuiltinFunction('starmap', (a) => {
    const it = iterate(a[1]);
    return itertoolsIter(
      'starmap',
      (function* () {
        for (let r = it.next(); !r.done; r = it.next()) yield call(a[0], toArray(r.value));
      })(),
    );
  }),
};
