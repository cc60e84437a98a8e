/**
 * The interpreter's own object kinds (besides the primitives and PyList/PyTuple of
 * values.ts): classes, instances, functions, dicts, sets, ranges, slices, iterators,
 * modules. Each carries a PyType so host code can still reach it through values.ts.
 */
import { definePyType, PY_TYPE, type Kwargs, type PyType, type PyValue } from './values.js';

export type HostFunction = (args: PyValue[], kwargs: Kwargs | null) => PyValue;

/** A variable captured by an inner function (or the global binding of a name). */
export class Cell {
  v: PyValue = undefined;
  /** For globals: when the name was (re)bound, to list globals in dict order. */
  order = 0;
  constructor(readonly name: string) {}
}

/** A Python class: user classes, builtin types (int, str, ...) and exception classes. */
export class PyClass {
  mro: PyClass[];
  qualname: string;
  module = '__main__';
  /** Builtin types: what calling the class does (int('3'), list(x), ...). */
  construct?: (args: PyValue[], kwargs: Kwargs | null) => PyValue;
  isException = false;
  /**
   * Only classes a program defines take new attributes. Builtin and host classes
   * (torch.Tensor, ...) outlive a run in the worker thread, so they are immutable
   * to programs: one program cannot change what the next one sees.
   */
  mutable = false;
  constructor(
    readonly name: string,
    readonly bases: PyClass[],
    readonly dict: Map<string, PyValue> = new Map(),
  ) {
    this.qualname = name;
    this.mro = [this, ...linearize(bases)];
    this.isException = bases.some((b) => b.isException);
  }
  lookup(name: string): PyValue | undefined {
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i].dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  isSubclassOf(other: PyClass): boolean {
    return this.mro.includes(other);
  }
}

/** C3 linearization of the bases' MROs (the class itself is prepended by the caller). */
function linearize(bases: PyClass[]): PyClass[] {
  if (bases.length === 1) return bases[0].mro.slice();
  const seqs = [...bases.map((b) => b.mro.slice()), bases.slice()];
  const out: PyClass[] = [];
  for (;;) {
    const live = seqs.filter((s) => s.length > 0);
    if (live.length === 0) return out;
    const head = live.map((s) => s[0]).find((c) => !live.some((s) => s.indexOf(c) > 0));
    if (!head) throw new Error('Cannot create a consistent method resolution order (MRO)');
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
}

export class PyInstance {
  readonly dict = new Map<string, PyValue>();
  constructor(readonly cls: PyClass) {}
}

/** An exception object. `line` is stamped where it was raised (innermost program frame). */
export class PyExc extends PyInstance {
  args: PyValue[] = [];
  line: number | undefined = undefined;
  col = 0;
  /** Limit errors (step budget, output) that `except` must not swallow. */
  fatal = false;
  /** A JS error that was converted into this exception (for internal-error reports). */
  cause: unknown = undefined;
  /** `raise ... from X` (__cause__) and the exception being handled when this one was raised (__context__). */
  pyCause: PyValue = null;
  pyContext: PyValue = null;
}

/** What the compiler produces for a def/lambda body; shared by every function object made from it. */
export interface FunctionCode {
  name: string;
  qualname: string;
  /** Positional parameter names (posonly + regular), in order. */
  params: string[];
  posonly: number;
  kwonly: string[];
  vararg: string | null;
  kwarg: string | null;
  /** Frame slot of each parameter (params, then vararg, kwonly, kwarg). */
  paramSlots: number[];
  nslots: number;
  /** Slots that hold cells created on entry (locals captured by inner functions). */
  cellSlots: number[];
  /** Slots that receive the function's closure cells, in closure order. */
  freeSlots: number[];
  isGenerator: boolean;
  /**
   * The number of parameters when they are positional only and there are no cells or
   * free variables (the call fast paths apply: arguments go straight to slots 0..arity-1),
   * else -1.
   */
  arity: number;
  /** The statements before a trailing `return <expr>` (all of them when there is none), or null if none. */
  body: ((f: PyValue[]) => number) | null;
  /** The trailing `return <expr>`'s expression (a lambda's body), which calls evaluate directly after body. */
  ret: ((f: PyValue[]) => PyValue) | null;
  /** Line of that `return` statement (a lambda's own line), or -1 if there is none. */
  retLine: number;
  /**
   * When that expression is the whole body (a lambda's, or a def's lone `return <expr>`):
   * its syntax tree, and how its own compiler reads a constant there (from the source it
   * came from). What the numeric loop tier inlines.
   */
  inlinable: { expr: unknown; constant: (node: unknown) => PyValue } | null;
  lineno: number;
}

export class PyFunction {
  /** The class whose body defined this function (for zero-argument super()). */
  ownerClass: PyClass | null = null;
  dict: Map<string, PyValue> | null = null;
  constructor(
    readonly code: FunctionCode,
    readonly defaults: PyValue[],
    readonly kwdefaults: Map<string, PyValue> | null,
    readonly closure: Cell[],
    public name: string,
    public qualname: string,
  ) {}
}

export class BoundMethod {
  constructor(
    readonly self: PyValue,
    readonly fn: PyValue,
  ) {}
}

/** A named builtin (print, len, math.sqrt, list.append bound to a list, ...). */
export class BuiltinFunction {
  /** Bound to the instance when found on a class, as a Python function is (a decorator's wrapper). */
  bindsSelf = false;
  constructor(
    readonly name: string,
    readonly fn: HostFunction,
    /** For methods: `<built-in method append of list object at ...>`. */
    readonly self: PyValue = undefined,
  ) {}
}

export class PyModule {
  readonly dict = new Map<string, PyValue>();
  constructor(readonly name: string) {}
}

export interface DictEntry {
  k: PyValue;
  v: PyValue;
}

/** dict: a JS Map from a normalised key (Python key equality) to the original key and value. */
export class PyDict {
  readonly map = new Map<unknown, DictEntry>();
}

export class PySet {
  readonly map = new Map<unknown, PyValue>();
  constructor(readonly frozen = false) {}
}

/**
 * How many elements range(start, stop, step) has. Dividing doubles is exact up to a span
 * of 2**52 (the quotient's rounding error stays under the 1/|step| that separates it from
 * an integer); beyond, big ints.
 */
function rangeLength(start: number, stop: number, step: number): number {
  const span = step > 0 ? stop - start : start - stop;
  if (span <= 0) return 0;
  if (span <= 2 ** 52) return Math.ceil(span / Math.abs(step));
  const s = BigInt(Math.abs(step));
  const exact = step > 0 ? BigInt(stop) - BigInt(start) : BigInt(start) - BigInt(stop);
  return Number((exact + s - 1n) / s);
}

export class PyRange {
  readonly length: number;
  constructor(
    readonly start: number,
    readonly stop: number,
    readonly step: number,
  ) {
    this.length = rangeLength(start, stop, step);
  }

  /** Element `index`, exactly (`index * step` alone may be past 2**53 when the element is not). */
  at(index: number): number {
    const offset = index * this.step;
    return Number.isSafeInteger(offset) ? this.start + offset : Number(BigInt(this.start) + BigInt(index) * BigInt(this.step));
  }
}

export class PySlice {
  constructor(
    readonly start: PyValue,
    readonly stop: PyValue,
    readonly step: PyValue,
  ) {}
}

/** Any Python iterator: list_iterator, zip, map, enumerate, generator, ... */
export class PyIterator {
  constructor(
    readonly it: Iterator<PyValue>,
    readonly typeName: string,
    /** a generator's function name (`<generator object gen at 0x...>`) */
    readonly name: string | null = null,
  ) {}
  [Symbol.iterator]() {
    return this.it;
  }
}

/** `super()` bound to a class and an instance. */
export class PySuper {
  constructor(
    readonly cls: PyClass,
    readonly self: PyValue,
  ) {}
}

/** staticmethod / classmethod / property wrappers found in class dicts. */
export class PyStaticMethod {
  constructor(readonly fn: PyValue) {}
}
export class PyClassMethod {
  constructor(readonly fn: PyValue) {}
}
export class PyProperty {
  constructor(
    readonly fget: PyValue,
    public fset: PyValue = null,
  ) {}
}

/** The `...` constant. */
export const ELLIPSIS: object = Object.freeze(
  Object.create(null, { [PY_TYPE]: { value: { name: 'ellipsis', repr: () => 'Ellipsis' } } }),
);

const named = (name: string): PyType => ({ name });
definePyType(PyClass, named('type'));
definePyType(PyFunction, named('function'));
definePyType(BoundMethod, named('method'));
definePyType(BuiltinFunction, named('builtin_function_or_method'));
definePyType(PyModule, named('module'));
definePyType(PyDict, named('dict'));
definePyType(PySet, named('set'));
definePyType(PyRange, named('range'));
definePyType(PySlice, named('slice'));
definePyType(PyIterator, named('iterator'));
definePyType(PySuper, named('super'));
definePyType(PyStaticMethod, named('staticmethod'));
definePyType(PyClassMethod, named('classmethod'));
definePyType(PyProperty, named('property'));
