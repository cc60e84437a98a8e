/**
 * Methods of list, tuple, dict and set; dict views; sorting with Python's ordering.
 */
import { callValue } from './call.js';
import { pyErr, typeErr, valueErr } from './exceptions.js';
import { asIndex } from './items.js';
import { PyDict, PySet } from './objects.js';
import { compare, hashKey, iterate, keyError, pyEq, toArray, truthy } from './ops.js';
import type { Method } from './str-methods.js';
import { pyRepr } from './text.js';
import { typeName } from './types.js';
import { definePyType, PyList, PyTuple, type Kwargs, type PyValue } from './values.js';

/** dict_keys / dict_values / dict_items: live views over a dict. */
export class PyDictView {
  constructor(
    readonly dict: PyDict,
    readonly kind: 'keys' | 'values' | 'items',
  ) {}
  *[Symbol.iterator](): Iterator<PyValue> {
    for (const e of this.dict.map.values())
      yield this.kind === 'keys' ? e.k : this.kind === 'values' ? e.v : new PyTuple([e.k, e.v]);
  }
}
definePyType<PyDictView>(PyDictView, {
  name: 'dict_keys',
  iter: (v) => v[Symbol.iterator](),
  len: (v) => v.dict.map.size,
  contains: (v, item) => {
    if (v.kind === 'keys') return v.dict.map.has(hashKey(item));
    for (const x of v) if (pyEq(x, item)) return true;
    return false;
  },
  repr: (v) => `dict_${v.kind}([${[...v].map(pyRepr).join(', ')}])`,
});

function index(v: PyValue): number {
  const i = asIndex(v);
  if (i === undefined) throw typeErr(`'${typeName(v)}' object cannot be interpreted as an integer`);
  return i;
}

/** Python's sort: stable, by `<`, optional key and reverse. */
export function sortValues(items: PyValue[], key: PyValue, reverse: boolean): PyValue[] {
  const keys = key === null || key === undefined ? items : items.map((x) => callValue(key, [x], null));
  const idx = items.map((_, i) => i);
  let cmp: (a: number, b: number) => number;
  if (keys.every((k) => typeof k === 'number')) {
    const ks = keys as number[];
    cmp = (a, b) => ks[a] - ks[b];
  } else if (keys.every((k) => typeof k === 'string')) {
    const ks = keys as string[];
    cmp = (a, b) => (ks[a] < ks[b] ? -1 : ks[a] > ks[b] ? 1 : 0);
  } else {
    cmp = (a, b) => (truthy(compare('<', keys[a], keys[b])) ? -1 : truthy(compare('<', keys[b], keys[a])) ? 1 : 0);
  }
  // reverse keeps stability as in CPython: equal elements keep their original order.
  idx.sort(reverse ? (a, b) => cmp(b, a) || a - b : (a, b) => cmp(a, b) || a - b);
  return idx.map((i) => items[i]);
}

function sortArgs(name: string, args: PyValue[], kwargs: Kwargs | null): [PyValue, boolean] {
  if (args.length > 0) throw typeErr(`${name}() takes no positional arguments`);
  let key: PyValue = null;
  let reverse = false;
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k === 'key') key = v;
      else if (k === 'reverse') reverse = truthy(v);
      else throw typeErr(`'${k}' is an invalid keyword argument for ${name}()`);
    }
  }
  return [key, reverse];
}

function findIndex(items: readonly PyValue[], x: PyValue, args: PyValue[]): number {
  const n = items.length;
  let a = args[1] === undefined ? 0 : index(args[1]);
  let b = args[2] === undefined ? n : index(args[2]);
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  for (let i = a; i < Math.min(b, n); i++) if (pyEq(items[i], x)) return i;
  return -1;
}

export const listMethods = new Map<string, Method>([
  [
    'append',
    (l: PyList, a) => {
      if (a.length !== 1) throw typeErr(`list.append() takes exactly one argument (${a.length} given)`);
      l.items.push(a[0]);
      return null;
    },
  ],
  [
    'extend',
    (l: PyList, a) => {
      const more = toArray(a[0]);
      for (const x of more) l.items.push(x);
      return null;
    },
  ],
  [
    'insert',
    (l: PyList, a) => {
      const n = l.items.length;
      let i = index(a[0]);
      if (i < 0) i = Math.max(0, i + n);
      l.items.splice(Math.min(i, n), 0, a[1]);
      return null;
    },
  ],
  [
    'pop',
    (l: PyList, a) => {
      const n = l.items.length;
      if (n === 0) throw pyErr('IndexError', 'pop from empty list');
      let i = a.length ? index(a[0]) : n - 1;
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw pyErr('IndexError', 'pop index out of range');
      return l.items.splice(i, 1)[0];
    },
  ],
  [
    'remove',
    (l: PyList, a) => {
      const i = findIndex(l.items, a[0], []);
      if (i < 0) throw valueErr('list.remove(x): x not in list');
      l.items.splice(i, 1);
      return null;
    },
  ],
  [
    'index',
    (l: PyList, a) => {
      const i = findIndex(l.items, a[0], a);
      if (i < 0) throw valueErr(`${pyRepr(a[0])} is not in list`);
      return i;
    },
  ],
  ['count', (l: PyList, a) => l.items.filter((x) => pyEq(x, a[0])).length],
  [
    'sort',
    (l: PyList, a, k) => {
      const [key, reverse] = sortArgs('sort', a, k);
      l.items = sortValues(l.items, key, reverse);
      return null;
    },
  ],
  [
    'reverse',
    (l: PyList) => {
      l.items.reverse();
      return null;
    },
  ],
  [
    'clear',
    (l: PyList) => {
      l.items = [];
      return null;
    },
  ],
  ['copy', (l: PyList) => new PyList(l.items.slice())],
]);

export const tupleMethods = new Map<string, Method>([
  [
    'index',
    (t: PyTuple, a) => {
      const i = findIndex(t.items, a[0], a);
      if (i < 0) throw valueErr('tuple.index(x): x not in tuple');
      return i;
    },
  ],
  ['count', (t: PyTuple, a) => t.items.filter((x) => pyEq(x, a[0])).length],
]);

export function dictSet(d: PyDict, key: PyValue, value: PyValue): void {
  const k = hashKey(key);
  const e = d.map.get(k);
  if (e) e.v = value;
  else d.map.set(k, { k: key, v: value });
}

/** dict.update / dict(...) argument handling: a mapping, or an iterable of pairs. */
export function dictUpdate(d: PyDict, src: PyValue, kwargs: Kwargs | null): void {
  if (src instanceof PyDict) {
    for (const e of src.map.values()) dictSet(d, e.k, e.v);
  } else if (src !== undefined) {
    let i = 0;
    const it = iterate(src);
    for (let r = it.next(); !r.done; r = it.next(), i++) {
      const pair = toArray(r.value);
      if (pair.length !== 2)
        throw valueErr(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
      dictSet(d, pair[0], pair[1]);
    }
  }
  if (kwargs) for (const [k, v] of kwargs) dictSet(d, k, v);
}

export const dictMethods = new Map<string, Method>([
  ['keys', (d: PyDict) => new PyDictView(d, 'keys')],
  ['values', (d: PyDict) => new PyDictView(d, 'values')],
  ['items', (d: PyDict) => new PyDictView(d, 'items')],
  [
    'get',
    (d: PyDict, a) => {
      const e = d.map.get(hashKey(a[0]));
      return e ? e.v : a.length > 1 ? a[1] : null;
    },
  ],
  [
    'setdefault',
    (d: PyDict, a) => {
      const k = hashKey(a[0]);
      const e = d.map.get(k);
      if (e) return e.v;
      const v = a.length > 1 ? a[1] : null;
      d.map.set(k, { k: a[0], v });
      return v;
    },
  ],
  [
    'pop',
    (d: PyDict, a) => {
      const k = hashKey(a[0]);
      const e = d.map.get(k);
      if (e) {
        d.map.delete(k);
        return e.v;
      }
      if (a.length > 1) return a[1];
      throw keyError(a[0]);
    },
  ],
  [
    'popitem',
    (d: PyDict) => {
      if (d.map.size === 0) throw pyErr('KeyError', 'popitem(): dictionary is empty');
      const last = [...d.map.entries()].pop()!;
      d.map.delete(last[0]);
      return new PyTuple([last[1].k, last[1].v]);
    },
  ],
  [
    'update',
    (d: PyDict, a, k) => {
      dictUpdate(d, a[0], k);
      return null;
    },
  ],
  [
    'clear',
    (d: PyDict) => {
      d.map.clear();
      return null;
    },
  ],
  [
    'copy',
    (d: PyDict) => {
      const c = new PyDict();
      for (const [k, e] of d.map) c.map.set(k, { k: e.k, v: e.v });
      return c;
    },
  ],
]);

export function fromkeys(args: PyValue[]): PyDict {
  const d = new PyDict();
  const v = args.length > 1 ? args[1] : null;
  for (const k of toArray(args[0])) dictSet(d, k, v);
  return d;
}

export function setAdd(s: PySet, v: PyValue): void {
  const k = hashKey(v);
  if (!s.map.has(k)) s.map.set(k, v);
}

function setFrom(v: PyValue): PySet {
  if (v instanceof PySet) return v;
  const s = new PySet();
  for (const x of toArray(v)) setAdd(s, x);
  return s;
}

function combine(s: PySet, others: PyValue[], keep: (inAll: boolean[], k: unknown) => boolean, union = false): PySet {
  const sets = others.map(setFrom);
  const out = new PySet(s.frozen);
  if (union) {
    for (const [k, v] of s.map) out.map.set(k, v);
    for (const o of sets) for (const [k, v] of o.map) if (!out.map.has(k)) out.map.set(k, v);
    return out;
  }
  for (const [k, v] of s.map) if (keep(sets.map((o) => o.map.has(k)), k)) out.map.set(k, v);
  return out;
}

function replaceContents(s: PySet, r: PySet): null {
  s.map.clear();
  for (const [k, v] of r.map) s.map.set(k, v);
  return null;
}

export const setMethods = new Map<string, Method>([
  [
    'add',
    (s: PySet, a) => {
      setAdd(s, a[0]);
      return null;
    },
  ],
  [
    'remove',
    (s: PySet, a) => {
      if (!s.map.delete(hashKey(a[0]))) throw keyError(a[0]);
      return null;
    },
  ],
  [
    'discard',
    (s: PySet, a) => {
      s.map.delete(hashKey(a[0]));
      return null;
    },
  ],
  [
    'pop',
    (s: PySet) => {
      const first = s.map.entries().next();
      if (first.done) throw pyErr('KeyError', 'pop from an empty set');
      s.map.delete(first.value[0]);
      return first.value[1];
    },
  ],
  [
    'clear',
    (s: PySet) => {
      s.map.clear();
      return null;
    },
  ],
  ['copy', (s: PySet) => combine(s, [], () => true)],
  [
    'update',
    (s: PySet, a) => {
      for (const o of a) for (const x of toArray(o)) setAdd(s, x);
      return null;
    },
  ],
  ['union', (s: PySet, a) => combine(s, a, () => true, true)],
  ['intersection', (s: PySet, a) => combine(s, a, (inAll) => inAll.every(Boolean))],
  ['difference', (s: PySet, a) => combine(s, a, (inAll) => !inAll.some(Boolean))],
  [
    'symmetric_difference',
    (s: PySet, a) => {
      const o = setFrom(a[0]);
      const out = combine(s, [o], (inAll) => !inAll[0]);
      for (const [k, v] of o.map) if (!s.map.has(k)) out.map.set(k, v);
      return out;
    },
  ],
  ['intersection_update', (s: PySet, a) => replaceContents(s, combine(s, a, (inAll) => inAll.every(Boolean)))],
  ['difference_update', (s: PySet, a) => replaceContents(s, combine(s, a, (inAll) => !inAll.some(Boolean)))],
  ['issubset', (s: PySet, a) => [...s.map.keys()].every((k) => setFrom(a[0]).map.has(k))],
  [
    'issuperset',
    (s: PySet, a) => {
      const o = setFrom(a[0]);
      return [...o.map.keys()].every((k) => s.map.has(k));
    },
  ],
  [
    'isdisjoint',
    (s: PySet, a) => {
      const o = setFrom(a[0]);
      return ![...s.map.keys()].some((k) => o.map.has(k));
    },
  ],
]);

