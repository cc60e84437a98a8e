/**
 * List/set/dict comprehensions (run eagerly in their own frame) and generator
 * expressions (a lazy JS generator over their own frame). As in Python 3, the first
 * iterable is evaluated in the enclosing scope and the loop variables do not leak.
 */
import { dictSet, setAdd } from './collection-methods.js';
import { stepLimitExceeded } from './call.js';
import type { Compiler, Ev, Frame, Store } from './compiler.js';
import { Cell, PyDict, PyIterator, PySet } from './objects.js';
import { iterate, truthy } from './ops.js';
import type { Scope } from './scope.js';
import { state } from './state.js';
import { PyList, type PyValue } from './values.js';

type Node = any;

interface Level {
  iter: Ev | null; // null for the first level (its iterator is passed in)
  store: Store;
  ifs: Ev[];
}

export function compileComprehension(c: Compiler, node: Node, sc: Scope): Ev {
  const cs = c.scopeOf(node);
  const first = c.expr(node.generators[0].iter, sc);
  const levels: Level[] = node.generators.map((g: Node, i: number) => ({
    iter: i === 0 ? null : c.expr(g.iter, cs),
    store: c.target(g.target, cs),
    ifs: g.ifs.map((x: Node) => c.expr(x, cs)),
  }));
  const sources = c.closureSources(cs, sc);
  const freeSlots = cs.frees.map((n) => cs.slots.get(n)!);
  const cellSlots = [...cs.cells].map((n) => cs.slots.get(n)!);
  const nslots = cs.nslots;
  const frame = (f: Frame): Frame => {
    const cf: Frame = new Array(nslots);
    for (const s of cellSlots) cf[s] = new Cell('');
    for (let i = 0; i < freeSlots.length; i++) cf[freeSlots[i]] = f[sources[i]];
    return cf;
  };

  if (node.nodeType === 'GeneratorExp') {
    const elt = c.expr(node.elt, cs);
    return (f) => {
      const it = iterate(first(f));
      const cf = frame(f);
      return new PyIterator(generate(levels, 0, it, cf, elt), 'generator', '<genexpr>');
    };
  }

  let emit: (cf: Frame, out: any) => void;
  let make: () => any;
  let wrap: (out: any) => PyValue;
  if (node.nodeType === 'ListComp') {
    const elt = c.expr(node.elt, cs);
    make = () => [];
    emit = (cf, out: PyValue[]) => out.push(elt(cf));
    wrap = (out) => new PyList(out);
  } else if (node.nodeType === 'SetComp') {
    const elt = c.expr(node.elt, cs);
    make = () => new PySet();
    emit = (cf, out: PySet) => setAdd(out, elt(cf));
    wrap = (out) => out;
  } else {
    const key = c.expr(node.key, cs);
    const value = c.expr(node.value, cs);
    make = () => new PyDict();
    emit = (cf, out: PyDict) => {
      const k = key(cf);
      dictSet(out, k, value(cf));
    };
    wrap = (out) => out;
  }
  const run = (depth: number, it: Iterator<PyValue>, cf: Frame, out: any): void => {
    const lv = levels[depth];
    const last = depth === levels.length - 1;
    for (let r = it.next(); !r.done; r = it.next()) {
      if (++state.steps > state.maxSteps) stepLimitExceeded();
      lv.store(cf, r.value);
      if (!passes(lv, cf)) continue;
      if (last) emit(cf, out);
      else run(depth + 1, iterate(levels[depth + 1].iter!(cf)), cf, out);
    }
  };
  return (f) => {
    const it = iterate(first(f));
    const cf = frame(f);
    const out = make();
    run(0, it, cf, out);
    return wrap(out);
  };
}

/** Whether the current item passes every `if` of its comprehension level. */
function passes(lv: Level, cf: Frame): boolean {
  for (let i = 0; i < lv.ifs.length; i++) if (!truthy(lv.ifs[i](cf))) return false;
  return true;
}

function* generate(levels: Level[], depth: number, it: Iterator<PyValue>, cf: Frame, elt: Ev): Generator<PyValue> {
  const lv = levels[depth];
  const last = depth === levels.length - 1;
  for (let r = it.next(); !r.done; r = it.next()) {
    if (++state.steps > state.maxSteps) stepLimitExceeded();
    lv.store(cf, r.value);
    if (!passes(lv, cf)) continue;
    if (last) yield elt(cf);
    else yield* generate(levels, depth + 1, iterate(levels[depth + 1].iter!(cf)), cf, elt);
  }
}
