/**
 * Subscripts: x[i], x[a:b:c], x[k] = v, del x[k] on every kind of value.
 */
import { callValue } from './call.js';
import { pyErr, typeErr, valueErr } from './exceptions.js';
import { PyClass, PyDict, PyInstance, PyRange, PySlice } from './objects.js';
import { hashKey, keyError, slots, toArray } from './ops.js';
import { typeName } from './types.js';
import { PyFloat, PyList, PyTuple, type PyValue } from './values.js';

/** An index operand as a JS number, or undefined when it is not an integer. */
export function asIndex(v: PyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyInstance) {
    const m = v.cls.lookup('__index__');
    return m === undefined ? undefined : Number(callValue(m, [v], null));
  }
  if (v instanceof PyFloat || v === null || typeof v !== 'object') return undefined;
  const t = slots(v);
  return t?.index ? Number(t.index(v)) : undefined;
}

function sliceIndex(v: PyValue): number | null {
  if (v === null) return null;
  const i = asIndex(v);
  if (i === undefined) throw typeErr('slice indices must be integers or None or have an __index__ method');
  return i;
}

/** PySlice_AdjustIndices: [start, stop, step, length]. */
export function sliceIndices(s: PySlice, len: number): [number, number, number, number] {
  const stepv = sliceIndex(s.step);
  const step = stepv === null ? 1 : stepv;
  if (step === 0) throw valueErr('slice step cannot be zero');
  let start = sliceIndex(s.start);
  let stop = sliceIndex(s.stop);
  if (start === null) start = step < 0 ? len - 1 : 0;
  else {
    if (start < 0) start += len;
    if (start < 0) start = step < 0 ? -1 : 0;
    else if (start >= len) start = step < 0 ? len - 1 : len;
  }
  if (stop === null) stop = step < 0 ? -1 : len;
  else {
    if (stop < 0) stop += len;
    if (stop < 0) stop = step < 0 ? -1 : 0;
    else if (stop >= len) stop = step < 0 ? len - 1 : len;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  return [start, stop, step, n];
}

function sliceArray<T>(items: readonly T[], s: PySlice): T[] {
  const [start, , step, n] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, start + n);
  const out: T[] = new Array(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = items[j];
  return out;
}

function seqIndex(i: number, len: number, what: string): number {
  const k = i < 0 ? i + len : i;
  if (k < 0 || k >= len) throw pyErr('IndexError', `${what} index out of range`);
  return k;
}

export function getItem(obj: PyValue, key: PyValue): PyValue {
  if (obj instanceof PyList) {
    if (typeof key === 'number') {
      const items = obj.items;
      const k = key < 0 ? key + items.length : key;
      if (k >= 0 && k < items.length) return items[k];
      throw pyErr('IndexError', 'list index out of range');
    }
    if (key instanceof PySlice) return new PyList(sliceArray(obj.items, key));
    const i = asIndex(key);
    if (i === undefined) throw typeErr(`list indices must be integers or slices, not ${typeName(key)}`);
    return obj.items[seqIndex(i, obj.items.length, 'list')];
  }
  if (obj instanceof PyDict) {
    const e = obj.map.get(hashKey(key));
    if (e !== undefined) return e.v;
    throw keyError(key);
  }
  if (obj instanceof PyTuple) {
    if (key instanceof PySlice) return new PyTuple(sliceArray(obj.items, key));
    const i = asIndex(key);
    if (i === undefined) throw typeErr(`tuple indices must be integers or slices, not ${typeName(key)}`);
    return obj.items[seqIndex(i, obj.items.length, 'tuple')];
  }
  if (typeof obj === 'string') {
    if (key instanceof PySlice) {
      const [start, , step, n] = sliceIndices(key, obj.length);
      if (step === 1) return obj.slice(start, start + n);
      let out = '';
      for (let i = 0, j = start; i < n; i++, j += step) out += obj[j];
      return out;
    }
    const i = asIndex(key);
    if (i === undefined) throw typeErr(`string indices must be integers, not '${typeName(key)}'`);
    return obj[seqIndex(i, obj.length, 'string')];
  }
  if (obj instanceof PyRange) {
    if (key instanceof PySlice) {
      // as CPython: the elements at the slice's start and stop indices, exactly
      const [start, stop, step] = sliceIndices(key, obj.length);
      return new PyRange(obj.at(start), obj.at(stop), obj.step * step);
    }
    const i = asIndex(key);
    if (i === undefined) throw typeErr(`range indices must be integers or slices, not ${typeName(key)}`);
    return obj.at(seqIndex(i, obj.length, 'range object'));
  }
  if (obj instanceof PyInstance) {
    const m = obj.cls.lookup('__getitem__');
    if (m !== undefined) return callValue(m, [obj, key], null);
  } else if (obj instanceof PyClass) {
    throw typeErr(`type '${obj.name}' is not subscriptable`);
  } else {
    const t = slots(obj);
    if (t?.getitem) return t.getitem(obj, key);
  }
  throw typeErr(`'${typeName(obj)}' object is not subscriptable`);
}

export function setItem(obj: PyValue, key: PyValue, value: PyValue): void {
  if (obj instanceof PyList) {
    const items = obj.items;
    if (typeof key === 'number') {
      const k = key < 0 ? key + items.length : key;
      if (k >= 0 && k < items.length) {
        items[k] = value;
        return;
      }
      throw pyErr('IndexError', 'list assignment index out of range');
    }
    if (key instanceof PySlice) {
      const vals = toArray(value);
      const [start, stop, step, n] = sliceIndices(key, items.length);
      if (step === 1) {
        items.splice(start, Math.max(0, stop - start), ...vals);
        return;
      }
      if (vals.length !== n)
        throw valueErr(`attempt to assign sequence of size ${vals.length} to extended slice of size ${n}`);
      for (let i = 0, j = start; i < n; i++, j += step) items[j] = vals[i];
      return;
    }
    const i = asIndex(key);
    if (i === undefined) throw typeErr(`list indices must be integers or slices, not ${typeName(key)}`);
    items[seqIndex(i, items.length, 'list assignment')] = value;
    return;
  }
  if (obj instanceof PyDict) {
    const k = hashKey(key);
    const e = obj.map.get(k);
    if (e !== undefined) e.v = value;
    else obj.map.set(k, { k: key, v: value });
    return;
  }
  if (obj instanceof PyInstance) {
    const m = obj.cls.lookup('__setitem__');
    if (m !== undefined) {
      callValue(m, [obj, key, value], null);
      return;
    }
  } else if (typeof obj === 'object' && obj !== null && !(obj instanceof PyTuple)) {
    const t = slots(obj);
    if (t?.setitem) {
      t.setitem(obj, key, value);
      return;
    }
  }
  throw typeErr(`'${typeName(obj)}' object does not support item assignment`);
}

export function delItem(obj: PyValue, key: PyValue): void {
  if (obj instanceof PyList) {
    const items = obj.items;
    if (key instanceof PySlice) {
      const [start, , step, n] = sliceIndices(key, items.length);
      if (step === 1) items.splice(start, n);
      else {
        const drop = new Set<number>();
        for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
        obj.items = items.filter((_, i) => !drop.has(i));
      }
      return;
    }
    const i = asIndex(key);
    if (i === undefined) throw typeErr(`list indices must be integers or slices, not ${typeName(key)}`);
    items.splice(seqIndex(i, items.length, 'list assignment'), 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!obj.map.delete(hashKey(key))) throw keyError(key);
    return;
  }
  if (obj instanceof PyInstance) {
    const m = obj.cls.lookup('__delitem__');
    if (m !== undefined) {
      callValue(m, [obj, key], null);
      return;
    }
  } else if (typeof obj === 'object' && obj !== null) {
    const t = slots(obj);
    if (t?.delitem) {
      t.delitem(obj, key);
      return;
    }
  }
  throw typeErr(`'${typeName(obj)}' object doesn't support item deletion`);
}
