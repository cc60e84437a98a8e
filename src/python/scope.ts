/**
 * Symbol tables, as CPython's symtable computes them: which names of each function are
 * locals (frame slots), which are cells (captured by an inner function), which are free
 * (captured from an enclosing function), and which are global.
 */
import { pyErr } from './exceptions.js';

export type ScopeKind = 'module' | 'function' | 'class' | 'comp';

export class Scope {
  readonly bound = new Set<string>();
  readonly used = new Set<string>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  readonly children: Scope[] = [];
  /** Frame slots (function, comp and class scopes; class slot 0 holds the namespace). */
  readonly slots = new Map<string, number>();
  readonly cells = new Set<string>();
  readonly frees: string[] = [];
  nslots = 0;
  hasYield = false;
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    readonly name: string,
  ) {
    if (kind === 'class') this.nslots = 1;
  }

  slot(name: string): number {
    let s = this.slots.get(name);
    if (s === undefined) {
      s = this.nslots++;
      this.slots.set(name, s);
    }
    return s;
  }

  /** Names that live in this scope's frame. */
  isLocal(name: string): boolean {
    return (this.kind === 'function' || this.kind === 'comp') && this.bound.has(name) && !this.globals.has(name) && !this.nonlocals.has(name);
  }

  isFree(name: string): boolean {
    return this.frees.includes(name);
  }

  /** How a name is reached from code in this scope. */
  resolve(name: string): 'local' | 'cell' | 'free' | 'global' | 'classns' {
    if (this.globals.has(name)) return 'global';
    if (this.kind === 'class') {
      if (this.frees.includes(name) && !this.bound.has(name)) return 'free';
      return 'classns';
    }
    if (this.isLocal(name)) return this.cells.has(name) ? 'cell' : 'local';
    if (this.frees.includes(name)) return 'free';
    return 'global';
  }
}

type Node = any;

class Collector {
  readonly scopes = new Map<Node, Scope>();

  constructor(readonly source: string) {}

  target(node: Node, sc: Scope): void {
    switch (node.nodeType) {
      case 'Name':
        this.bind(node.id, sc);
        return;
      case 'Tuple':
      case 'List':
        for (const e of node.elts) this.target(e, sc);
        return;
      case 'Starred':
        this.target(node.value, sc);
        return;
      default:
        this.expr(node, sc);
    }
  }

  bind(name: string, sc: Scope): void {
    sc.bound.add(name);
  }

  args(args: Node, sc: Scope, inner: Scope): void {
    for (const d of args.defaults ?? []) this.expr(d, sc);
    for (const d of args.kw_defaults ?? []) if (d) this.expr(d, sc);
    const all = [...(args.posonlyargs ?? []), ...(args.args ?? [])];
    for (const a of all) this.bind(a.arg, inner);
    if (args.vararg) this.bind(args.vararg.arg, inner);
    for (const a of args.kwonlyargs ?? []) this.bind(a.arg, inner);
    if (args.kwarg) this.bind(args.kwarg.arg, inner);
  }

  child(kind: ScopeKind, node: Node, sc: Scope, name: string): Scope {
    const s = new Scope(kind, sc, name);
    sc.children.push(s);
    this.scopes.set(node, s);
    return s;
  }

  stmts(body: Node[], sc: Scope): void {
    for (const s of body) this.stmt(s, sc);
  }

  stmt(node: Node, sc: Scope): void {
    switch (node.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        for (const d of node.decorator_list) this.expr(d, sc);
        const fs = this.child('function', node, sc, node.name);
        this.args(node.args, sc, fs);
        this.stmts(node.body, fs);
        this.bind(node.name, sc);
        return;
      }
      case 'ClassDef': {
        for (const d of node.decorator_list) this.expr(d, sc);
        for (const b of node.bases) this.expr(b, sc);
        for (const k of node.keywords) this.expr(k.value, sc);
        const cs = this.child('class', node, sc, node.name);
        this.stmts(node.body, cs);
        this.bind(node.name, sc);
        return;
      }
      case 'Global':
      case 'Nonlocal':
        for (const n of node.names) {
          if (sc.used.has(n) || sc.bound.has(n)) {
            const what = sc.bound.has(n) ? 'assigned to' : 'used';
            throw syntaxError(`name '${n}' is ${what} before ${node.nodeType.toLowerCase()} declaration`, node);
          }
          if (node.nodeType === 'Global') sc.globals.add(n);
          else {
            if (sc.kind === 'module') throw syntaxError('nonlocal declaration not allowed at module level', node);
            sc.nonlocals.add(n);
          }
        }
        return;
      case 'Import':
        for (const a of node.names) this.bind(a.asname ?? a.name.split('.')[0], sc);
        return;
      case 'ImportFrom':
        for (const a of node.names) this.bind(a.asname ?? a.name, sc);
        return;
      case 'Try':
      case 'TryStar':
        this.stmts(node.body, sc);
        for (const h of node.handlers) {
          if (h.type) this.expr(h.type, sc);
          if (h.name) this.bind(h.name, sc);
          this.stmts(h.body, sc);
        }
        this.stmts(node.orelse, sc);
        this.stmts(node.finalbody, sc);
        return;
      case 'With':
      case 'AsyncWith':
        for (const it of node.items) {
          this.expr(it.context_expr, sc);
          if (it.optional_vars) this.target(it.optional_vars, sc);
        }
        this.stmts(node.body, sc);
        return;
      case 'For':
      case 'AsyncFor':
        this.expr(node.iter, sc);
        this.target(node.target, sc);
        this.stmts(node.body, sc);
        this.stmts(node.orelse, sc);
        return;
      case 'Assign':
        this.expr(node.value, sc);
        for (const t of node.targets) this.target(t, sc);
        return;
      case 'AugAssign':
        this.expr(node.value, sc);
        if (node.target.nodeType === 'Name') {
          sc.used.add(node.target.id);
          this.bind(node.target.id, sc);
        } else this.expr(node.target, sc);
        return;
      case 'AnnAssign':
        if (node.value) this.expr(node.value, sc);
        if (node.value || node.target.nodeType !== 'Name') this.target(node.target, sc);
        else this.bind(node.target.id, sc);
        return;
      case 'Delete':
        for (const t of node.targets) this.target(t, sc);
        return;
      default:
        this.generic(node, sc);
    }
  }

  generic(node: Node, sc: Scope): void {
    for (const key in node) {
      if (key === 'nodeType' || key === 'ctx') continue;
      const v = node[key];
      if (Array.isArray(v)) {
        for (const x of v) if (x && typeof x === 'object' && x.nodeType) this.visit(x, sc);
      } else if (v && typeof v === 'object' && v.nodeType) this.visit(v, sc);
    }
  }

  visit(node: Node, sc: Scope): void {
    if (isStmt(node.nodeType)) this.stmt(node, sc);
    else this.expr(node, sc);
  }

  comp(node: Node, sc: Scope, parts: Node[]): void {
    const gens = node.generators;
    this.expr(gens[0].iter, sc);
    const cs = this.child('comp', node, sc, compName(node.nodeType));
    cs.bound.add('.0');
    gens.forEach((g: Node, i: number) => {
      if (i > 0) this.expr(g.iter, cs);
      this.target(g.target, cs);
      for (const c of g.ifs) this.expr(c, cs);
    });
    for (const p of parts) this.expr(p, cs);
  }

  expr(node: Node, sc: Scope): void {
    switch (node.nodeType) {
      case 'Name':
        if (node.ctx?.nodeType === 'Load') sc.used.add(node.id);
        else this.bind(node.id, sc);
        if (node.id === 'super' && sc.kind === 'function') this.useClassCell(sc);
        return;
      case 'Lambda': {
        const fs = this.child('function', node, sc, '<lambda>');
        this.args(node.args, sc, fs);
        this.expr(node.body, fs);
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.comp(node, sc, [node.elt]);
        return;
      case 'DictComp':
        this.comp(node, sc, [node.key, node.value]);
        return;
      case 'NamedExpr': {
        let target = sc;
        while (target.kind === 'comp' && target.parent) target = target.parent;
        this.expr(node.value, sc);
        this.bind(node.target.id, target);
        if (target !== sc) sc.used.add(node.target.id);
        return;
      }
      case 'Yield':
      case 'YieldFrom':
        if (sc.kind === 'module' || sc.kind === 'class') throw syntaxError("'yield' outside function", node);
        sc.hasYield = true;
        this.generic(node, sc);
        return;
      default:
        this.generic(node, sc);
    }
  }

  /** Zero-argument super() reads the implicit `__class__` cell of the enclosing class. */
  useClassCell(sc: Scope): void {
    sc.used.add('__class__');
  }
}

const STMTS = new Set([
  'FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'AnnAssign', 'For',
  'AsyncFor', 'While', 'If', 'With', 'AsyncWith', 'Raise', 'Try', 'TryStar', 'Assert', 'Import', 'ImportFrom',
  'Global', 'Nonlocal', 'Expr', 'Pass', 'Break', 'Continue', 'Match',
]);
const isStmt = (t: string) => STMTS.has(t);

function compName(t: string): string {
  return t === 'ListComp' ? '<listcomp>' : t === 'SetComp' ? '<setcomp>' : t === 'DictComp' ? '<dictcomp>' : '<genexpr>';
}

export function syntaxError(msg: string, node: Node) {
  const e = pyErr('SyntaxError', msg);
  e.line = node?.lineno ?? 0;
  return e;
}

/** Resolve free variables and allocate slots, top-down. */
function resolveScope(sc: Scope): void {
  if (sc.kind === 'function' || sc.kind === 'comp') {
    for (const n of sc.bound) if (sc.isLocal(n)) sc.slot(n);
  }
  for (const n of sc.nonlocals) {
    if (!resolveFree(sc, n)) throw pyErr('SyntaxError', `no binding for nonlocal '${n}' found`);
  }
  if (sc.kind !== 'module') {
    for (const n of sc.used) {
      if (sc.globals.has(n) || sc.isLocal(n) || sc.frees.includes(n)) continue;
      if (sc.kind === 'class' && sc.bound.has(n)) continue;
      resolveFree(sc, n);
    }
  }
  for (const c of sc.children) resolveScope(c);
}

/** Find `name` in an enclosing function scope; mark it cell there and free on the way down. */
function resolveFree(sc: Scope, name: string): boolean {
  let p = sc.parent;
  // Class bodies are skipped by nested functions, except for the implicit __class__ cell.
  while (p && p.kind === 'class' && name !== '__class__') p = p.parent;
  if (!p || p.kind === 'module') return false;
  let found = false;
  if (p.kind === 'class') {
    // __class__ lives in the class body's frame.
    p.cells.add(name);
    p.slot(name);
    found = true;
  } else if (p.isLocal(name)) {
    p.cells.add(name);
    found = true;
  } else if (p.frees.includes(name)) found = true;
  else if (resolveFree(p, name)) {
    p.frees.push(name);
    p.slot(name);
    found = true;
  }
  if (found && !sc.frees.includes(name)) {
    sc.frees.push(name);
    sc.slot(name);
  }
  return found;
}

export interface Analysis {
  module: Scope;
  scopes: Map<Node, Scope>;
}

export function analyze(module: Node, source: string): Analysis {
  const c = new Collector(source);
  const top = new Scope('module', null, '<module>');
  c.scopes.set(module, top);
  c.stmts(module.body, top);
  resolveScope(top);
  return { module: top, scopes: c.scopes };
}

/** For a single expression evaluated in module globals (evaluateExpression). */
export function analyzeExpression(expr: Node, source: string): Analysis {
  const c = new Collector(source);
  const top = new Scope('module', null, '<module>');
  c.scopes.set(expr, top);
  c.expr(expr, top);
  resolveScope(top);
  return { module: top, scopes: c.scopes };
}
