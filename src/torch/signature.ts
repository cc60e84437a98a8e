/**
 * PyTorch's Python argument parser, re-done: each torch function is declared by the
 * signatures PyTorch itself declares (`clamp(Tensor input, Scalar? min=None, Scalar? max=None,
 * *, Tensor out=None)`), arguments are matched overload by overload with PyTorch's rules
 * (varargs int lists, numbers as 0-d tensors, None for optionals), and a mismatch raises
 * the TypeError text PyTorch raises ("sin(): argument 'input' (position 1) must be Tensor,
 * not float", "... received an invalid combination of arguments - got (...), but expected
 * one of: ...").
 */
import { typeError } from '../tensor/errors.js';
import { Kwargs, PyFloat, PyList, PyTuple, PyValue, pyTypeName } from '../python/values.js';
import { Tensor } from '../tensor/tensor.js';
import { CpuGenerator } from '../tensor/random.js';
import { TorchDevice, deviceArg } from './device.js';
import { DTypeObject } from './dtype_object.js';
import { TorchSize } from './size.js';

type Kind =
  | 'Tensor'
  | 'Scalar'
  | 'int'
  | 'float'
  | 'bool'
  | 'IntList'
  | 'SymIntList'
  | 'TensorList'
  | 'ScalarType'
  | 'str'
  | 'Generator'
  | 'Layout'
  | 'Device'
  | 'MemoryFormat'
  | 'DimnameList'
  | 'Dimname'
  | 'object';

const KIND_OF_TOKEN: Record<string, Kind> = {
  Tensor: 'Tensor',
  Scalar: 'Scalar',
  int: 'int',
  SymInt: 'int',
  float: 'float',
  bool: 'bool',
  'int[]': 'IntList',
  'SymInt[]': 'SymIntList',
  'Tensor[]': 'TensorList',
  TensorList: 'TensorList',
  'TensorList[]': 'TensorList',
  ScalarType: 'ScalarType',
  str: 'str',
  Generator: 'Generator',
  Layout: 'Layout',
  Device: 'Device',
  MemoryFormat: 'MemoryFormat',
  'Dimname[]': 'DimnameList',
  Dimname: 'Dimname',
  PyObject: 'object',
};

const PRINTED: Record<Kind, string> = {
  Tensor: 'Tensor',
  Scalar: 'Number',
  int: 'int',
  float: 'float',
  bool: 'bool',
  IntList: 'tuple of ints',
  SymIntList: 'tuple of SymInts',
  TensorList: 'tuple of Tensors',
  ScalarType: 'torch.dtype',
  str: 'str',
  Generator: 'torch.Generator',
  Layout: 'torch.layout',
  Device: 'torch.device',
  MemoryFormat: 'torch.memory_format',
  DimnameList: 'tuple of names',
  Dimname: 'name',
  object: 'object',
};

export interface Param {
  readonly name: string;
  readonly kind: Kind;
  /** `int[1]`: a single int is accepted for the list. */
  readonly listSize: number;
  readonly nullable: boolean;
  readonly hasDefault: boolean;
  readonly defaultValue: PyValue;
  readonly keywordOnly: boolean;
}

export interface Signature {
  readonly name: string;
  readonly params: readonly Param[];
  /** Positional-eligible parameter count. */
  readonly maxPositional: number;
  readonly minArgs: number;
  /** `torch.zeros(2, 3)`: the only positional parameter is an int list. */
  readonly varargsIntList: boolean;
  /** add/mul/...: a Python number is accepted where a Tensor is declared. */
  readonly numbersAsTensors: boolean;
  /** The form PyTorch prints in error messages: `(Tensor input, *, torch.dtype dtype)`. */
  readonly printed: string;
}

function parseDefault(text: string): PyValue {
  if (text === 'None') return null;
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^-?[\d.]+(e-?\d+)?$/.test(text)) return new PyFloat(Number(text));
  if (/^\[.*\]$/.test(text)) {
    const inner = text.slice(1, -1).trim();
    return new PyList(inner ? inner.split(',').map((s) => Number(s.trim())) : []);
  }
  if (/^".*"$|^'.*'$/.test(text)) return text.slice(1, -1);
  throw new Error(`unsupported default ${text}`);
}

/** Parses `name(Type a, Type? b=None, *, Type c=1)`; `self` is dropped for methods. */
export function parseSignature(text: string, options: { method?: boolean; numbersAsTensors?: boolean } = {}): Signature {
  const open = text.indexOf('(');
  const name = text.slice(0, open);
  const body = text.slice(open + 1, text.lastIndexOf(')')).trim();
  const params: Param[] = [];
  let keywordOnly = false;
  for (const raw of body ? body.split(/,\s*/) : []) {
    if (raw === '*') {
      keywordOnly = true;
      continue;
    }
    const eq = raw.indexOf('=');
    const decl = (eq >= 0 ? raw.slice(0, eq) : raw).trim();
    const space = decl.lastIndexOf(' ');
    let typeToken = decl.slice(0, space);
    const paramName = decl.slice(space + 1);
    const nullable = typeToken.endsWith('?');
    if (nullable) typeToken = typeToken.slice(0, -1);
    const sized = /^(\w+)\[(\d+)\]$/.exec(typeToken);
    const listSize = sized ? Number(sized[2]) : 0;
    if (sized) typeToken = `${sized[1]}[]`;
    const kind = KIND_OF_TOKEN[typeToken];
    if (!kind) throw new Error(`unknown type ${typeToken} in ${text}`);
    params.push({
      name: paramName,
      kind,
      listSize,
      nullable,
      hasDefault: eq >= 0,
      defaultValue: eq >= 0 ? parseDefault(raw.slice(eq + 1).trim()) : undefined,
      keywordOnly,
    });
  }
  const visible = options.method ? params.filter((p) => p.name !== 'self') : params;
  const maxPositional = visible.filter((p) => !p.keywordOnly).length;
  const first = visible[0];
  const printedParams: string[] = [];
  let starPrinted = false;
  for (const p of visible) {
    if (p.keywordOnly && !starPrinted) {
      printedParams.push('*');
      starPrinted = true;
    }
    printedParams.push(`${PRINTED[p.kind]} ${p.name}`);
  }
  return {
    name,
    params: visible,
    maxPositional,
    minArgs: visible.filter((p) => !p.hasDefault && !p.nullable).length,
    varargsIntList: maxPositional === 1 && (first?.kind === 'IntList' || first?.kind === 'SymIntList'),
    numbersAsTensors: options.numbersAsTensors ?? false,
    printed: `(${printedParams.join(', ')})`,
  };
}

const isInt = (v: PyValue): boolean => (typeof v === 'number' || typeof v === 'bigint') && true;
const isNumber = (v: PyValue): boolean => isInt(v) || typeof v === 'boolean' || v instanceof PyFloat;

function zeroDimNoGrad(v: PyValue, integral: boolean): boolean {
  return v instanceof Tensor && v.dim() === 0 && !v.requiresGrad && (!integral || v.dtype.category === 1);
}

function sequenceItems(v: PyValue): readonly PyValue[] | undefined {
  if (v instanceof PyList || v instanceof PyTuple) return v.items;
  if (v instanceof TorchSize) return v.dims; // a torch.Size is a tuple of ints
  return undefined;
}

/** Index of the first element that is not an int, -1 when all are; undefined when not a sequence. */
function badIntElement(v: PyValue): number | undefined {
  const items = sequenceItems(v);
  if (!items) return undefined;
  return items.findIndex((e) => !(isInt(e) || zeroDimNoGrad(e, true)));
}

interface Check {
  ok: boolean;
  /** For lists: the position of the element that failed. */
  badElement?: number;
}

// shared answers: binding runs on every torch call and only reads them
const OK: Check = Object.freeze({ ok: true });
const NOT_OK: Check = Object.freeze({ ok: false });
const verdict = (ok: boolean): Check => (ok ? OK : NOT_OK);

function check(p: Param, v: PyValue, sig: Signature): Check {
  if (v === null && p.nullable) return verdict(true);
  switch (p.kind) {
    case 'Tensor':
      return verdict(v instanceof Tensor || (sig.numbersAsTensors && isNumber(v)));
    case 'Scalar':
      return verdict(isNumber(v) || zeroDimNoGrad(v, false));
    case 'float':
      return verdict(isInt(v) || v instanceof PyFloat || zeroDimNoGrad(v, false));
    case 'int':
      return verdict(isInt(v) || zeroDimNoGrad(v, true));
    case 'bool':
      return verdict(typeof v === 'boolean');
    case 'IntList':
    case 'SymIntList': {
      if (p.listSize > 0 && isInt(v)) return verdict(true);
      const bad = badIntElement(v);
      if (bad === undefined) return verdict(false);
      return bad < 0 ? { ok: true } : { ok: false, badElement: bad };
    }
    case 'TensorList': {
      const items = sequenceItems(v);
      return verdict(!!items && items.every((e) => e instanceof Tensor));
    }
    case 'ScalarType':
      return verdict(v instanceof DTypeObject);
    case 'str':
      return verdict(typeof v === 'string');
    case 'DimnameList':
    case 'Dimname':
      return verdict(false);
    case 'Generator':
      return verdict(v === null || v instanceof CpuGenerator);
    case 'Layout':
    case 'MemoryFormat':
      return verdict(v === null);
    case 'Device':
      return verdict(typeof v === 'string' || v === null || v instanceof TorchDevice);
    case 'object':
      return verdict(true);
  }
}

export type Bound = Record<string, PyValue>;

/** Tries one signature; returns the bound arguments, or a TypeError message when `explain`. */
function tryBind(sig: Signature, args: readonly PyValue[], kwargs: Kwargs | null, explain: boolean): Bound | string | null {
  // keys are parameter names from our own signature table, never `__proto__`
  const bound: Bound = {};
  if (args.length > sig.maxPositional && !sig.varargsIntList) {
    if (!explain) return null;
    const n = sig.maxPositional;
    return `${sig.name}() takes ${n} positional argument${n === 1 ? '' : 's'} but ${args.length} were given`;
  }
  let usedKwargs = 0;
  let position = 0;
  for (const p of sig.params) {
    let value: PyValue;
    let isKeyword = false;
    if (position < args.length && !p.keywordOnly) {
      value = args[position];
    } else if (kwargs?.has(p.name)) {
      value = kwargs.get(p.name);
      isKeyword = true;
      usedKwargs++;
    } else {
      if (p.hasDefault || p.nullable) {
        bound[p.name] = p.hasDefault ? p.defaultValue : null;
        continue;
      }
      return explain ? `${sig.name}() missing 1 required positional arguments: "${p.name}"` : null;
    }
    const result = check(p, value, sig);
    if (result.ok) {
      bound[p.name] = value;
      if (!isKeyword) position++;
      continue;
    }
    if (sig.varargsIntList && position === 0 && !isKeyword) {
      const asList = new PyTuple(args);
      const listCheck = check(p, asList, sig);
      if (listCheck.ok) {
        bound[p.name] = asList;
        position = args.length;
        continue;
      }
      if (explain && listCheck.badElement !== undefined && args.length > 1) {
        return `${sig.name}(): argument '${p.name}' must be ${PRINTED[p.kind]}, but found element of type ${pyTypeName(args[listCheck.badElement])} at pos ${listCheck.badElement + 1}`;
      }
    }
    if (!explain) return null;
    if (result.badElement !== undefined) {
      const items = sequenceItems(value)!;
      return `${sig.name}(): argument '${p.name}' must be ${PRINTED[p.kind]}, but found element of type ${pyTypeName(items[result.badElement])} at pos ${result.badElement + 1}`;
    }
    return isKeyword
      ? `${sig.name}(): argument '${p.name}' must be ${PRINTED[p.kind]}, not ${pyTypeName(value)}`
      : `${sig.name}(): argument '${p.name}' (position ${position + 1}) must be ${PRINTED[p.kind]}, not ${pyTypeName(value)}`;
  }
  if (position < args.length) {
    // Varargs were consumed or too many positionals for the remaining params.
    return explain ? `${sig.name}() takes ${sig.maxPositional} positional arguments but ${args.length} were given` : null;
  }
  if (kwargs && usedKwargs < kwargs.size) {
    if (!explain) return null;
    const known = new Set(sig.params.map((p) => p.name));
    const extra = [...kwargs.keys()].find((k) => !known.has(k)) ?? [...kwargs.keys()][0];
    return `${sig.name}() got an unexpected keyword argument '${extra}'`;
  }
  return bound;
}

function describeArg(v: PyValue): string {
  return pyTypeName(v);
}

/** PyTorch lists keyword arguments in its own dict order: for the calls seen, the reverse of the call's. */
function kwargsInPrintedOrder(kwargs: Kwargs | null): [string, PyValue][] {
  return kwargs ? [...kwargs].reverse() : [];
}

function argDescription(args: readonly PyValue[], kwargs: Kwargs | null): string {
  let text = '(';
  for (const a of args) text += `${describeArg(a)}, `;
  for (const [k, v] of kwargsInPrintedOrder(kwargs)) text += `${k}=${describeArg(v)}, `;
  if (args.length > 0) text = text.slice(0, -2);
  return `${text})`;
}

function formattedArgDescription(sig: Signature, args: readonly PyValue[], kwargs: Kwargs | null): string {
  const parts: string[] = [];
  args.forEach((a, i) => {
    const p = sig.params[i];
    const ok = p !== undefined && check(p, a, sig).ok;
    let desc = describeArg(a);
    const items = sequenceItems(a);
    if (items) {
      const inner = items.map(describeArg).join(', ');
      desc = a instanceof PyTuple ? `tuple of (${inner}${items.length === 1 ? ',' : ''})` : `list of [${inner}]`;
    }
    parts.push(ok ? desc : `!${desc}!`);
  });
  if (kwargs)
    for (const [k, v] of kwargs) {
      const p = sig.params.find((q) => q.name === k);
      const ok = p !== undefined && check(p, v, sig).ok;
      parts.push(ok ? `${k}=${describeArg(v)}` : `!${k}=${describeArg(v)}!`);
    }
  return `(${parts.join(', ')})`;
}

/**
 * PyTorch's format_invalid_args (torch/csrc/utils/invalid_arguments.cpp): it re-parses each
 * printed overload, where the `*` separator counts as an argument of its own, and explains
 * only the overloads whose argument count equals the number of arguments given.
 */
function invalidCombination(sigs: readonly Signature[], args: readonly PyValue[], kwargs: Kwargs | null): string {
  const given = args.length + (kwargs?.size ?? 0);
  let message = `${sigs[0].name}() received an invalid combination of arguments - got ${argDescription(args, kwargs)}, but expected one of:\n`;
  for (const sig of sigs) {
    message += ` * ${sig.printed}\n`;
    // `()` splits into one empty argument, as in PyTorch's own re-parse.
    const printedNames = sig.printed.slice(1, -1).split(', ').map((a) => a.slice(a.lastIndexOf(' ') + 1));
    if (printedNames.length !== given) continue;
    const start = Math.max(0, printedNames.length - (kwargs?.size ?? 0));
    const names = new Set(printedNames.slice(start));
    const unmatched = kwargsInPrintedOrder(kwargs).filter(([k]) => !names.has(k)).map(([k]) => k);
    message += unmatched.length
      ? `      didn't match because some of the keywords were incorrect: ${unmatched.join(', ')}\n`
      : `      didn't match because some of the arguments have invalid types: ${formattedArgDescription(sig, args, kwargs)}\n`;
  }
  return message;
}

/** An overloaded torch function: the index of the matching overload and its arguments. */
/** PyTorch's arg parser takes numpy's names too: axis for dim, keepdims for keepdim. */
function numpyAliases(kwargs: Kwargs): Kwargs {
  const names: Record<string, string> = { axis: 'dim', keepdims: 'keepdim' };
  return new Map([...kwargs].map(([k, v]) => [names[k] !== undefined && !kwargs.has(names[k]) ? names[k] : k, v]));
}

export function bindOverloads(
  sigs: readonly Signature[],
  args: readonly PyValue[],
  kwargs: Kwargs | null,
): { index: number; bound: Bound } {
  if (kwargs !== null && (kwargs.has('axis') || kwargs.has('keepdims'))) kwargs = numpyAliases(kwargs);
  for (let i = 0; i < sigs.length; i++) {
    const bound = tryBind(sigs[i], args, kwargs, false);
    if (bound && typeof bound === 'object') {
      // a device this build does not have fails here, as PyTorch's CPU build does (after binding)
      for (const p of sigs[i].params) if (p.kind === 'Device' && bound[p.name] !== null && bound[p.name] !== undefined) deviceArg(bound[p.name]);
      return { index: i, bound };
    }
  }
  const given = args.length + (kwargs?.size ?? 0);
  const plausible = sigs.filter((s) => s.minArgs <= given && given <= s.params.length);
  if (sigs.length === 1 || plausible.length === 1) {
    const explanation = tryBind(sigs.length === 1 ? sigs[0] : plausible[0], args, kwargs, true);
    if (typeof explanation === 'string') throw typeError(explanation);
  }
  throw typeError(invalidCombination(sigs, args, kwargs));
}
