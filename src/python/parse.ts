/**
 * The parser adapter: py-ast gives CPython's `ast` shape; its failures become Python
 * SyntaxError / IndentationError with CPython's wording and line.
 */
import { parse } from 'py-ast';
import { PyExc } from './objects.js';
import { pyErr } from './exceptions.js';
import { describeSyntaxError } from './syntax-errors.js';

export function syntaxException(type: string, message: string, line: number, col = 0): PyExc {
  const e = pyErr(type, message);
  e.line = line;
  e.col = col;
  return e;
}

/** Parse a module; throws a SyntaxError/IndentationError PyExc. */
export function parseModule(source: string): any {
  try {
    return parse(source);
  } catch (e) {
    if (e instanceof PyExc) throw e;
    const p = describeSyntaxError(source, e as any);
    throw syntaxException(p.type, p.message, p.line, p.col);
  }
}

/** Parse one expression (evaluateExpression). */
export function parseExpression(source: string): any {
  const mod = parseModule(source.trim());
  if (mod.body.length !== 1 || mod.body[0].nodeType !== 'Expr') throw syntaxException('SyntaxError', 'invalid syntax', 1);
  return mod.body[0].value;
}
