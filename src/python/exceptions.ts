/**
 * Raising Python exceptions from the runtime, and turning whatever was thrown (a Python
 * exception object, a host PyError, a JS stack overflow) into a Python exception.
 * Exceptions are thrown as PyExc objects, not JS Errors: no stack capture on raise.
 */
import { PyError } from '../tensor/errors.js';
import { PyClass, PyExc } from './objects.js';
import { state } from './state.js';
import { excClass } from './types.js';
import type { PyValue } from './values.js';

export function makeExc(cls: PyClass, args: PyValue[]): PyExc {
  const e = new PyExc(cls);
  e.args = args;
  return e;
}

/** Build an exception of a builtin type, stamped with the current line. */
export function pyErr(type: string, message?: string): PyExc {
  const e = makeExc(excClass(type), message === undefined ? [] : [message]);
  e.line = state.line;
  return e;
}

export const typeErr = (m: string) => pyErr('TypeError', m);
export const valueErr = (m: string) => pyErr('ValueError', m);
export const indexErr = (m: string) => pyErr('IndexError', m);
export const attrErr = (m: string) => pyErr('AttributeError', m);

/** Limit errors: a program's `except` cannot swallow them. */
export function fatalErr(type: string, message: string): PyExc {
  const e = pyErr(type, message);
  e.fatal = true;
  return e;
}

export function recursionError(): PyExc {
  return pyErr('RecursionError', 'maximum recursion depth exceeded');
}

/** Whatever a JS `catch` got, as a Python exception (stamped with the line if new). */
export function toPyExc(e: unknown): PyExc {
  if (e instanceof PyExc) {
    if (e.line === undefined) e.line = state.line;
    return e;
  }
  if (e instanceof PyError) {
    const x = pyErr(e.pyType, e.message);
    x.cause = e;
    return x;
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    const x = recursionError();
    x.cause = e;
    return x;
  }
  const x = pyErr('SystemError', `internal error: ${e instanceof Error ? e.message : String(e)}`);
  x.cause = e;
  return x;
}
