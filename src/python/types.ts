/**
 * Builtin classes (int, str, list, ..., the exception hierarchy) and `type(x)` / the
 * type name used in error messages.
 */
import {
  BoundMethod,
  BuiltinFunction,
  PyClass,
  PyDict,
  PyFunction,
  PyInstance,
  PyIterator,
  PyModule,
  PyRange,
  PySet,
  PySlice,
} from './objects.js';
import { PY_TYPE, PyFloat, PyList, PyTuple, type PyType, type PyValue } from './values.js';

function builtin(name: string, bases: PyClass[]): PyClass {
  const c = new PyClass(name, bases);
  c.module = 'builtins';
  return c;
}

export const objectClass = builtin('object', []);
export const typeClass = builtin('type', [objectClass]);
export const intClass = builtin('int', [objectClass]);
export const boolClass = builtin('bool', [intClass]);
export const floatClass = builtin('float', [objectClass]);
export const strClass = builtin('str', [objectClass]);
export const listClass = builtin('list', [objectClass]);
export const tupleClass = builtin('tuple', [objectClass]);
export const dictClass = builtin('dict', [objectClass]);
export const setClass = builtin('set', [objectClass]);
export const frozensetClass = builtin('frozenset', [objectClass]);
export const noneClass = builtin('NoneType', [objectClass]);
export const rangeClass = builtin('range', [objectClass]);
export const sliceClass = builtin('slice', [objectClass]);
export const functionClass = builtin('function', [objectClass]);
export const builtinFunctionClass = builtin('builtin_function_or_method', [objectClass]);
export const methodClass = builtin('method', [objectClass]);
export const moduleClass = builtin('module', [objectClass]);

/** Exception classes by name; the hierarchy of CPython 3.11 for the ones programs meet. */
export const exceptionClasses = new Map<string, PyClass>();
function exc(name: string, base: PyClass | null): PyClass {
  const c = builtin(name, [base ?? objectClass]);
  c.isException = true;
  exceptionClasses.set(name, c);
  return c;
}
export const baseException = exc('BaseException', null);
export const exceptionClass = exc('Exception', baseException);
exc('SystemExit', baseException);
exc('KeyboardInterrupt', baseException);
exc('GeneratorExit', baseException);
const arithmetic = exc('ArithmeticError', exceptionClass);
exc('ZeroDivisionError', arithmetic);
exc('OverflowError', arithmetic);
exc('FloatingPointError', arithmetic);
exc('AssertionError', exceptionClass);
exc('AttributeError', exceptionClass);
exc('BufferError', exceptionClass);
exc('EOFError', exceptionClass);
const importError = exc('ImportError', exceptionClass);
exc('ModuleNotFoundError', importError);
const lookup = exc('LookupError', exceptionClass);
exc('IndexError', lookup);
exc('KeyError', lookup);
exc('MemoryError', exceptionClass);
const nameError = exc('NameError', exceptionClass);
exc('UnboundLocalError', nameError);
const osError = exc('OSError', exceptionClass);
exc('TimeoutError', osError);
exc('FileNotFoundError', osError);
const runtime = exc('RuntimeError', exceptionClass);
exc('NotImplementedError', runtime);
exc('RecursionError', runtime);
// torch.linalg.LinAlgError: PyTorch 1.13 defines it in C++ as torch._C._LinAlgError
exc('_LinAlgError', runtime).module = 'torch._C';
exc('StopIteration', exceptionClass);
const syntax = exc('SyntaxError', exceptionClass);
exc('IndentationError', syntax);
exc('SystemError', exceptionClass);
exc('TypeError', exceptionClass);
const valueError = exc('ValueError', exceptionClass);
exc('UnicodeError', valueError);
const warning = exc('Warning', exceptionClass);
exc('UserWarning', warning);
exc('DeprecationWarning', warning);
exc('RuntimeWarning', warning);

export function excClass(name: string): PyClass {
  const c = exceptionClasses.get(name);
  if (c) return c;
  // Host code may raise a type we do not list (e.g. torch's own): make it an Exception.
  const made = exc(name, exceptionClass);
  return made;
}

const hostClasses = new WeakMap<PyType, PyClass>();

/** `type(x)`: the class object of any value. */
const iteratorClasses = new Map<string, PyClass>();
/** The class of an iterator kind (generator, list_iterator, ...), made once per name. */
function iteratorClass(name: string): PyClass {
  let c = iteratorClasses.get(name);
  if (!c) {
    c = new PyClass(name, [objectClass]);
    iteratorClasses.set(name, c);
  }
  return c;
}

export function classOf(v: PyValue): PyValue {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return intClass;
    case 'string':
      return strClass;
    case 'boolean':
      return boolClass;
    case 'function':
      return builtinFunctionClass;
  }
  if (v === null) return noneClass;
  if (v instanceof PyFloat) return floatClass;
  if (v instanceof PyList) return listClass;
  if (v instanceof PyTuple) return tupleClass;
  if (v instanceof PyInstance) return v.cls;
  if (v instanceof PyDict) return dictClass;
  if (v instanceof PySet) return v.frozen ? frozensetClass : setClass;
  if (v instanceof PyClass) return typeClass;
  if (v instanceof PyFunction) return functionClass;
  if (v instanceof BuiltinFunction) return builtinFunctionClass;
  if (v instanceof BoundMethod) return methodClass;
  if (v instanceof PyRange) return rangeClass;
  if (v instanceof PySlice) return sliceClass;
  if (v instanceof PyModule) return moduleClass;
  if (v instanceof PyIterator) return iteratorClass(v.typeName);
  const t: PyType | undefined = (v as any)?.[PY_TYPE];
  if (!t) return objectClass;
  if (t.pyClass !== undefined) return t.pyClass;
  let c = hostClasses.get(t);
  if (!c) {
    c = new PyClass(t.name, [objectClass]);
    c.module = t.module ?? 'builtins';
    hostClasses.set(t, c);
  }
  return c;
}

/** `type(x).__name__`, as error messages print it. */
export function typeName(v: PyValue): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'builtin_function_or_method';
  }
  if (v === null) return 'NoneType';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof PyList) return 'list';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof PyInstance) return v.cls.name;
  if (v instanceof PySet) return v.frozen ? 'frozenset' : 'set';
  if (v instanceof PyIterator) return v.typeName;
  const t: PyType | undefined = (v as any)?.[PY_TYPE];
  return t ? t.name : 'object';
}

/** isinstance(v, cls) for one class object. */
export function isInstanceOf(v: PyValue, cls: PyValue): boolean {
  const c = classOf(v);
  if (c === cls) return true;
  if (c instanceof PyClass && cls instanceof PyClass) return c.isSubclassOf(cls);
  return false;
}
