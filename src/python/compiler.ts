/**
 * Compiles a py-ast tree ONCE into JS closures. Expressions become `(frame) => value`,
 * statements `(frame) => completion` (NORMAL / BREAK / CONTINUE / RETURN). Names are
 * resolved at compile time (scope.ts): locals are frame slots, cells are Cell objects
 * in slots, globals are Cells of the module's Globals, so running never looks a name up
 * by string except in class bodies.
 */
import { getAttr, setAttr, delAttr, methodTable } from './attrs.js';
import { builtins } from './builtins.js';
import { BREAK, callSimple, callValue, callWithSelf, newFrame, CONTINUE, NORMAL, RETURN, restoreDepth, stepLimitExceeded } from './call.js';
import { pyErr, toPyExc, typeErr, valueErr } from './exceptions.js';
import { compileComprehension } from './comprehensions.js';
import { GeneratorCompiler } from './generators.js';
import type { Globals } from './globals.js';
import { delItem, getItem, setItem } from './items.js';
import { importFrom, importModule } from './modules.js';
import { normBig } from './numbers.js';
import {
  Cell,
  PyClass,
  PyDict,
  PyExc,
  PyFunction,
  ELLIPSIS,
  PyInstance,
  PyRange,
  PySet,
  PySlice,
  PySuper,
  type FunctionCode,
} from './objects.js';
import { add, binop, compare, contains, inplace, iterate, mul, sub, toArray, truthy, unary } from './ops.js';
import { eq, floorDiv, ge, globalValue, gt, isNum, le, local, lt, mod, ne, read, trueDiv } from './fast-ops.js';
import { syntaxError, type Analysis, type Scope } from './scope.js';
import { state } from './state.js';
import { BAILED, BROKE, ENDED, HOT, NumericLoop, REFUSED, WARM_TRIES } from './wasm/numeric-loops.js';
import { formatValue } from './str-methods.js';
import { excStr, pyRepr, pyStr } from './text.js';
import { objectClass, typeName } from './types.js';
import { PyFloat, PyList, PyTuple, PY_TYPE, type BinOp, type CmpOp, type Kwargs, type PyValue } from './values.js';
import { dictSet, setAdd } from './collection-methods.js';
import { enterContext, exitContext } from './context.js';

type Node = any;
export type Frame = PyValue[];
export type Ev = (f: Frame) => PyValue;
export type Ex = (f: Frame) => number;
export type Store = (f: Frame, v: PyValue) => void;

/** How fused closures read an operand (see read() in fast-ops.ts). */
interface Operand {
  slot: number;
  lit: PyValue;
  ev: Ev | null;
}

const BINOPS: Record<string, BinOp> = {
  Add: '+', Sub: '-', Mult: '*', Div: '/', FloorDiv: '//', Mod: '%', Pow: '**', MatMult: '@',
  BitAnd: '&', BitOr: '|', BitXor: '^', LShift: '<<', RShift: '>>',
};
const CMPOPS: Record<string, string> = {
  Lt: '<', LtE: '<=', Gt: '>', GtE: '>=', Eq: '==', NotEq: '!=', Is: 'is', IsNot: 'is not', In: 'in', NotIn: 'not in',
};

const NO_OPS = new Set(['Pass', 'Global', 'Nonlocal']);

export class Compiler {
  private readonly lines: string[];

  constructor(
    readonly source: string,
    readonly analysis: Analysis,
    readonly globals: Globals,
  ) {
    this.lines = source.split('\n');
  }

  scopeOf(node: Node): Scope {
    const s = this.analysis.scopes.get(node);
    if (!s) throw new Error(`no scope for ${node.nodeType}`);
    return s;
  }

  // -------------------------------------------------------------------------------
  // names

  load(name: string, sc: Scope): Ev {
    const kind = sc.resolve(name);
    if (kind === 'local') {
      const i = sc.slots.get(name)!;
      return (f) => {
        const v = f[i];
        if (v !== undefined) return v;
        throw pyErr('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
      };
    }
    if (kind === 'cell' || kind === 'free') {
      const i = sc.slots.get(name)!;
      const free = kind === 'free';
      return (f) => {
        const v = (f[i] as Cell).v;
        if (v !== undefined) return v;
        if (free)
          throw pyErr('NameError', `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
        throw pyErr('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
      };
    }
    const cell = this.globals.cell(name);
    const b = builtins.get(name);
    if (kind === 'classns') {
      return (f) => {
        const v = (f[0] as Map<string, PyValue>).get(name);
        if (v !== undefined) return v;
        if (cell.v !== undefined) return cell.v;
        if (b !== undefined) return b;
        throw pyErr('NameError', `name '${name}' is not defined`);
      };
    }
    return () => globalValue(cell, b, name);
  }

  storeName(name: string, sc: Scope): Store {
    const kind = sc.resolve(name);
    if (kind === 'local') {
      const i = sc.slots.get(name)!;
      return (f, v) => {
        f[i] = v;
      };
    }
    if (kind === 'cell' || kind === 'free') {
      const i = sc.slots.get(name)!;
      return (f, v) => {
        (f[i] as Cell).v = v;
      };
    }
    if (kind === 'classns') {
      return (f, v) => {
        (f[0] as Map<string, PyValue>).set(name, v);
      };
    }
    const cell = this.globals.cell(name);
    const g = this.globals;
    return (_f, v) => g.bind(cell, v);
  }

  /** The module cell a plain name target binds, when it is a global (stored without a Store closure). */
  private globalTarget(t: Node, sc: Scope): Cell | null {
    return t.nodeType === 'Name' && sc.resolve(t.id) === 'global' ? this.globals.cell(t.id) : null;
  }

  deleteName(name: string, sc: Scope): Ex {
    const kind = sc.resolve(name);
    const unbound = () => {
      if (kind === 'local' || kind === 'cell')
        return pyErr('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
      return pyErr('NameError', `name '${name}' is not defined`);
    };
    if (kind === 'local') {
      const i = sc.slots.get(name)!;
      return (f) => {
        if (f[i] === undefined) throw unbound();
        f[i] = undefined;
        return NORMAL;
      };
    }
    if (kind === 'cell' || kind === 'free') {
      const i = sc.slots.get(name)!;
      return (f) => {
        const c = f[i] as Cell;
        if (c.v === undefined) throw unbound();
        c.v = undefined;
        return NORMAL;
      };
    }
    if (kind === 'classns') {
      return (f) => {
        if (!(f[0] as Map<string, PyValue>).delete(name)) throw unbound();
        return NORMAL;
      };
    }
    const cell = this.globals.cell(name);
    return () => {
      if (cell.v === undefined) throw unbound();
      cell.v = undefined;
      return NORMAL;
    };
  }

  // -------------------------------------------------------------------------------
  // expressions

  text(node: Node): string {
    if (node.lineno !== node.end_lineno) return '';
    return this.lines[node.lineno - 1]?.slice(node.col_offset, node.end_col_offset) ?? '';
  }

  constant(node: Node): PyValue {
    const v = node.value;
    switch (typeof v) {
      case 'number': {
        const t = this.text(node);
        if (/^[+-]?0[xXoObB]/.test(t)) return v;
        if (/[jJ]$/.test(t)) throw syntaxError('complex numbers are not supported', node);
        if (/[.eE]/.test(t) || !Number.isSafeInteger(v)) {
          if (!/[.eE]/.test(t) && Number.isInteger(v)) return normBig(BigInt(t.replace(/_/g, '')));
          return new PyFloat(v);
        }
        return v;
      }
      case 'bigint':
        return normBig(v);
      case 'string':
        if (v === '...' && this.text(node) === '...') return ELLIPSIS;
        return v;
      case 'boolean':
        return v;
      case 'undefined':
        return null;
    }
    if (v === null) return null;
    throw syntaxError('unsupported constant', node);
  }

  expr(node: Node, sc: Scope): Ev {
    switch (node.nodeType) {
      case 'Constant': {
        const v = this.constant(node);
        return () => v;
      }
      case 'Name':
        return this.load(node.id, sc);
      case 'BinOp':
        return this.binop(node, sc);
      case 'UnaryOp':
        return this.unaryop(node, sc);
      case 'BoolOp': {
        const vals = node.values.map((v: Node) => this.expr(v, sc));
        const isAnd = node.op.nodeType === 'And';
        return (f) => {
          let v: PyValue = null;
          for (let i = 0; i < vals.length; i++) {
            v = vals[i](f);
            if (truthy(v) !== isAnd) return v;
          }
          return v;
        };
      }
      case 'Compare':
        return this.compare(node, sc);
      case 'IfExp': {
        const t = this.expr(node.test, sc);
        const a = this.expr(node.body, sc);
        const b = this.expr(node.orelse, sc);
        return (f) => (truthy(t(f)) ? a(f) : b(f));
      }
      case 'Call':
        return this.withLine(node, sc, this.call(node, sc));
      case 'Attribute': {
        const obj = this.expr(node.value, sc);
        const name: string = node.attr;
        return this.withLine(node, sc, (f) => {
          const o = obj(f);
          if (o instanceof PyInstance) {
            const v = o.dict.get(name);
            if (v !== undefined) return v;
          }
          return getAttr(o, name);
        });
      }
      case 'Subscript': {
        const obj = this.expr(node.value, sc);
        const key = this.expr(node.slice, sc);
        return this.withLine(node, sc, (f) => {
          const o = obj(f);
          const k = key(f);
          if (o instanceof PyList && typeof k === 'number') {
            const n = o.items.length;
            const i = k < 0 ? k + n : k;
            if (i >= 0 && i < n) return o.items[i];
          }
          return getItem(o, k);
        });
      }
      case 'Slice': {
        const lo = node.lower ? this.expr(node.lower, sc) : null;
        const hi = node.upper ? this.expr(node.upper, sc) : null;
        const st = node.step ? this.expr(node.step, sc) : null;
        return (f) => new PySlice(lo ? lo(f) : null, hi ? hi(f) : null, st ? st(f) : null);
      }
      case 'List': {
        const build = this.sequence(node.elts, sc);
        return (f) => new PyList(build(f));
      }
      case 'Tuple': {
        const build = this.sequence(node.elts, sc);
        return (f) => new PyTuple(build(f));
      }
      case 'Set': {
        const build = this.sequence(node.elts, sc);
        return (f) => {
          const s = new PySet();
          for (const x of build(f)) setAdd(s, x);
          return s;
        };
      }
      case 'Dict':
        return this.dict(node, sc);
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return compileComprehension(this, node, sc);
      case 'Lambda':
        return this.makeFunction(node, sc, []);
      case 'JoinedStr':
        return this.fstring(node, sc);
      case 'FormattedValue':
        return this.formatted(node, sc);
      case 'NamedExpr': {
        let target = sc;
        while (target.kind === 'comp' && target.parent) target = target.parent;
        const store = target === sc ? this.storeName(node.target.id, sc) : this.storeName(node.target.id, sc);
        const val = this.expr(node.value, sc);
        return (f) => {
          const v = val(f);
          store(f, v);
          return v;
        };
      }
      case 'Starred':
        throw syntaxError("can't use starred expression here", node);
      case 'Yield':
      case 'YieldFrom':
        // statement-level yields are compiled by generators.ts
        throw syntaxError('yield inside an expression is not supported by gradviz', node);
      case 'Await':
        throw syntaxError("'await' outside async function", node);
    }
    throw syntaxError(`unsupported syntax: ${node.nodeType}`, node);
  }

  /** Expressions that start on a later line than their statement report their own line. */
  private withLine(node: Node, _sc: Scope, ev: Ev): Ev {
    const line = node.lineno;
    if (line === this.stmtLine) return ev;
    return (f) => {
      state.line = line;
      return ev(f);
    };
  }
  private stmtLine = 0;
  /** Loops enclosing the statement being compiled (in the current function). */
  private loopDepth = 0;

  /** Compile a loop's body (break and continue are allowed in it). */
  withinLoop<T>(compile: () => T): T {
    this.loopDepth++;
    try {
      return compile();
    } finally {
      this.loopDepth--;
    }
  }

  /**
   * A loop's statements as one closure (a single statement is called directly), so each
   * call site sees only the statements of its own kind of block rather than one shared
   * helper seeing every statement of the program.
   */
  private loopBody(body: Node[], sc: Scope): Ex {
    return this.withinLoop(() => this.block(body, sc));
  }

  /** Elements of a list/tuple/set display or call, with *starred unpacking. */
  sequence(elts: Node[], sc: Scope): (f: Frame) => PyValue[] {
    const hasStar = elts.some((e) => e.nodeType === 'Starred');
    if (!hasStar) {
      const evs: Ev[] = elts.map((e) => this.expr(e, sc));
      const n = evs.length;
      if (n === 0) return () => [];
      if (n === 1) {
        const a = evs[0];
        return (f) => [a(f)];
      }
      if (n === 2) {
        const a = evs[0];
        const b = evs[1];
        return (f) => [a(f), b(f)];
      }
      return (f) => {
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = evs[i](f);
        return out;
      };
    }
    const parts = elts.map((e) => ({ star: e.nodeType === 'Starred', ev: this.expr(e.nodeType === 'Starred' ? e.value : e, sc) }));
    return (f) => {
      const out: PyValue[] = [];
      for (const p of parts) {
        if (p.star) {
          const v = p.ev(f);
          if (v instanceof PyList || v instanceof PyTuple) for (const x of v.items) out.push(x);
          else for (const x of toArray(v)) out.push(x);
        } else out.push(p.ev(f));
      }
      return out;
    };
  }

  dict(node: Node, sc: Scope): Ev {
    const keys: (Ev | null)[] = node.keys.map((k: Node) => (k ? this.expr(k, sc) : null));
    const vals: Ev[] = node.values.map((v: Node) => this.expr(v, sc));
    return (f) => {
      const d = new PyDict();
      for (let i = 0; i < vals.length; i++) {
        const k = keys[i];
        if (k === null) {
          const src = vals[i](f);
          if (!(src instanceof PyDict)) throw typeErr(`'${typeName(src)}' object is not a mapping`);
          for (const e of src.map.values()) dictSet(d, e.k, e.v);
        } else {
          const key = k(f);
          dictSet(d, key, vals[i](f));
        }
      }
      return d;
    };
  }

  /**
   * How a fused closure reads an operand: a local's slot, a literal's value (`2`, `0.5`,
   * `-1`) or, for anything else, its compiled closure.
   */
  private operand(node: Node, sc: Scope): Operand {
    if (node.nodeType === 'Name' && sc.resolve(node.id) === 'local') return { slot: sc.slots.get(node.id)!, lit: null, ev: null };
    if (node.nodeType === 'Constant') return { slot: -1, lit: this.constant(node), ev: null };
    if (node.nodeType === 'UnaryOp' && node.op.nodeType === 'USub' && node.operand.nodeType === 'Constant') {
      const k = this.constant(node.operand);
      if (typeof k === 'number' || typeof k === 'bigint' || k instanceof PyFloat) return { slot: -1, lit: unary('-', k), ev: null };
    }
    return { slot: -1, lit: null, ev: this.expr(node, sc) };
  }

  // One closure per operator. Operands are read inline (a local or a literal costs no
  // call), and each closure site calls its own children, so V8's call feedback stays per
  // operator rather than shared; left is evaluated before right.
  binop(node: Node, sc: Scope): Ev {
    const sym = BINOPS[node.op.nodeType];
    const { slot: ia, lit: ca, ev: a } = this.operand(node.left, sc);
    const { slot: ib, lit: cb, ev: b } = this.operand(node.right, sc);
    const na: string = node.left.id;
    const nb: string = node.right.id;
    switch (sym) {
      case '+':
        return (f) => {
          const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
          return add(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
        };
      case '-':
        return (f) => {
          const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
          return sub(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
        };
      case '*':
        return (f) => {
          const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
          return mul(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
        };
      case '/':
        return (f) => {
          const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
          return trueDiv(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
        };
      case '//':
        return (f) => {
          const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
          return floorDiv(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
        };
      case '%':
        return (f) => {
          const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
          return mod(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
        };
    }
    return (f) => {
      const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
      return binop(sym, x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
    };
  }

  unaryop(node: Node, sc: Scope): Ev {
    const v = this.expr(node.operand, sc);
    switch (node.op.nodeType) {
      case 'Not':
        return (f) => !truthy(v(f));
      case 'USub':
        // Fold negative literals so `-1` and `-2.5` are constants.
        if (node.operand.nodeType === 'Constant') {
          const k = this.constant(node.operand);
          if (typeof k === 'number' || typeof k === 'bigint' || k instanceof PyFloat) {
            const c = unary('-', k);
            return () => c;
          }
        }
        return (f) => unary('-', v(f));
      case 'UAdd':
        return (f) => unary('+', v(f));
      case 'Invert':
        return (f) => unary('~', v(f));
    }
    throw syntaxError('unsupported unary operator', node);
  }

  compare(node: Node, sc: Scope): Ev {
    const syms: string[] = node.ops.map((o: Node) => CMPOPS[o.nodeType]);
    if (syms.length === 1) {
      // A single comparison: one closure per operator, operands as in binop().
      const sym = syms[0];
      const { slot: ia, lit: ca, ev: a } = this.operand(node.left, sc);
      const { slot: ib, lit: cb, ev: b } = this.operand(node.comparators[0], sc);
      const na: string = node.left.id;
      const nb: string = node.comparators[0].id;
      switch (sym) {
        case '<':
          return (f) => {
            const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
            return lt(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
          };
        case '<=':
          return (f) => {
            const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
            return le(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
          };
        case '>':
          return (f) => {
            const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
            return gt(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
          };
        case '>=':
          return (f) => {
            const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
            return ge(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
          };
        case '==':
          return (f) => {
            const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
            return eq(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
          };
        case '!=':
          return (f) => {
            const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
            return ne(x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
          };
      }
      return (f) => {
        const x = (ia >= 0 ? local(f, ia, na) : a === null ? ca : a(f));
        return compareOne(sym, x, (ib >= 0 ? local(f, ib, nb) : b === null ? cb : b(f)));
      };
    }
    const first = this.expr(node.left, sc);
    const rest: Ev[] = node.comparators.map((c: Node) => this.expr(c, sc));
    return (f) => {
      let x = first(f);
      let r: PyValue = true;
      for (let i = 0; i < syms.length; i++) {
        const y = rest[i](f);
        r = compareOne(syms[i], x, y);
        if (!truthy(r)) return r;
        x = y;
      }
      return r;
    };
  }

  fstring(node: Node, sc: Scope): Ev {
    const parts: Ev[] = node.values.map((v: Node) =>
      v.nodeType === 'Constant' ? ((s: string) => () => s)(String(v.value)) : this.expr(v, sc),
    );
    return (f) => {
      let s = '';
      for (let i = 0; i < parts.length; i++) s += parts[i](f) as string;
      return s;
    };
  }

  formatted(node: Node, sc: Scope): Ev {
    const v = this.expr(node.value, sc);
    const conv: number = node.conversion ?? -1;
    const spec: Ev | null = node.format_spec ? this.expr(node.format_spec, sc) : null;
    return (f) => {
      let x = v(f);
      if (conv === 114 || conv === 97) x = pyRepr(x);
      else if (conv === 115) x = pyStr(x);
      const sp = spec ? (spec(f) as string) : '';
      if (sp === '' && typeof x === 'string') return x;
      return formatValue(x, sp);
    };
  }

  // -------------------------------------------------------------------------------
  // calls

  call(node: Node, sc: Scope): Ev {
    const func = node.func;
    if (func.nodeType === 'Name' && func.id === 'super' && node.args.length === 0 && sc.resolve('super') === 'global')
      return this.zeroArgSuper(sc);
    const plain = node.keywords.length === 0 && !node.args.some((a: Node) => a.nodeType === 'Starred');
    if (func.nodeType === 'Attribute') {
      const name: string = func.attr;
      if (plain) return this.positionalMethodCall(func.value, name, node.args, sc);
      const obj = this.expr(func.value, sc);
      const args = this.sequence(node.args, sc);
      const kw = this.keywords(node.keywords, sc);
      return (f) => {
        const o = obj(f);
        return callMethod(o, name, args(f), kw ? kw(f) : null);
      };
    }
    if (plain) return this.positionalCall(func, node.args, sc);
    const fn = this.expr(func, sc);
    const args = this.sequence(node.args, sc);
    const kw = this.keywords(node.keywords, sc);
    if (kw === null) return (f) => callValue(fn(f), args(f), null);
    return (f) => {
      const g = fn(f);
      return callValue(g, args(f), kw(f));
    };
  }

  /**
   * `g(a, b)`: a simple Python function taking exactly these arguments gets them
   * evaluated straight into its new frame (no argument array, no binding). Up to three
   * arguments are read unrolled, without a loop over operand arrays.
   */
  private positionalCall(func: Node, argNodes: Node[], sc: Scope): Ev {
    // A global callee (the usual case) is read inline.
    const isGlobal = func.nodeType === 'Name' && sc.resolve(func.id) === 'global';
    const gname: string = func.id;
    const cell = isGlobal ? this.globals.cell(gname) : null;
    const builtin = isGlobal ? builtins.get(gname) : undefined;
    const fn = isGlobal ? null : this.expr(func, sc);
    const ops: Operand[] = argNodes.map((a) => this.operand(a, sc));
    const names: string[] = argNodes.map((a) => a.id);
    const n = ops.length;
    if (n === 0)
      return (f) => {
        const g = callee(f, cell, builtin, gname, fn);
        const code = simpleCode(g, 0);
        return code === null ? callValue(g, [], null) : callSimple(code, newFrame(code.nslots));
      };
    const { slot: s0, lit: l0, ev: e0 } = ops[0];
    const n0 = names[0];
    if (n === 1)
      return (f) => {
        const g = callee(f, cell, builtin, gname, fn);
        const a = read(f, s0, l0, e0, n0);
        const code = simpleCode(g, 1);
        if (code === null) return callValue(g, [a], null);
        const fr = newFrame(code.nslots);
        fr[0] = a;
        return callSimple(code, fr);
      };
    const { slot: s1, lit: l1, ev: e1 } = ops[1];
    const n1 = names[1];
    if (n === 2)
      return (f) => {
        const g = callee(f, cell, builtin, gname, fn);
        const a = read(f, s0, l0, e0, n0);
        const b = read(f, s1, l1, e1, n1);
        const code = simpleCode(g, 2);
        if (code === null) return callValue(g, [a, b], null);
        const fr = newFrame(code.nslots);
        fr[0] = a;
        fr[1] = b;
        return callSimple(code, fr);
      };
    const { slot: s2, lit: l2, ev: e2 } = ops[2];
    const n2 = names[2];
    if (n === 3)
      return (f) => {
        const g = callee(f, cell, builtin, gname, fn);
        const a = read(f, s0, l0, e0, n0);
        const b = read(f, s1, l1, e1, n1);
        const c = read(f, s2, l2, e2, n2);
        const code = simpleCode(g, 3);
        if (code === null) return callValue(g, [a, b, c], null);
        const fr = newFrame(code.nslots);
        fr[0] = a;
        fr[1] = b;
        fr[2] = c;
        return callSimple(code, fr);
      };
    const slots = ops.map((o) => o.slot);
    const lits = ops.map((o) => o.lit);
    const evs = ops.map((o) => o.ev);
    return (f) => {
      const g = callee(f, cell, builtin, gname, fn);
      const code = simpleCode(g, n);
      if (code !== null) {
        const fr = newFrame(code.nslots);
        for (let k = 0; k < n; k++) fr[k] = read(f, slots[k], lits[k], evs[k], names[k]);
        return callSimple(code, fr);
      }
      const args: PyValue[] = new Array(n);
      for (let k = 0; k < n; k++) args[k] = read(f, slots[k], lits[k], evs[k], names[k]);
      return callValue(g, args, null);
    };
  }

  /**
   * `obj.m(a, b)`: a simple Python method of obj's class gets self and the arguments
   * straight in its new frame (the method is looked up first, as CPython's LOAD_METHOD
   * does); everything else goes through callMethod. Unrolled as positionalCall is.
   */
  private positionalMethodCall(objNode: Node, name: string, argNodes: Node[], sc: Scope): Ev {
    // The receiver is read like an operand: a local `xs` or `self` costs no call.
    const { slot: so, lit: lo, ev: eo } = this.operand(objNode, sc);
    const no: string = objNode.id;
    const ops: Operand[] = argNodes.map((a) => this.operand(a, sc));
    const names: string[] = argNodes.map((a) => a.id);
    const n = ops.length;
    if (n === 0)
      return (f) => {
        const o = read(f, so, lo, eo, no);
        const code = simpleMethod(o, name, 1);
        if (code === null) return callMethod(o, name, [], null);
        const fr = newFrame(code.nslots);
        fr[0] = o;
        return callSimple(code, fr);
      };
    const { slot: s0, lit: l0, ev: e0 } = ops[0];
    const n0 = names[0];
    if (n === 1 && name === 'append')
      return (f) => {
        const o = read(f, so, lo, eo, no);
        const a = read(f, s0, l0, e0, n0);
        if (o instanceof PyList) {
          o.items.push(a);
          return null;
        }
        return callMethod(o, name, [a], null);
      };
    if (n === 1)
      return (f) => {
        const o = read(f, so, lo, eo, no);
        const a = read(f, s0, l0, e0, n0);
        const code = simpleMethod(o, name, 2);
        if (code === null) return callMethod(o, name, [a], null);
        const fr = newFrame(code.nslots);
        fr[0] = o;
        fr[1] = a;
        return callSimple(code, fr);
      };
    const { slot: s1, lit: l1, ev: e1 } = ops[1];
    const n1 = names[1];
    if (n === 2)
      return (f) => {
        const o = read(f, so, lo, eo, no);
        const a = read(f, s0, l0, e0, n0);
        const b = read(f, s1, l1, e1, n1);
        const code = simpleMethod(o, name, 3);
        if (code === null) return callMethod(o, name, [a, b], null);
        const fr = newFrame(code.nslots);
        fr[0] = o;
        fr[1] = a;
        fr[2] = b;
        return callSimple(code, fr);
      };
    const slots = ops.map((o) => o.slot);
    const lits = ops.map((o) => o.lit);
    const evs = ops.map((o) => o.ev);
    return (f) => {
      const o = read(f, so, lo, eo, no);
      const args: PyValue[] = new Array(n);
      for (let k = 0; k < n; k++) args[k] = read(f, slots[k], lits[k], evs[k], names[k]);
      const code = simpleMethod(o, name, n + 1);
      if (code === null) return callMethod(o, name, args, null);
      const fr = newFrame(code.nslots);
      fr[0] = o;
      for (let k = 0; k < n; k++) fr[k + 1] = args[k];
      return callSimple(code, fr);
    };
  }

  keywords(kws: Node[], sc: Scope): ((f: Frame) => Kwargs) | null {
    if (kws.length === 0) return null;
    const parts = kws.map((k) => ({ name: k.arg as string | undefined, ev: this.expr(k.value, sc) }));
    return (f) => {
      const m: Kwargs = new Map();
      for (const p of parts) {
        const v = p.ev(f);
        if (p.name != null) {
          if (m.has(p.name)) throw typeErr(`keyword argument repeated: ${p.name}`);
          m.set(p.name, v);
        } else {
          if (!(v instanceof PyDict)) throw typeErr(`argument after ** must be a mapping, not ${typeName(v)}`);
          for (const e of v.map.values()) {
            if (typeof e.k !== 'string') throw typeErr('keywords must be strings');
            if (m.has(e.k)) throw typeErr(`got multiple values for keyword argument '${e.k}'`);
            m.set(e.k, e.v);
          }
        }
      }
      return m;
    };
  }

  zeroArgSuper(sc: Scope): Ev {
    if (sc.kind !== 'function' || sc.resolve('__class__') !== 'free')
      return () => {
        throw pyErr('RuntimeError', 'super(): no arguments');
      };
    const clsSlot = sc.slots.get('__class__')!;
    const fnNode = [...this.analysis.scopes.entries()].find(([, s]) => s === sc)?.[0];
    const firstArg = fnNode?.args?.posonlyargs?.[0]?.arg ?? fnNode?.args?.args?.[0]?.arg;
    if (!firstArg)
      return () => {
        throw pyErr('RuntimeError', 'super(): no arguments');
      };
    const self = this.load(firstArg, sc);
    return (f) => new PySuper((f[clsSlot] as Cell).v as PyClass, self(f));
  }

  // -------------------------------------------------------------------------------
  // functions and classes

  qualname(sc: Scope): string {
    const p = sc.parent;
    if (!p || p.kind === 'module') return sc.name;
    if (p.kind === 'class') return this.qualname(p) + '.' + sc.name;
    return this.qualname(p) + '.<locals>.' + sc.name;
  }

  /** Where each free variable of `inner` lives in the enclosing frame. */
  closureSources(inner: Scope, outer: Scope): number[] {
    return inner.frees.map((n) => {
      const s = outer.slots.get(n);
      if (s === undefined) throw new Error(`free variable ${n} not found in enclosing scope`);
      return s;
    });
  }

  functionCode(node: Node, fs: Scope, body: Ex | null, ret: Ev | null, retLine: number, retExpr: Node): FunctionCode {
    const a = node.args;
    const pos = [...(a.posonlyargs ?? []), ...(a.args ?? [])].map((x: Node) => x.arg as string);
    const kwonly = (a.kwonlyargs ?? []).map((x: Node) => x.arg as string);
    const vararg = a.vararg ? (a.vararg.arg as string) : null;
    const kwarg = a.kwarg ? (a.kwarg.arg as string) : null;
    const all = [...pos, ...(vararg ? [vararg] : []), ...kwonly, ...(kwarg ? [kwarg] : [])];
    const seen = new Set<string>();
    for (const n of all) {
      if (seen.has(n)) throw syntaxError(`duplicate argument '${n}' in function definition`, node);
      seen.add(n);
    }
    const simple =
      vararg === null && kwarg === null && kwonly.length === 0 && fs.cells.size === 0 && fs.frees.length === 0 && !fs.hasYield &&
      pos.every((p, i) => fs.slots.get(p) === i);
    return {
      name: fs.name,
      qualname: this.qualname(fs),
      params: pos,
      posonly: (a.posonlyargs ?? []).length,
      kwonly,
      vararg,
      kwarg,
      paramSlots: all.map((n) => fs.slots.get(n)!),
      nslots: fs.nslots,
      cellSlots: [...fs.cells].map((n) => fs.slots.get(n)!),
      freeSlots: fs.frees.map((n) => fs.slots.get(n)!),
      isGenerator: fs.hasYield,
      arity: simple ? pos.length : -1,
      body,
      ret,
      retLine,
      inlinable: retExpr === null ? null : { expr: retExpr, constant: (n) => this.constant(n) },
      lineno: node.lineno,
    };
  }

  makeFunction(node: Node, sc: Scope, decorators: Ev[]): Ev {
    const fs = this.scopeOf(node);
    let body: Ex | null = null;
    let ret: Ev | null = null;
    let retLine = -1;
    let retExpr: Node = null;
    const savedLine = this.stmtLine;
    if (fs.hasYield && node.nodeType !== 'Lambda') {
      // calling a generator function makes the generator object; the body runs as it is iterated
      const loops = this.loopDepth;
      this.loopDepth = 0;
      ret = new GeneratorCompiler(this, fs).body(node.body, fs.name);
      this.loopDepth = loops;
    } else if (node.nodeType === 'Lambda') {
      this.stmtLine = node.lineno;
      ret = this.expr(node.body, fs);
      retExpr = node.body;
      retLine = node.lineno;
    } else {
      // A trailing `return <expr>` is evaluated by the call itself: no statement closure,
      // no round trip through state.retval.
      const stmts: Node[] = node.body;
      const last = stmts[stmts.length - 1];
      const trailing = last.nodeType === 'Return' && last.value ? last : null;
      const before = trailing ? stmts.slice(0, -1) : stmts;
      if (before.length > 0) {
        const loops = this.loopDepth;
        this.loopDepth = 0;
        body = this.block(before, fs);
        this.loopDepth = loops;
      }
      if (trailing) {
        retLine = trailing.lineno;
        this.stmtLine = retLine;
        ret = this.expr(trailing.value, fs);
        if (before.length === 0) retExpr = trailing.value;
      }
    }
    this.stmtLine = savedLine;
    const code = this.functionCode(node, fs, body, ret, retLine, retExpr);
    const defaults: Ev[] = (node.args.defaults ?? []).map((d: Node) => this.expr(d, sc));
    const kwd: [string, Ev][] = [];
    (node.args.kwonlyargs ?? []).forEach((a: Node, i: number) => {
      const d = node.args.kw_defaults[i];
      if (d != null) kwd.push([a.arg, this.expr(d, sc)]);
    });
    const sources = this.closureSources(fs, sc);
    const name = fs.name;
    const qual = code.qualname;
    return (f) => {
      const decos = decorators.map((d) => d(f));
      const dv = defaults.map((d) => d(f));
      const kv = kwd.length ? new Map(kwd.map(([n, e]) => [n, e(f)])) : null;
      const closure = sources.map((s) => f[s] as Cell);
      let fn: PyValue = new PyFunction(code, dv, kv, closure, name, qual);
      for (let i = decos.length - 1; i >= 0; i--) fn = callValue(decos[i], [fn], null);
      return fn;
    };
  }

  classDef(node: Node, sc: Scope): Ex {
    const cs = this.scopeOf(node);
    const decorators: Ev[] = node.decorator_list.map((d: Node) => this.expr(d, sc));
    const bases: Ev[] = node.bases.map((b: Node) => this.expr(b, sc));
    const loops = this.loopDepth;
    this.loopDepth = 0;
    const body = this.block(node.body, cs);
    this.loopDepth = loops;
    const store = this.storeName(node.name, sc);
    const sources = this.closureSources(cs, sc);
    const freeSlots = cs.frees.map((n) => cs.slots.get(n)!);
    const cellSlots = [...cs.cells].map((n) => cs.slots.get(n)!);
    const classCell = cs.cells.has('__class__') ? cs.slots.get('__class__')! : -1;
    const name: string = node.name;
    const qual = this.qualname(cs);
    const line = node.lineno;
    return (f) => {
      state.line = line;
      const decos = decorators.map((d) => d(f));
      const bs = bases.map((b) => b(f));
      for (const b of bs) {
        if (!(b instanceof PyClass)) {
          if ((b as any)?.[PY_TYPE] !== undefined || typeof b === 'function')
            throw typeErr(`subclassing '${typeName(b) === 'type' ? pyRepr(b) : typeName(b)}' is not supported by this interpreter`);
          throw typeErr('bases must be types');
        }
        if (b.module === 'builtins' && !b.isException && b !== objectClass)
          throw typeErr(`subclassing the builtin type '${b.name}' is not supported by this interpreter`);
      }
      const cf: Frame = new Array(cs.nslots);
      const ns = new Map<string, PyValue>();
      cf[0] = ns;
      for (const s of cellSlots) cf[s] = new Cell('');
      for (let i = 0; i < freeSlots.length; i++) cf[freeSlots[i]] = f[sources[i]];
      body(cf);
      state.line = line;
      let cls: PyValue;
      try {
        cls = new PyClass(name, bs.length ? (bs as PyClass[]) : [objectClass], ns);
      } catch (e) {
        throw typeErr((e as Error).message);
      }
      (cls as PyClass).qualname = qual;
      (cls as PyClass).mutable = true;
      if (classCell >= 0) (cf[classCell] as Cell).v = cls;
      for (let i = decos.length - 1; i >= 0; i--) cls = callValue(decos[i], [cls], null);
      store(f, cls);
      return NORMAL;
    };
  }

  // -------------------------------------------------------------------------------
  // assignment targets

  target(node: Node, sc: Scope): Store {
    switch (node.nodeType) {
      case 'Name':
        return this.storeName(node.id, sc);
      case 'Attribute': {
        const obj = this.expr(node.value, sc);
        const name: string = node.attr;
        return (f, v) => setAttr(obj(f), name, v);
      }
      case 'Subscript': {
        const obj = this.expr(node.value, sc);
        const key = this.expr(node.slice, sc);
        return (f, v) => setItem(obj(f), key(f), v);
      }
      case 'Tuple':
      case 'List':
        return this.unpack(node.elts, sc);
      case 'Starred':
        throw syntaxError('starred assignment target must be in a list or tuple', node);
    }
    const what = node.nodeType === 'Call' ? 'function call' : node.nodeType === 'Constant' ? 'literal' : 'expression';
    throw syntaxError(`cannot assign to ${what}`, node);
  }

  unpack(elts: Node[], sc: Scope): Store {
    const star = elts.findIndex((e) => e.nodeType === 'Starred');
    const stores = elts.map((e) => this.target(e.nodeType === 'Starred' ? e.value : e, sc));
    const n = elts.length;
    if (star < 0) {
      return (f, v) => {
        const items = v instanceof PyTuple || v instanceof PyList ? v.items : unpackIterable(v, n);
        if (items.length !== n) {
          if (items.length > n) throw valueErr(`too many values to unpack (expected ${n})`);
          throw valueErr(`not enough values to unpack (expected ${n}, got ${items.length})`);
        }
        for (let i = 0; i < n; i++) stores[i](f, items[i]);
      };
    }
    const after = n - star - 1;
    return (f, v) => {
      const items = v instanceof PyTuple || v instanceof PyList ? v.items : unpackIterable(v, Infinity);
      if (items.length < n - 1)
        throw valueErr(`not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
      for (let i = 0; i < star; i++) stores[i](f, items[i]);
      stores[star](f, new PyList(items.slice(star, items.length - after)));
      for (let i = 0; i < after; i++) stores[star + 1 + i](f, items[items.length - after + i]);
    };
  }

  // -------------------------------------------------------------------------------
  // statements

  block(body: Node[], sc: Scope): Ex {
    // pass/global/nonlocal do nothing when run: no call for them.
    const ss: Ex[] = body.filter((s) => !NO_OPS.has(s.nodeType)).map((s) => this.stmt(s, sc));
    const n = ss.length;
    if (n === 0) return () => NORMAL;
    if (n === 1) return ss[0];
    if (n === 2) {
      const a = ss[0];
      const b = ss[1];
      return (f) => {
        const r = a(f);
        return r !== NORMAL ? r : b(f);
      };
    }
    return (f) => {
      for (let i = 0; i < n; i++) {
        const r = ss[i](f);
        if (r !== NORMAL) return r;
      }
      return NORMAL;
    };
  }

  stmt(node: Node, sc: Scope): Ex {
    const line: number = node.lineno;
    this.stmtLine = line;
    switch (node.nodeType) {
      case 'Expr': {
        const ev = this.expr(node.value, sc);
        return (f) => {
          state.line = line;
          ev(f);
          return NORMAL;
        };
      }
      case 'Assign': {
        const t0 = node.targets[0];
        if (node.targets.length === 1 && t0.nodeType === 'Name' && sc.resolve(t0.id) === 'local') {
          const i = sc.slots.get(t0.id)!;
          const val = this.expr(node.value, sc);
          return (f) => {
            state.line = line;
            f[i] = val(f);
            return NORMAL;
          };
        }
        const val = this.expr(node.value, sc);
        const cell = node.targets.length === 1 ? this.globalTarget(t0, sc) : null;
        if (cell !== null) {
          const g = this.globals;
          return (f) => {
            state.line = line;
            g.bind(cell, val(f));
            return NORMAL;
          };
        }
        if (node.targets.length === 1) {
          const store = this.target(t0, sc);
          return (f) => {
            state.line = line;
            store(f, val(f));
            return NORMAL;
          };
        }
        const stores: Store[] = node.targets.map((t: Node) => this.target(t, sc));
        return (f) => {
          state.line = line;
          const v = val(f);
          for (const s of stores) s(f, v);
          return NORMAL;
        };
      }
      case 'AugAssign':
        return this.augAssign(node, sc);
      case 'AnnAssign': {
        if (!node.value) return () => NORMAL;
        const val = this.expr(node.value, sc);
        const store = this.target(node.target, sc);
        return (f) => {
          state.line = line;
          store(f, val(f));
          return NORMAL;
        };
      }
      case 'Return': {
        if (sc.kind !== 'function') throw syntaxError("'return' outside function", node);
        if (!node.value)
          return () => {
            state.retval = null;
            return RETURN;
          };
        const v = node.value;
        if (v.nodeType === 'Name' && sc.resolve(v.id) === 'local') {
          // `return x` of a local: read inline, no closure call.
          const i = sc.slots.get(v.id)!;
          const name: string = v.id;
          return (f) => {
            state.line = line;
            state.retval = local(f, i, name);
            return RETURN;
          };
        }
        const val = this.expr(v, sc);
        return (f) => {
          state.line = line;
          state.retval = val(f);
          return RETURN;
        };
      }
      case 'Pass':
      case 'Global':
      case 'Nonlocal':
        return () => NORMAL;
      case 'Break':
        if (this.loopDepth === 0) throw syntaxError("'break' outside loop", node);
        return () => BREAK;
      case 'Continue':
        if (this.loopDepth === 0) throw syntaxError("'continue' not properly in loop", node);
        return () => CONTINUE;
      case 'If':
        return this.ifStmt(node, sc);
      case 'While':
        return this.whileStmt(node, sc);
      case 'For':
        return this.forStmt(node, sc);
      case 'FunctionDef': {
        const decos: Ev[] = node.decorator_list.map((d: Node) => this.expr(d, sc));
        const make = this.makeFunction(node, sc, decos);
        const store = this.storeName(node.name, sc);
        const l = node.decorator_list.length ? node.decorator_list[0].lineno : line;
        return (f) => {
          state.line = l;
          store(f, make(f));
          return NORMAL;
        };
      }
      case 'ClassDef':
        return this.classDef(node, sc);
      case 'Try':
        return this.tryStmt(node, sc);
      case 'Raise':
        return this.raiseStmt(node, sc);
      case 'Assert': {
        const test = this.expr(node.test, sc);
        const msg = node.msg ? this.expr(node.msg, sc) : null;
        return (f) => {
          state.line = line;
          if (!truthy(test(f))) {
            const e = pyErr('AssertionError');
            if (msg) e.args = [msg(f)];
            throw e;
          }
          return NORMAL;
        };
      }
      case 'With':
        return this.withStmt(node, sc);
      case 'Delete': {
        const dels: Ex[] = node.targets.map((t: Node) => this.delTarget(t, sc));
        return (f) => {
          state.line = line;
          for (const d of dels) d(f);
          return NORMAL;
        };
      }
      case 'Import':
        return this.importStmt(node, sc);
      case 'ImportFrom':
        return this.importFromStmt(node, sc);
      case 'AsyncFunctionDef':
      case 'AsyncFor':
      case 'AsyncWith':
        throw syntaxError('async code is not supported', node);
      case 'Match':
        throw syntaxError('match statements are not supported', node);
    }
    throw syntaxError(`unsupported statement: ${node.nodeType}`, node);
  }

  delTarget(node: Node, sc: Scope): Ex {
    switch (node.nodeType) {
      case 'Name':
        return this.deleteName(node.id, sc);
      case 'Subscript': {
        const obj = this.expr(node.value, sc);
        const key = this.expr(node.slice, sc);
        return (f) => {
          delItem(obj(f), key(f));
          return NORMAL;
        };
      }
      case 'Attribute': {
        const obj = this.expr(node.value, sc);
        const name: string = node.attr;
        return (f) => {
          delAttr(obj(f), name);
          return NORMAL;
        };
      }
      case 'Tuple':
      case 'List': {
        const parts: Ex[] = node.elts.map((e: Node) => this.delTarget(e, sc));
        return (f) => {
          for (const p of parts) p(f);
          return NORMAL;
        };
      }
    }
    throw syntaxError('cannot delete expression', node);
  }

  augAssign(node: Node, sc: Scope): Ex {
    const op = BINOPS[node.op.nodeType];
    const line: number = node.lineno;
    const t = node.target;
    const { slot: j, lit: k, ev: v } = this.operand(node.value, sc);
    const nj: string = node.value.id;
    if (t.nodeType === 'Name' && sc.resolve(t.id) === 'local') {
      // `total += x`, `k += 1` on a local: no calls for the target or a local/literal value.
      const i = sc.slots.get(t.id)!;
      const name: string = t.id;
      if (op === '+')
        return (f) => {
          state.line = line;
          const a = local(f, i, name);
          const b = read(f, j, k, v, nj);
          f[i] = isNum(a) && isNum(b) ? add(a, b) : inplace('+', a, b);
          return NORMAL;
        };
      if (op === '-')
        return (f) => {
          state.line = line;
          const a = local(f, i, name);
          const b = read(f, j, k, v, nj);
          f[i] = isNum(a) && isNum(b) ? sub(a, b) : inplace('-', a, b);
          return NORMAL;
        };
      return (f) => {
        state.line = line;
        const a = local(f, i, name);
        f[i] = inplace(op, a, read(f, j, k, v, nj));
        return NORMAL;
      };
    }
    const val: Ev = (f) => read(f, j, k, v, nj);
    if (t.nodeType === 'Name') {
      const load = this.load(t.id, sc);
      const store = this.storeName(t.id, sc);
      return (f) => {
        state.line = line;
        const a = load(f);
        store(f, inplace(op, a, val(f)));
        return NORMAL;
      };
    }
    if (t.nodeType === 'Attribute') {
      const obj = this.expr(t.value, sc);
      const name: string = t.attr;
      return (f) => {
        state.line = line;
        const o = obj(f);
        const a = getAttr(o, name);
        setAttr(o, name, inplace(op, a, val(f)));
        return NORMAL;
      };
    }
    if (t.nodeType === 'Subscript') {
      const obj = this.expr(t.value, sc);
      const key = this.expr(t.slice, sc);
      return (f) => {
        state.line = line;
        const o = obj(f);
        const k = key(f);
        const a = getItem(o, k);
        setItem(o, k, inplace(op, a, val(f)));
        return NORMAL;
      };
    }
    throw syntaxError("'" + node.target.nodeType + "' is an illegal expression for augmented assignment", node);
  }

  ifStmt(node: Node, sc: Scope): Ex {
    const line: number = node.lineno;
    const test = this.expr(node.test, sc);
    const body = this.block(node.body, sc);
    const orelse = node.orelse.length ? this.block(node.orelse, sc) : null;
    if (orelse === null)
      return (f) => {
        state.line = line;
        return truthy(test(f)) ? body(f) : NORMAL;
      };
    return (f) => {
      state.line = line;
      return truthy(test(f)) ? body(f) : orelse(f);
    };
  }

  whileStmt(node: Node, sc: Scope): Ex {
    const line: number = node.lineno;
    const test = this.expr(node.test, sc);
    const body = this.loopBody(node.body, sc);
    const orelse = node.orelse.length ? this.block(node.orelse, sc) : null;
    const tier = this.numericLoop(node, sc);
    if (tier !== null) {
      let hot = 0;
      return (f) => {
        let tries = hot >= HOT ? WARM_TRIES : 0;
        for (;;) {
          if (tries > 0) {
            const s = tier.run(f, null, 0);
            if (s === ENDED) break;
            if (s === BROKE) return NORMAL;
            tries = s === REFUSED ? tries - 1 : 0;
          }
          state.line = line;
          if (!truthy(test(f))) break;
          if (++state.steps > state.maxSteps) stepLimitExceeded();
          if (++hot === HOT) tries = 1;
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
        return orelse ? orelse(f) : NORMAL;
      };
    }
    return (f) => {
      for (;;) {
        state.line = line;
        if (!truthy(test(f))) break;
        if (++state.steps > state.maxSteps) stepLimitExceeded();
        const r = body(f);
        if (r === BREAK) return NORMAL;
        if (r === RETURN) return r;
      }
      return orelse ? orelse(f) : NORMAL;
    };
  }

  /**
   * The numeric loop tier for a `while`/`for` loop, if it is on and the loop's shape fits.
   * A loop goes to the tier once it has run HOT iterations in the interpreter; on later
   * entries it tries at the first iteration, and again at the second: a variable the body
   * binds first is still unbound at the first.
   */
  private numericLoop(node: Node, sc: Scope): NumericLoop | null {
    return state.numericLoops ? NumericLoop.of(node, sc, this.globals, (n) => this.constant(n)) : null;
  }

  forStmt(node: Node, sc: Scope): Ex {
    const line: number = node.lineno;
    const iter = this.expr(node.iter, sc);
    const body = this.loopBody(node.body, sc);
    const orelse = node.orelse.length ? this.block(node.orelse, sc) : null;
    const t = node.target;
    const localSlot = t.nodeType === 'Name' && sc.resolve(t.id) === 'local' ? sc.slots.get(t.id)! : -1;
    const cell = this.globalTarget(t, sc);
    const globals = this.globals;
    const store = localSlot >= 0 || cell !== null ? null : this.target(t, sc);
    const tier = this.numericLoop(node, sc);
    let hot = 0;
    return (f) => {
      state.line = line;
      const it = iter(f);
      if (it instanceof PyList) {
        // Index-based over the live list (appends during the loop are seen, as in Python).
        for (let i = 0; i < it.items.length; i++) {
          if (++state.steps > state.maxSteps) stepLimitExceeded(line);
          const v = it.items[i];
          bindTarget(f, v, localSlot, cell, globals, store);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
      } else if (it instanceof PyRange) {
        const { start, step, length } = it;
        let tries = tier !== null && hot >= HOT ? WARM_TRIES : 0;
        for (let i = 0, v = start; i < length; i++, v += step) {
          if (tries > 0) {
            // the numeric tier runs the rest of the loop, or hands it back at iteration resumeIndex
            const s = tier!.run(f, it, i);
            if (s === ENDED) break;
            if (s === BROKE) return NORMAL;
            tries = s === REFUSED ? tries - 1 : 0;
            if (s === BAILED) {
              i = tier!.resumeIndex;
              v = tier!.resumeValue;
            }
          }
          if (++state.steps > state.maxSteps) stepLimitExceeded(line);
          if (tier !== null && ++hot === HOT) tries = 1;
          bindTarget(f, v, localSlot, cell, globals, store);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
      } else {
        const g = iterate(it);
        for (;;) {
          state.line = line;
          const n = g.next();
          if (n.done) break;
          if (++state.steps > state.maxSteps) stepLimitExceeded(line);
          bindTarget(f, n.value, localSlot, cell, globals, store);
          const r = body(f);
          if (r === BREAK) return NORMAL;
          if (r === RETURN) return r;
        }
      }
      return orelse ? orelse(f) : NORMAL;
    };
  }

  tryStmt(node: Node, sc: Scope): Ex {
    const body = this.block(node.body, sc);
    const handlers = node.handlers.map((h: Node) => ({
      type: h.type ? this.expr(h.type, sc) : null,
      store: h.name ? this.storeName(h.name, sc) : null,
      unbind: h.name ? this.deleteName(h.name, sc) : null,
      body: this.block(h.body, sc),
      line: h.lineno as number,
    }));
    const orelse = node.orelse.length ? this.block(node.orelse, sc) : null;
    const finalbody = node.finalbody.length ? this.block(node.finalbody, sc) : null;
    const inner: Ex =
      handlers.length === 0
        ? body
        : (f) => {
            let r: number;
            const depth = state.depth;
            try {
              r = body(f);
            } catch (e) {
              restoreDepth(depth);
              const exc = toPyExc(e);
              if (exc.fatal) throw exc;
              for (const h of handlers) {
                state.line = h.line;
                if (h.type !== null && !exceptionMatches(exc, h.type(f))) continue;
                state.handling.push(exc);
                try {
                  if (h.store) h.store(f, exc);
                  return h.body(f);
                } finally {
                  state.handling.pop();
                  // `except E as e` unbinds e when the handler ends, as Python does.
                  if (h.unbind) {
                    try {
                      h.unbind(f);
                    } catch {
                      /* already unbound by the handler itself */
                    }
                  }
                }
              }
              throw exc;
            }
            if (r === NORMAL && orelse) return orelse(f);
            return r;
          };
    if (!finalbody) return inner;
    return (f) => {
      let r: number;
      let failed = true;
      const depth = state.depth;
      try {
        r = inner(f);
        failed = false;
      } finally {
        if (failed) restoreDepth(depth);
        const saved = state.retval;
        const line = state.line;
        const fr = finalbody(f);
        // break/continue/return in `finally` replace the pending result or exception.
        if (fr !== NORMAL) return fr;
        state.retval = saved;
        if (failed) state.line = line;
      }
      return r!;
    };
  }

  raiseStmt(node: Node, sc: Scope): Ex {
    const line: number = node.lineno;
    const exc = node.exc ? this.expr(node.exc, sc) : null;
    const cause = node.cause ? this.expr(node.cause, sc) : null;
    return (f) => {
      state.line = line;
      if (exc === null) {
        const cur = state.handling[state.handling.length - 1];
        if (cur === undefined) throw pyErr('RuntimeError', 'No active exception to reraise');
        throw cur;
      }
      let e = exc(f);
      let c = cause ? cause(f) : null;
      if (e instanceof PyClass && e.isException) e = callValue(e, [], null);
      if (!(e instanceof PyExc)) throw typeErr('exceptions must derive from BaseException');
      if (c instanceof PyClass && c.isException) c = callValue(c, [], null);
      if (cause) e.pyCause = c;
      const handling = state.handling[state.handling.length - 1];
      if (handling !== undefined && handling !== e) e.pyContext = handling;
      if (e.line === undefined) e.line = line;
      throw e;
    };
  }

  withStmt(node: Node, sc: Scope): Ex {
    const line: number = node.lineno;
    let body = this.block(node.body, sc);
    for (let i = node.items.length - 1; i >= 0; i--) {
      const item = node.items[i];
      const ctx = this.expr(item.context_expr, sc);
      const store = item.optional_vars ? this.target(item.optional_vars, sc) : null;
      const inner = body;
      body = (f) => {
        state.line = line;
        const mgr = ctx(f);
        const entered = enterContext(mgr);
        let r: number;
        const depth = state.depth;
        try {
          if (store) store(f, entered);
          r = inner(f);
        } catch (e) {
          restoreDepth(depth);
          const exc = toPyExc(e);
          if (!exc.fatal && exitContext(mgr, exc)) return NORMAL;
          throw exc;
        }
        exitContext(mgr, null);
        return r;
      };
    }
    return body;
  }

  importStmt(node: Node, sc: Scope): Ex {
    const line: number = node.lineno;
    const parts = node.names.map((a: Node) => {
      const name: string = a.name;
      const top = name.split('.')[0];
      return { name, store: this.storeName(a.asname ?? top, sc), asTop: !a.asname, top };
    });
    return (f) => {
      state.line = line;
      for (const p of parts) {
        const m = importModule(p.name);
        p.store(f, p.asTop ? importModule(p.top) : m);
      }
      return NORMAL;
    };
  }

  importFromStmt(node: Node, sc: Scope): Ex {
    const line: number = node.lineno;
    const modName: string = node.module ?? '';
    if (node.level > 0)
      return () => {
        state.line = line;
        throw pyErr('ImportError', 'attempted relative import with no known parent package');
      };
    if (node.names.length === 1 && node.names[0].name === '*') {
      if (sc.kind !== 'module') throw syntaxError('import * only allowed at module level', node);
      return () => {
        state.line = line;
        const m = importModule(modName);
        for (const [k, v] of importFrom(m, modName, '*') as Map<string, PyValue>) this.globals.set(k, v);
        return NORMAL;
      };
    }
    const parts = node.names.map((a: Node) => ({ name: a.name as string, store: this.storeName(a.asname ?? a.name, sc) }));
    return (f) => {
      state.line = line;
      const m = importModule(modName);
      for (const p of parts) p.store(f, importFrom(m, modName, p.name));
      return NORMAL;
    };
  }

  /** The module body: run with an (almost empty) frame, names are globals. */
  module(node: Node): { run: Ex; nslots: number } {
    const sc = this.analysis.module;
    const run = this.block(node.body, sc);
    return { run, nslots: sc.nslots };
  }

  expression(node: Node): Ev {
    this.stmtLine = node.lineno;
    return this.expr(node, this.analysis.module);
  }
}



/** A loop variable's binding: a local slot, a module cell, or any other target's Store. */
function bindTarget(f: Frame, v: PyValue, slot: number, cell: Cell | null, g: Globals, store: Store | null): void {
  if (slot >= 0) f[slot] = v;
  else if (cell !== null) g.bind(cell, v);
  else store!(f, v);
}

/** A call's callee: a global (cell, else builtin) read inline, or any other expression. */
function callee(f: Frame, cell: Cell | null, builtin: PyValue | undefined, name: string, fn: Ev | null): PyValue {
  return cell !== null ? globalValue(cell, builtin, name) : fn!(f);
}

/** g's code when g is a simple Python function of exactly `arity` positional parameters. */
function simpleCode(g: PyValue, arity: number): FunctionCode | null {
  return g instanceof PyFunction && g.code.arity === arity ? g.code : null;
}

/** The code of obj's `name` when that is a simple method of obj's class taking `arity` parameters (self included). */
function simpleMethod(o: PyValue, name: string, arity: number): FunctionCode | null {
  if (!(o instanceof PyInstance) || o.dict.has(name)) return null;
  return simpleCode(o.cls.lookup(name), arity);
}

function compareOne(op: string, a: PyValue, b: PyValue): PyValue {
  switch (op) {
    case 'is':
      return a === b;
    case 'is not':
      return a !== b;
    case 'in':
      return contains(b, a);
    case 'not in':
      return !contains(b, a);
  }
  return compare(op as CmpOp, a, b);
}

function unpackIterable(v: PyValue, n: number): PyValue[] {
  const out: PyValue[] = [];
  const it = unpackIterator(v);
  for (let r = it.next(); !r.done; r = it.next()) {
    out.push(r.value);
    if (out.length > n) throw valueErr(`too many values to unpack (expected ${n})`);
  }
  return out;
}

/** iterate(v) for an unpacking target, with CPython's message for a value that is not iterable. */
function unpackIterator(v: PyValue): Iterator<PyValue> {
  try {
    return iterate(v);
  } catch (e) {
    if (e instanceof PyExc && e.cls.name === 'TypeError' && excStr(e) === `'${typeName(v)}' object is not iterable`)
      throw typeErr(`cannot unpack non-iterable ${typeName(v)} object`);
    throw e;
  }
}

export function exceptionMatches(exc: PyExc, type: PyValue): boolean {
  if (type instanceof PyTuple) return type.items.some((t) => exceptionMatches(exc, t));
  if (!(type instanceof PyClass) || !type.isException)
    throw typeErr('catching classes that do not inherit from BaseException is not allowed');
  return exc.cls.isSubclassOf(type);
}

/** obj.name(args): builtin method tables and user methods without a bound-method object. */
export function callMethod(obj: PyValue, name: string, args: PyValue[], kwargs: Kwargs | null): PyValue {
  if (obj instanceof PyInstance) {
    const own = obj.dict.get(name);
    if (own !== undefined) return callValue(own, args, kwargs);
    const m = obj.cls.lookup(name);
    if (m instanceof PyFunction) return callWithSelf(m, obj, args, kwargs);
  } else {
    const table = methodTable(obj);
    if (table !== undefined) {
      const m = table.get(name);
      if (m !== undefined) return m(obj, args, kwargs);
    }
  }
  return callValue(getAttr(obj, name), args, kwargs);
}

