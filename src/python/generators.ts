/**
 * Generator functions (`def f(): ... yield x ...`). A generator's body is compiled to JS
 * generator closures only where it has to suspend: a statement without `yield` is the
 * ordinary closure, called from the generator closure of the block around it, and only
 * blocks, if/while/for and the `yield` statements themselves get generator forms.
 * Supported: `yield e` and `yield from e` as statements, `x = yield e`, and yields inside
 * if/elif/else, while and for (with break/continue/else). A yield elsewhere (inside an
 * expression, try or with) is refused at compile time.
 */
import { BREAK, NORMAL, RETURN, stepLimitExceeded } from './call.js';
import type { Compiler, Ev, Ex, Frame, Store } from './compiler.js';
import { recursionError } from './exceptions.js';
import { PyIterator } from './objects.js';
import { iterate, truthy } from './ops.js';
import { syntaxError, type Scope } from './scope.js';
import { state } from './state.js';
import type { PyValue } from './values.js';

type Node = any;
/** A suspendable statement: yields the generator's values, returns a completion. */
type Gx = (f: Frame) => Generator<PyValue, number, PyValue>;

const NESTED_SCOPES = new Set(['FunctionDef', 'AsyncFunctionDef', 'Lambda', 'ClassDef']);

/** Whether `node` has a yield of its own scope (not one of a nested def, lambda or class). */
function containsYield(node: Node): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(containsYield);
  if (node.nodeType === 'Yield' || node.nodeType === 'YieldFrom') return true;
  if (NESTED_SCOPES.has(node.nodeType)) return false;
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (v !== null && typeof v === 'object' && containsYield(v)) return true;
  }
  return false;
}

const isYield = (n: Node): boolean => n.nodeType === 'Yield' || n.nodeType === 'YieldFrom';

export class GeneratorCompiler {
  constructor(
    private readonly c: Compiler,
    private readonly sc: Scope,
  ) {}

  /** The function's call: a generator object over the compiled body, run lazily. */
  body(stmts: Node[], name: string): Ev {
    const run = this.block(stmts);
    return (f) => new PyIterator(resume(run(f)), 'generator', name);
  }

  private block(stmts: Node[]): Gx {
    // runs of statements without yield stay ordinary closures
    const parts: (Ex | Gx)[] = [];
    const suspends: boolean[] = [];
    let plain: Node[] = [];
    const flush = () => {
      if (plain.length) {
        parts.push(this.c.block(plain, this.sc));
        suspends.push(false);
        plain = [];
      }
    };
    for (const s of stmts) {
      if (!containsYield(s)) {
        plain.push(s);
        continue;
      }
      flush();
      parts.push(this.stmt(s));
      suspends.push(true);
    }
    flush();
    return function* (f) {
      for (let i = 0; i < parts.length; i++) {
        const r = suspends[i] ? yield* (parts[i] as Gx)(f) : (parts[i] as Ex)(f);
        if (r !== NORMAL) return r;
      }
      return NORMAL;
    };
  }

  private stmt(node: Node): Gx {
    const line: number = node.lineno;
    switch (node.nodeType) {
      case 'Expr':
        if (isYield(node.value)) return this.yieldExpr(node.value, line, null);
        break;
      case 'Assign':
        if (isYield(node.value) && node.targets.length === 1)
          return this.yieldExpr(node.value, line, this.c.target(node.targets[0], this.sc));
        break;
      case 'If': {
        const test = this.c.expr(node.test, this.sc);
        const body = this.block(node.body);
        const orelse = node.orelse.length ? this.block(node.orelse) : null;
        return function* (f) {
          state.line = line;
          if (truthy(test(f))) return yield* body(f);
          return orelse ? yield* orelse(f) : NORMAL;
        };
      }
      case 'While': {
        const test = this.c.expr(node.test, this.sc);
        const body = this.c.withinLoop(() => this.block(node.body));
        const orelse = node.orelse.length ? this.block(node.orelse) : null;
        return function* (f) {
          for (;;) {
            state.line = line;
            if (!truthy(test(f))) break;
            if (++state.steps > state.maxSteps) stepLimitExceeded();
            const r = yield* body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return r;
          }
          return orelse ? yield* orelse(f) : NORMAL;
        };
      }
      case 'For': {
        const iter = this.c.expr(node.iter, this.sc);
        const store = this.c.target(node.target, this.sc);
        const body = this.c.withinLoop(() => this.block(node.body));
        const orelse = node.orelse.length ? this.block(node.orelse) : null;
        return function* (f) {
          state.line = line;
          const it = iterate(iter(f));
          for (let n = it.next(); !n.done; n = it.next()) {
            if (++state.steps > state.maxSteps) stepLimitExceeded();
            store(f, n.value);
            const r = yield* body(f);
            if (r === BREAK) return NORMAL;
            if (r === RETURN) return r;
            state.line = line;
          }
          return orelse ? yield* orelse(f) : NORMAL;
        };
      }
    }
    const where = node.nodeType === 'Try' ? 'try' : node.nodeType === 'With' ? 'with' : 'an expression';
    throw syntaxError(`yield inside ${where} is not supported by gradviz`, node);
  }

  /** `yield e` / `yield from e` as a statement, or `target = yield e`. */
  private yieldExpr(node: Node, line: number, store: Store | null): Gx {
    const value = node.value ? this.c.expr(node.value, this.sc) : null;
    if (node.nodeType === 'YieldFrom')
      return function* (f) {
        state.line = line;
        const it = iterate(value!(f));
        for (let n = it.next(); !n.done; n = it.next()) yield n.value;
        return NORMAL;
      };
    return function* (f) {
      state.line = line;
      const sent = yield value ? value(f) : null;
      if (store) store(f, sent === undefined ? null : sent);
      return NORMAL;
    };
  }
}

/**
 * The generator object's iterator: each resumption runs as a Python frame (a level of
 * depth, the caller's line back afterwards), and the body's completion ends it.
 */
function resume(g: Generator<PyValue, number, PyValue>): Iterator<PyValue> {
  return {
    next(sent?: PyValue): IteratorResult<PyValue> {
      if (state.depth >= state.maxDepth) throw recursionError();
      const line = state.line;
      state.depth++;
      try {
        const r = g.next(sent === undefined ? null : sent);
        if (r.done) return { done: true, value: undefined };
        return { done: false, value: r.value };
      } finally {
        state.depth--;
        state.line = line;
      }
    },
  };
}
