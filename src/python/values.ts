/**
 * How Python values are represented in JavaScript — the contract between the
 * interpreter (src/python) and everything a program can touch (src/torch, modules).
 *
 *   int   -> number (a safe integer) or bigint (beyond 2**53, exact as in Python)
 *   float -> PyFloat (boxed, so that `2` and `2.0` stay distinct)
 *   bool  -> boolean          None -> null          str -> string
 *   every other value is an object whose prototype carries [PY_TYPE]: a PyType that
 *   says how the interpreter gets its attributes, calls it, adds it, prints it, ...
 *
 * The interpreter only ever reaches a host object through its PyType; there is no
 * path from a program to JavaScript properties (`constructor`, `__proto__`, ...).
 */

export type PyValue = unknown;

export class PyFloat {
  constructor(readonly v: number) {}
}

export const None = null;

/** Returned by binary-operator slots that do not handle the other operand. */
export const NotImplemented: unique symbol = Symbol('NotImplemented');
export type MaybeNotImplemented<T = PyValue> = T | typeof NotImplemented;

/** Keyword arguments in call order. */
export type Kwargs = Map<string, PyValue>;

export type BinOp = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '&' | '|' | '^' | '<<' | '>>';
export type CmpOp = '<' | '<=' | '==' | '!=' | '>' | '>=';
export type UnaryOp = '-' | '+' | '~' | 'abs';

/** The key under which a prototype carries its Python type. */
export const PY_TYPE: unique symbol = Symbol('PyType');

/**
 * A Python type as the interpreter sees it. Every slot is optional; a missing slot
 * behaves as in CPython for a type that does not define it (AttributeError,
 * "'X' object is not callable", "unsupported operand type(s) ...", ...).
 * Slots receive `self` first so that one PyType can serve a whole JS class.
 */
export interface PyType<T = any> {
  /** `type(x).__name__`, used in error messages: 'Tensor', 'module', 'dtype'. */
  readonly name: string;
  /** `type(x).__module__` when it is not builtins (`'torch'` for torch.Tensor). */
  readonly module?: string;
  /** The Python class object for `type(x)` / `isinstance`, when the type has one. */
  pyClass?: PyValue;

  getattr?(self: T, name: string): PyValue | undefined; // undefined -> AttributeError
  setattr?(self: T, name: string, value: PyValue): boolean; // false -> AttributeError
  call?(self: T, args: PyValue[], kwargs: Kwargs | null): PyValue;

  /** `self OP other` (reflected=false) or `other OP self` (reflected=true). */
  binop?(self: T, op: BinOp, other: PyValue, reflected: boolean): MaybeNotImplemented;
  /** `self OP= other`; NotImplemented falls back to binop and rebinding. */
  inplace?(self: T, op: BinOp, other: PyValue): MaybeNotImplemented;
  compare?(self: T, op: CmpOp, other: PyValue): MaybeNotImplemented;
  unary?(self: T, op: UnaryOp): PyValue;

  getitem?(self: T, key: PyValue): PyValue;
  setitem?(self: T, key: PyValue, value: PyValue): void;
  delitem?(self: T, key: PyValue): void;
  contains?(self: T, item: PyValue): boolean;
  len?(self: T): number;
  iter?(self: T): Iterator<PyValue>;

  bool?(self: T): boolean;
  float?(self: T): number;
  int?(self: T): number | bigint;
  index?(self: T): number | bigint;
  hash?(self: T): number | string;

  str?(self: T): string;
  repr?(self: T): string;
  format?(self: T, spec: string): string;

  /** Context manager protocol (`with torch.no_grad():`). exit returns true to swallow. */
  enter?(self: T): PyValue;
  exit?(self: T, error: unknown): boolean;
}

/** Attach a PyType to every instance of a JS class. */
export function definePyType<T>(cls: { prototype: object }, type: PyType<T>): void {
  Object.defineProperty(cls.prototype, PY_TYPE, { value: type, enumerable: false, configurable: true });
}

export function pyTypeOf(value: PyValue): PyType | undefined {
  return value !== null && typeof value === 'object' ? (value as any)[PY_TYPE] : undefined;
}

/** Python containers that host code reads and builds (torch.tensor([[1, 2]]), t.tolist()). */
export class PyList {
  constructor(public items: PyValue[]) {}
}
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/**
 * Services the interpreter offers to host code (calling a Python function given to
 * `register_hook`, printing a value, raising a Python exception). The interpreter
 * installs them with `installHost` before a program runs.
 */
export interface HostServices {
  call(fn: PyValue, args: PyValue[], kwargs?: Kwargs | null): PyValue;
  str(value: PyValue): string;
  repr(value: PyValue): string;
  /** Iterate any Python iterable (list, tuple, range, generator, tensor, ...). */
  iterate(value: PyValue): Iterable<PyValue>;
  /** Build a Python dict from entries (for kwargs-like results). */
  dict(entries: [PyValue, PyValue][]): PyValue;
  /** Report a warning as Python's `warnings.warn` would (category e.g. 'UserWarning'). */
  warn(category: string, message: string): void;
  /** Write text to the program's stdout (print inside a hook, ...). */
  write(text: string): void;
}

let host: HostServices | undefined;
export function installHost(services: HostServices): void {
  host = services;
}
export function hostServices(): HostServices {
  if (!host) throw new Error('no interpreter is running');
  return host;
}

/** `type(v).__name__`, as used in Python's error messages. */
export function pyTypeName(value: PyValue): string {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'str';
  }
  if (value === null) return 'NoneType';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof PyList) return 'list';
  if (value instanceof PyTuple) return 'tuple';
  return pyTypeOf(value)?.name ?? 'object';
}
