/**
 * The module registry. Host areas register importable modules by name; each program
 * run gets fresh module instances (created on first import).
 */
import { lookupAttr } from './attrs.js';
import { pyErr } from './exceptions.js';
import { createRandomModule } from './modules/random.js';
import { mathModule } from './modules/math.js';
import { functoolsModule, itertoolsModule } from './modules/functools.js';
import { BuiltinFunction, PyModule } from './objects.js';
import { PY_TYPE, type PyValue } from './values.js';

/** A record name -> value (JS functions become builtins named by their key), or a PyType object. */
export type ModuleSource = Record<string, PyValue> | object;

const registry = new Map<string, () => ModuleSource>();
let loaded = new Map<string, PyValue>();

export function registerModule(name: string, factory: () => ModuleSource): void {
  registry.set(name, factory);
}

export function isRegistered(name: string): boolean {
  return registry.has(name);
}

/** Forget the previous run's module instances. */
export function resetModules(): void {
  loaded = new Map();
}

function wrap(name: string, src: ModuleSource): PyValue {
  if ((src as any)[PY_TYPE] !== undefined) return src;
  const m = new PyModule(name);
  for (const key of Object.keys(src)) {
    const v = (src as Record<string, PyValue>)[key];
    m.dict.set(key, typeof v === 'function' ? new BuiltinFunction(key, v as any) : v);
  }
  return m;
}

export function importModule(name: string): PyValue {
  const have = loaded.get(name);
  if (have !== undefined) return have;
  const dot = name.lastIndexOf('.');
  const parent = dot > 0 ? importModule(name.slice(0, dot)) : null;
  const factory = registry.get(name);
  if (!factory) {
    const prefix = name.slice(0, dot) + '.';
    if (parent !== null && ![...registry.keys()].some((k) => k.startsWith(prefix)))
      throw pyErr('ModuleNotFoundError', `No module named '${name}'; '${name.slice(0, dot)}' is not a package`);
    const e = pyErr('ModuleNotFoundError', `No module named '${name}'`);
    throw e;
  }
  const m = wrap(name, factory());
  loaded.set(name, m);
  if (parent instanceof PyModule) {
    const attr = name.slice(dot + 1);
    if (!parent.dict.has(attr)) parent.dict.set(attr, m);
  }
  return m;
}

/** `from mod import name` (name '*' gives every public name as a Map). */
export function importFrom(m: PyValue, modName: string, name: string): PyValue {
  if (name === '*') {
    const out = new Map<string, PyValue>();
    if (m instanceof PyModule) for (const [k, v] of m.dict) if (!k.startsWith('_')) out.set(k, v);
    return out;
  }
  const v = lookupAttr(m, name);
  if (v !== undefined) return v;
  const sub = modName + '.' + name;
  if (registry.has(sub)) return importModule(sub);
  throw pyErr('ImportError', `cannot import name '${name}' from '${modName}' (unknown location)`);
}

registerModule('math', () => mathModule);
registerModule('random', () => createRandomModule());
registerModule('functools', () => functoolsModule);
registerModule('itertools', () => itertoolsModule);
