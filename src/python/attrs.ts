/**
 * Attribute access. Everything resolves through the interpreter's own tables (method
 * Maps, instance/class dicts, PyType.getattr): there is no path from a program to a JS
 * property, so `x.constructor`, `x.__proto__`, `().__class__.__bases__` find nothing.
 */
import { dictMethods, dictSet, listMethods, setMethods, tupleMethods } from './collection-methods.js';
import { attrErr, pyErr, typeErr } from './exceptions.js';
import {
  BoundMethod,
  BuiltinFunction,
  PyClass,
  PyClassMethod,
  PyDict,
  PyExc,
  PyFunction,
  PyInstance,
  PyIterator,
  PyModule,
  PyProperty,
  PyRange,
  PySet,
  PySlice,
  PyStaticMethod,
  PySuper,
} from './objects.js';
import { callValue } from './call.js';
import { slots } from './ops.js';
import { strMethods, type Method } from './str-methods.js';
import { numberAttrs } from './number-attrs.js';
import { classOf, typeName, dictClass, listClass, setClass, strClass, tupleClass, intClass, floatClass, objectClass } from './types.js';
import { PyFloat, PyList, PyTuple, type PyValue, hostServices } from './values.js';

/** The method table of a builtin value's type, or undefined. */
export function methodTable(obj: PyValue): Map<string, Method> | undefined {
  if (typeof obj === 'string') return strMethods;
  if (obj instanceof PyList) return listMethods;
  if (obj instanceof PyDict) return dictMethods;
  if (obj instanceof PyTuple) return tupleMethods;
  if (obj instanceof PySet) return setMethods;
  return undefined;
}

const CLASS_TABLES = new Map<PyClass, Map<string, Method>>([
  [strClass, strMethods],
  [listClass, listMethods],
  [dictClass, dictMethods],
  [tupleClass, tupleMethods],
  [setClass, setMethods],
]);

/** A function found on a class, as seen through an instance (bound method, ...). */
function bind(attr: PyValue, self: PyValue, cls: PyClass): PyValue {
  if (attr instanceof PyFunction) return new BoundMethod(self, attr);
  if (attr instanceof BuiltinFunction && attr.bindsSelf) return new BoundMethod(self, attr);
  if (attr instanceof PyStaticMethod) return attr.fn;
  if (attr instanceof PyClassMethod) return new BoundMethod(cls, attr.fn);
  if (attr instanceof PyProperty) return callValue(attr.fget, [self], null);
  return attr;
}

/** `x.__repr__()` / `x.__str__()` of any object that does not define its own. */
function objectDunder(obj: PyValue, name: string): PyValue | undefined {
  if (name === '__class__') return classOf(obj);
  if (name === '__repr__') return new BuiltinFunction('__repr__', () => hostServices().repr(obj));
  if (name === '__str__') return new BuiltinFunction('__str__', () => hostServices().str(obj));
  return undefined;
}

export function lookupAttr(obj: PyValue, name: string): PyValue | undefined {
  // host types with their own getattr (tensors, grad_fn, ...) and modules, the common cases, first
  const t = slots(obj);
  if (t?.getattr !== undefined) {
    const v = t.getattr(obj, name);
    return v !== undefined ? v : objectDunder(obj, name);
  }
  if (obj instanceof PyModule) {
    const v = obj.dict.get(name);
    if (v !== undefined) return v;
    return name === '__name__' ? obj.name : undefined;
  }
  if (obj instanceof PyInstance) {
    const own = obj.dict.get(name);
    if (own !== undefined) return own;
    const c = obj.cls.lookup(name);
    if (c !== undefined) return bind(c, obj, obj.cls);
    if (name === '__class__') return obj.cls;
    if (name === '__dict__') return attributeDict(obj);
    if (obj instanceof PyExc) {
      if (name === 'args') return new PyTuple(obj.args);
      if (name === '__cause__') return obj.pyCause;
      if (name === '__context__') return obj.pyContext;
    }
    const ga = obj.cls.lookup('__getattr__');
    if (ga !== undefined) return callValue(ga, [obj, name], null);
    return undefined;
  }
  const table = methodTable(obj);
  if (table !== undefined) {
    const m = table.get(name);
    if (m !== undefined) return new BuiltinFunction(name, (a, k) => m(obj, a, k), obj);
    return name === '__class__' ? classOf(obj) : undefined;
  }
  if (obj instanceof PyClass) return classAttr(obj, name);
  if (obj instanceof PySuper) {
    const mro = classOf(obj.self) instanceof PyClass ? (classOf(obj.self) as PyClass).mro : [];
    for (let i = mro.indexOf(obj.cls) + 1; i < mro.length; i++) {
      const v = mro[i].dict.get(name);
      if (v !== undefined) return bind(v, obj.self, mro[i]);
    }
    // object.__setattr__ / object.__init__ / BaseException.__init__ of the builtin bases
    if (name === '__setattr__')
      return new BuiltinFunction('__setattr__', (args) => {
        objectSetAttr(obj.self, args[0], args[1]);
        return null;
      });
    if (name === '__init__')
      return new BuiltinFunction('__init__', (args) => {
        if (obj.self instanceof PyExc) obj.self.args = args;
        return null;
      });
    return undefined;
  }
  if (typeof obj === 'number' || typeof obj === 'bigint' || typeof obj === 'boolean' || obj instanceof PyFloat) {
    return numberAttrs(obj, name);
  }
  if (obj instanceof PyIterator) {
    // it.__next__() of any iterator; gen.send(v) resumes a generator with v as its yield's value
    const step = (sent: PyValue) => {
      const r = obj.it.next(sent);
      if (r.done) throw pyErr('StopIteration');
      return r.value;
    };
    if (name === '__next__') return new BuiltinFunction('__next__', () => step(undefined));
    if (name === 'send' && obj.name !== null) return new BuiltinFunction('send', (a) => step(a[0]));
    return objectDunder(obj, name);
  }
  if (obj instanceof PyProperty) {
    // @x.setter / @x.getter make a new property with that accessor replaced
    if (name === 'setter') return new BuiltinFunction('setter', (a) => new PyProperty(obj.fget, a[0] ?? null));
    if (name === 'getter') return new BuiltinFunction('getter', (a) => new PyProperty(a[0] ?? null, obj.fset));
    if (name === 'fget') return obj.fget;
    if (name === 'fset') return obj.fset;
    return undefined;
  }
  if (obj instanceof PyFunction) {
    if (name === '__name__') return obj.name;
    if (name === '__qualname__') return obj.qualname;
    if (name === '__module__') return '__main__';
    if (name === '__doc__') return null;
    if (name === '__class__') return classOf(obj);
    return obj.dict?.get(name);
  }
  if (obj instanceof BuiltinFunction) {
    if (name === '__name__' || name === '__qualname__') return obj.name;
    if (name === '__class__') return classOf(obj);
    return undefined;
  }
  if (typeof obj === 'function') {
    if (name === '__name__' || name === '__qualname__') return obj.name;
    return name === '__class__' ? classOf(obj) : undefined;
  }
  if (obj instanceof BoundMethod) {
    if (name === '__self__') return obj.self;
    if (name === '__func__') return obj.fn;
    if (name === '__name__' && obj.fn instanceof PyFunction) return obj.fn.name;
    return undefined;
  }
  if (obj instanceof PyRange || obj instanceof PySlice) {
    if (name === 'start' || name === 'stop' || name === 'step') return (obj as any)[name];
    return name === '__class__' ? classOf(obj) : undefined;
  }
  return name === '__class__' ? classOf(obj) : undefined;
}

function classAttr(cls: PyClass, name: string): PyValue | undefined {
  const v = cls.lookup(name);
  if (v !== undefined) {
    if (v instanceof PyStaticMethod) return v.fn;
    if (v instanceof PyClassMethod) return new BoundMethod(cls, v.fn);
    return v;
  }
  switch (name) {
    case '__name__':
      return cls.name;
    case '__qualname__':
      return cls.qualname;
    case '__module__':
      return cls.module;
    case '__class__':
      return classOf(cls);
    case '__doc__':
      return null;
  }
  const table = CLASS_TABLES.get(cls);
  const m = table?.get(name);
  if (m !== undefined)
    return new BuiltinFunction(name, (a, k) => {
      if (a.length === 0) throw typeErr(`unbound method ${cls.name}.${name}() needs an argument`);
      return m(a[0], a.slice(1), k);
    });
  if (cls === dictClass && name === 'fromkeys') return classMethodsOfDict.fromkeys;
  if (cls === objectClass && name === '__setattr__')
    return new BuiltinFunction('__setattr__', (a) => {
      if (a.length !== 3) throw typeErr(`expected 3 arguments, got ${a.length}`);
      objectSetAttr(a[0], a[1], a[2]);
      return null;
    });
  if (cls === intClass || cls === floatClass) return undefined;
  return undefined;
}

/** Filled in by builtins.ts (dict.fromkeys needs the dict constructor helpers). */
export const classMethodsOfDict: { fromkeys: PyValue } = { fromkeys: null };

export function getAttr(obj: PyValue, name: string): PyValue {
  const v = lookupAttr(obj, name);
  if (v === undefined) throw noAttribute(obj, name);
  return v;
}

export function noAttribute(obj: PyValue, name: string) {
  if (obj instanceof PyModule) return attrErr(`module '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyClass) return attrErr(`type object '${obj.name}' has no attribute '${name}'`);
  return attrErr(`'${typeName(obj)}' object has no attribute '${name}'`);
}

/** object.__setattr__: a property's setter, else the instance's own dict (never a __setattr__ override). */
function objectSetAttr(obj: PyValue, name: PyValue, value: PyValue): void {
  if (typeof name !== 'string') throw typeErr(`attribute name must be string, not '${typeName(name)}'`);
  if (!(obj instanceof PyInstance)) return setAttr(obj, name, value);
  const d = obj.cls.lookup(name);
  if (d instanceof PyProperty) {
    if (d.fset === null) throw attrErr(`property '${name}' of '${typeName(obj)}' object has no setter`);
    callValue(d.fset, [obj, value], null);
    return;
  }
  obj.dict.set(name, value);
}

/** vars(obj) / obj.__dict__: a snapshot of an instance's (or module's) attributes as a dict. */
export function attributeDict(obj: PyValue): PyDict {
  const src = obj instanceof PyInstance || obj instanceof PyModule ? obj.dict : null;
  if (src === null) throw typeErr('vars() argument must have __dict__ attribute');
  const d = new PyDict();
  for (const [k, v] of src) dictSet(d, k, v);
  return d;
}

export function setAttr(obj: PyValue, name: string, value: PyValue): void {
  if (obj instanceof PyInstance) {
    const d = obj.cls.lookup(name);
    if (d instanceof PyProperty) {
      if (d.fset === null) throw attrErr(`property '${name}' of '${typeName(obj)}' object has no setter`);
      callValue(d.fset, [obj, value], null);
      return;
    }
    const sa = obj.cls.lookup('__setattr__');
    if (sa !== undefined) {
      callValue(sa, [obj, name, value], null);
      return;
    }
    obj.dict.set(name, value);
    return;
  }
  if (obj instanceof PyClass && obj.mutable) {
    obj.dict.set(name, value);
    return;
  }
  if (obj instanceof PyModule) {
    obj.dict.set(name, value);
    return;
  }
  if (obj instanceof PyFunction) {
    (obj.dict ??= new Map()).set(name, value);
    return;
  }
  const t = slots(obj);
  if (t?.setattr && !(obj instanceof PyClass) && t.setattr(obj, name, value)) return;
  if (obj instanceof PyClass)
    throw typeErr(`cannot set '${name}' attribute of immutable type '${obj.name}'`);
  if (lookupAttr(obj, name) !== undefined && t?.setattr === undefined)
    throw attrErr(`attribute '${name}' of '${typeName(obj)}' objects is not writable`);
  throw attrErr(`'${typeName(obj)}' object has no attribute '${name}'`);
}

export function delAttr(obj: PyValue, name: string): void {
  if (obj instanceof PyInstance && obj.dict.delete(name)) return;
  if (obj instanceof PyModule && obj.dict.delete(name)) return;
  if (obj instanceof PyClass && obj.mutable && obj.dict.delete(name)) return;
  throw noAttribute(obj, name);
}
