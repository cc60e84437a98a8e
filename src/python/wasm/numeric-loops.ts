/**
 * The numeric loop tier. A hot `while` loop, or `for ... in range(...)`, whose body only
 * does int and float arithmetic on plain variables (calling functions whose body is one
 * `return`, which are inlined, and appending to lists) is compiled to WebAssembly for the
 * types its variables hold, and run there.
 *
 * Why the results are Python's:
 * - Safe ints and floats are both exact doubles, so f64 arithmetic gives Python's
 *   answer wherever it is used. Int results are checked to stay safe, and `//` and `%`
 *   go through i64 so they are exact.
 * - Such a loop touches nothing but its variables and the ends of its lists, so an
 *   iteration can be abandoned (its appends popped) and run again. Whenever Python would do something else (an int growing past 2**53, a
 *   division by zero, a zero range step, the step budget running out), the compiled
 *   loop *bails out*: the variables are left as they were when the current iteration of
 *   the outermost loop began, and the interpreter carries on from there. It then raises
 *   the error, or goes to big ints, exactly as it would have.
 * - Step counting is the interpreter's: one step per iteration of every loop, and per call.
 */
import type { Globals } from '../globals.js';
import { PyFunction, type Cell, type FunctionCode, type PyRange } from '../objects.js';
import type { Scope } from '../scope.js';
import { state } from '../state.js';
import { PyFloat, PyList, type PyValue } from '../values.js';
import { BlockType, Code, moduleBytes, Op } from './emit.js';

type Node = any;
type Num = 'int' | 'float';
/** What a variable holds for one compiled version: a number, a list it appends to, or a function it calls. */
type VarType = Num | 'list' | FunctionCode;

/** What running a loop in the tier ended with. */
export const REFUSED = -1;
export const ENDED = 0;
export const BROKE = 1;
export const BAILED = 2;

/** Interpreted iterations of a loop before it is compiled. */
export const HOT = 1000;
/** Tries on entering a warm loop: its first iteration, and its second. */
export const WARM_TRIES = 2;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Well inside WebAssembly's own limits (50000 locals, 7.6 MB per function in V8). */
const MAX_VARS = 1000;
const MAX_LOCALS = 10_000;
const MAX_CODE_BYTES = 1_000_000;
/** Type mixes compiled per loop, and loops compiled per program run: bounds what a program can make the engine compile. */
const MAX_MIXES_PER_LOOP = 4;
const MAX_COMPILES_PER_RUN = 64;

/**
 * The one memory every compiled loop works in: variables at slots 0..n-1, then the step
 * count, the `for` index, its element, the range's step and length, the append count.
 * Runs are synchronous and a compiled loop calls nothing that runs Python, so one memory
 * serves them all.
 */
const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
const slots = new Float64Array(memory.buffer);

interface Var {
  /** frame slot of a local, or -1 for a global */
  slot: number;
  cell: Cell | null;
  assigned: boolean;
}

type Compiled = (budget: number) => number;

/** Thrown while generating code for a shape or type mix the tier does not handle. */
class Unsupported extends Error {}

const BINOPS: Record<string, string> = { Add: '+', Sub: '-', Mult: '*', Div: '/', FloorDiv: '//', Mod: '%' };
const CMP_OPCODES: Record<string, number> = { Lt: Op.f64Lt, LtE: Op.f64Le, Gt: Op.f64Gt, GtE: Op.f64Ge, Eq: Op.f64Eq, NotEq: Op.f64Ne };

/**
 * A loop the tier can run: found at compile time from the loop's shape alone; compiled
 * per mix of variable types (int, float, list, which function) when first run with it.
 */
export class NumericLoop {
  private readonly vars: Var[] = [];
  private readonly byName = new Map<string, number>();
  private readonly compiled = new Map<string, Compiled | null>();
  private readonly rangeCell: Cell | null;
  /** For a `for` loop: the index of the target variable (bound by the loop itself). */
  private readonly target: number;
  /** The iteration a bailed-out `for` loop resumes at, and its element. */
  resumeIndex = 0;
  resumeValue = 0;
  /** By variable, for this run: its type, the list it holds, the float it held on entry (else null). */
  private readonly types: VarType[] = [];
  private readonly lists: PyList[] = [];
  private readonly floats: (PyFloat | null)[] = [];
  /** The functions' code seen (an index here is part of a version's key). */
  private readonly functions: FunctionCode[] = [];
  /** Lists appended to in this run, in order: a bail-out pops what its iteration appended. */
  private readonly appended: PyList[] = [];
  private readonly append = (k: number, v: number, isFloat: number): void => {
    const list = this.lists[k];
    list.items.push(isFloat ? new PyFloat(v) : v);
    this.appended.push(list);
  };

  private constructor(
    private readonly node: Node,
    private readonly constant: (node: Node) => PyValue,
    sc: Scope,
    private readonly globals: Globals,
  ) {
    const names = new Map<string, boolean>();
    let usesRange = false;
    collect(node, names, () => (usesRange = true));
    for (const [name, assigned] of names) {
      const kind = sc.resolve(name);
      if (kind !== 'local' && kind !== 'global') throw new Unsupported(name);
      this.byName.set(name, this.vars.length);
      this.vars.push({ slot: kind === 'local' ? sc.slots.get(name)! : -1, cell: kind === 'global' ? globals.cell(name) : null, assigned });
    }
    if (this.vars.length > MAX_VARS) throw new Unsupported('too many variables');
    if (usesRange && sc.resolve('range') !== 'global') throw new Unsupported('range');
    this.rangeCell = usesRange ? globals.cell('range') : null;
    this.target = node.nodeType === 'For' ? this.byName.get(node.target.id)! : -1;
  }

  /** The tier for this `while`/`for` node, or null if its shape is outside what the tier runs. */
  static of(node: Node, sc: Scope, globals: Globals, constant: (node: Node) => PyValue): NumericLoop | null {
    try {
      return new NumericLoop(node, constant, sc, globals);
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    }
  }

  /**
   * Runs the loop from its current state: a `while` loop from the top of an iteration, a
   * `for` loop over `range` from iteration `index` (the target not yet bound for it).
   * REFUSED leaves everything untouched; BAILED leaves the variables (and, for a `for`
   * loop, `resumeIndex`) at the start of the iteration the interpreter must run next.
   */
  run(f: PyValue[], range: PyRange | null, index: number): number {
    if (this.rangeCell !== null && this.rangeCell.v !== undefined) return REFUSED;
    const mem = slots;
    const n = this.vars.length;
    // An inlined call is a frame deeper: at the limit, the interpreter raises RecursionError.
    if (state.depth >= state.maxDepth) return REFUSED;
    let key = '';
    for (let k = 0; k < n; k++) {
      const v = this.vars[k];
      const x = v.slot >= 0 ? f[v.slot] : v.cell!.v;
      this.floats[k] = x instanceof PyFloat && k !== this.target ? x : null;
      if (k === this.target) {
        key += 'i';
        this.types[k] = 'int';
        mem[k] = 0;
      } else if (typeof x === 'number') {
        key += 'i';
        this.types[k] = 'int';
        mem[k] = x;
      } else if (x instanceof PyFloat) {
        key += 'f';
        this.types[k] = 'float';
        mem[k] = x.v;
      } else if (x instanceof PyList) {
        key += 'l';
        this.types[k] = 'list';
        this.lists[k] = x;
      } else if (x instanceof PyFunction && x.code.inlinable !== null && x.code.arity >= 0) {
        let i = this.functions.indexOf(x.code);
        if (i < 0) i = this.functions.push(x.code) - 1;
        key += `F${i},`;
        this.types[k] = x.code;
      } else return REFUSED;
    }
    let run = this.compiled.get(key);
    if (run === undefined) {
      if (this.compiled.size >= MAX_MIXES_PER_LOOP || state.loopsCompiled >= MAX_COMPILES_PER_RUN) return REFUSED;
      state.loopsCompiled++;
      run = this.compile();
      this.compiled.set(key, run);
    }
    if (run === null) return REFUSED;
    this.appended.length = 0;
    if (range !== null) {
      mem[n + 1] = index;
      mem[n + 2] = range.at(index);
      mem[n + 3] = range.step;
      mem[n + 4] = range.length;
    }
    const status = run(state.maxSteps - state.steps);
    state.steps += mem[n];
    if (status === BAILED) for (let i = this.appended.length - 1; i >= mem[n + 5]; i--) this.appended[i].items.pop();
    // A bail in the first iteration leaves the target as the interpreter had it; a later
    // one leaves what the last finished iteration gave it.
    const targetUnbound = status === BAILED && mem[n + 1] === index;
    for (let k = 0; k < n; k++) {
      const v = this.vars[k];
      if (!v.assigned || (targetUnbound && k === this.target)) continue;
      // a float whose value is unchanged stays the same object (`y = x` keeps `y is x`)
      const old = this.floats[k];
      const x = old === null ? mem[k] : Object.is(old.v, mem[k]) ? old : new PyFloat(mem[k]);
      if (v.slot >= 0) f[v.slot] = x;
      else this.globals.bind(v.cell!, x);
    }
    if (status === BAILED && range !== null) {
      this.resumeIndex = mem[n + 1];
      this.resumeValue = range.at(this.resumeIndex);
    }
    return status;
  }

  /** Compiles the loop for the types run() found its variables holding. */
  private compile(): Compiled | null {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      const g = new Generator(this.vars, [...this.types], this.byName, this.constant);
      g.outerLoop(this.node, this.target);
      if (g.localCount > MAX_LOCALS || g.code.bytes.length > MAX_CODE_BYTES) return null;
      bytes = moduleBytes(1, g.localCount - 1, g.code);
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    }
    try {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem: memory, append: this.append } });
      return (instance.exports as { run: Compiled }).run;
    } catch (e) {
      if (e instanceof RangeError) return null; // out of memory for code: the interpreter runs it
      throw e;
    }
  }
}

/**
 * The names a loop reads or assigns (true when assigned), refusing any construct
 * outside the tier: the check that needs no types.
 */
function collect(node: Node, names: Map<string, boolean>, usesRange: () => void): void {
  const name = (id: string, assigned: boolean): void => {
    names.set(id, assigned || (names.get(id) ?? false));
  };
  const expr = (e: Node): void => {
    switch (e.nodeType) {
      case 'Constant':
        return;
      case 'Name':
        return name(e.id, false);
      case 'BinOp':
        if (!(e.op.nodeType in BINOPS)) throw new Unsupported(e.op.nodeType);
        expr(e.left);
        return expr(e.right);
      case 'UnaryOp':
        if (e.op.nodeType === 'Invert') throw new Unsupported('~');
        return expr(e.operand);
      case 'BoolOp':
        return e.values.forEach(expr);
      case 'Compare':
        if (!e.ops.every((o: Node) => o.nodeType in CMP_OPCODES)) throw new Unsupported('comparison');
        expr(e.left);
        return e.comparators.forEach(expr);
      case 'IfExp':
        expr(e.test);
        expr(e.body);
        return expr(e.orelse);
      case 'Call':
        // a call of a variable: inlined if, when run, it holds a function of one `return`
        if (e.func.nodeType !== 'Name' || e.keywords.length > 0) throw new Unsupported('call');
        name(e.func.id, false);
        return e.args.forEach(expr);
    }
    throw new Unsupported(e.nodeType);
  };
  const target = (t: Node): void => {
    if (t.nodeType !== 'Name') throw new Unsupported('target');
    name(t.id, true);
  };
  const stmt = (s: Node): void => {
    switch (s.nodeType) {
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
      case 'Expr': {
        // only `xs.append(x)`
        const call = s.value;
        const isAppend = call.nodeType === 'Call' && call.func.nodeType === 'Attribute' && call.func.attr === 'append' && call.func.value.nodeType === 'Name';
        if (!isAppend || call.args.length !== 1 || call.keywords.length > 0) throw new Unsupported('expression statement');
        name(call.func.value.id, false);
        return expr(call.args[0]);
      }
      case 'Assign': {
        // `a = b = x`, or one `a, b = x, y` of names and values
        const v = s.value;
        const t = s.targets;
        if (t.length === 1 && t[0].nodeType === 'Tuple' && v.nodeType === 'Tuple' && t[0].elts.length === v.elts.length) {
          v.elts.forEach(expr);
          return t[0].elts.forEach(target);
        }
        expr(v);
        return t.forEach(target);
      }
      case 'AugAssign':
        if (!(s.op.nodeType in BINOPS)) throw new Unsupported(s.op.nodeType);
        target(s.target);
        return expr(s.value);
      case 'If':
        expr(s.test);
        s.body.forEach(stmt);
        return s.orelse.forEach(stmt);
      case 'While':
      case 'For':
        return loop(s, false);
    }
    throw new Unsupported(s.nodeType);
  };
  const loop = (l: Node, isOuter: boolean): void => {
    if (l.nodeType === 'While') expr(l.test);
    else {
      target(l.target);
      // The outermost loop's iterable is evaluated by the interpreter; inner ones here.
      if (!isOuter) {
        const it = l.iter;
        if (it.nodeType !== 'Call' || it.func.nodeType !== 'Name' || it.func.id !== 'range' || it.keywords.length > 0) throw new Unsupported('iterable');
        if (it.args.length < 1 || it.args.length > 3) throw new Unsupported('range arity');
        usesRange();
        it.args.forEach(expr);
      }
    }
    l.body.forEach(stmt);
    // The outermost loop's else clause is run by the interpreter.
    if (!isOuter) l.orelse.forEach(stmt);
  };
  loop(node, true);
}

interface Label {
  kind: 'block' | 'break' | 'continue';
}

/** A `for` loop's locals: the target variable, the iteration, the element, the range's step and length. */
interface RangeLocals {
  target: number;
  index: number;
  value: number;
  stride: number;
  length: number;
}

/** Emits one loop's function for one mix of variable types. */
class Generator {
  readonly code = new Code();
  /** local 0 is the step budget, 1..n the variables, then the step and append counts and scratch. */
  localCount: number;
  private readonly steps: number;
  private readonly appends: number;
  /** Inside an inlined function: its parameters' locals and types (its only names). */
  private params: Map<string, { local: number; type: Num }> | null = null;
  private readonly labels: Label[] = [];
  /** The outermost loop's exit sequence, for `break` at its level. */
  private outerBreak = -1;

  constructor(
    private readonly vars: Var[],
    private readonly types: VarType[],
    private readonly byName: Map<string, number>,
    private constant: (node: Node) => PyValue,
  ) {
    this.localCount = 1 + vars.length;
    this.steps = this.local();
    this.appends = this.local();
  }

  private local(): number {
    return this.localCount++;
  }

  private varLocal(k: number): number {
    return 1 + k;
  }

  private get n(): number {
    return this.vars.length;
  }

  /** A structured block whose branch target is recorded for break/continue. */
  private open(op: number, kind: Label['kind'], type: number = BlockType.void): void {
    this.code.op(op, type);
    this.labels.push({ kind });
  }

  private close(): void {
    this.code.op(Op.end);
    this.labels.pop();
  }

  /** Branch depth to the innermost label of `kind`. */
  private depthOf(kind: Label['kind']): number {
    for (let i = this.labels.length - 1; i >= 0; i--) if (this.labels[i].kind === kind) return this.labels.length - 1 - i;
    throw new Error('no enclosing loop label');
  }

  private bail(): void {
    this.code.i32(BAILED).op(Op.return);
  }

  /** Writes the assigned variables and the step count to memory and returns `status`. */
  private exit(status: number): void {
    const c = this.code;
    this.vars.forEach((v, k) => {
      if (v.assigned) c.i32(0).opU(Op.localGet, this.varLocal(k)).store(8 * k);
    });
    c.i32(0).opU(Op.localGet, this.steps).store(8 * this.n);
    c.i32(status).op(Op.return);
  }

  /** One more loop iteration: bail out if that is past the budget (local 0). */
  private step(): void {
    const c = this.code;
    c.opU(Op.localGet, this.steps).f64(1).op(Op.f64Add).opU(Op.localTee, this.steps);
    c.opU(Op.localGet, 0).op(Op.f64Gt);
    this.open(Op.if, 'block');
    this.bail();
    this.close();
  }

  outerLoop(node: Node, target: number): void {
    const c = this.code;
    const n = this.n;
    this.types.forEach((t, k) => {
      if (t === 'int' || t === 'float') c.load(8 * k).opU(Op.localSet, this.varLocal(k));
    });
    let range: RangeLocals | null = null;
    if (node.nodeType === 'For') {
      if (this.types[target] !== 'int') throw new Unsupported('target type');
      range = { target, index: this.local(), value: this.local(), stride: this.local(), length: this.local() };
      c.load(8 * (n + 1)).opU(Op.localSet, range.index);
      c.load(8 * (n + 2)).opU(Op.localSet, range.value);
      c.load(8 * (n + 3)).opU(Op.localSet, range.stride);
      c.load(8 * (n + 4)).opU(Op.localSet, range.length);
    }
    const r = range;
    this.open(Op.block, 'block');
    this.outerBreak = this.labels.length + 1;
    this.iterations(node, r, () => {
      // Snapshot: what a bail-out during this iteration leaves behind.
      this.vars.forEach((v, k) => {
        if (v.assigned) c.i32(0).opU(Op.localGet, this.varLocal(k)).store(8 * k);
      });
      c.i32(0).opU(Op.localGet, this.steps).store(8 * n);
      c.i32(0).opU(Op.localGet, this.appends).store(8 * (n + 5));
      if (r !== null) c.i32(0).opU(Op.localGet, r.index).store(8 * (n + 1));
    });
    this.close();
    this.exit(ENDED);
  }

  /**
   * A loop's `loop` block, inside the block its exit test leaves: `atTop`, the test (or the
   * range's end), a step, the target's element, the body in a `continue` block, the next element.
   */
  private iterations(l: Node, r: RangeLocals | null, atTop: () => void): void {
    const c = this.code;
    this.open(Op.loop, 'block');
    atTop();
    if (r !== null) c.opU(Op.localGet, r.index).opU(Op.localGet, r.length).op(Op.f64Lt);
    else this.condition(l.test);
    c.op(Op.i32Eqz).opU(Op.brIf, 1);
    this.step();
    if (r !== null) c.opU(Op.localGet, r.value).opU(Op.localSet, this.varLocal(r.target));
    this.open(Op.block, 'continue');
    this.body(l.body);
    this.close();
    if (r !== null) {
      // the element by adding the step: exact, as every element is a safe int
      // (`start + index * step` is not: the product may be past 2**53)
      c.opU(Op.localGet, r.index).f64(1).op(Op.f64Add).opU(Op.localSet, r.index);
      c.opU(Op.localGet, r.value).opU(Op.localGet, r.stride).op(Op.f64Add).opU(Op.localSet, r.value);
    }
    c.opU(Op.br, 0);
    this.close();
  }

  private body(stmts: Node[]): void {
    for (const s of stmts) this.statement(s);
  }

  private statement(s: Node): void {
    const c = this.code;
    switch (s.nodeType) {
      case 'Pass':
        return;
      case 'Break':
        // At the outermost level, break leaves the function; inside, it ends the inner loop.
        if (this.innermostLoopIsOuter()) return this.exit(BROKE);
        c.opU(Op.br, this.depthOf('break'));
        return;
      case 'Continue':
        c.opU(Op.br, this.depthOf('continue'));
        return;
      case 'Assign':
        return this.assign(s);
      case 'Expr': {
        // xs.append(x): the host pushes the value (a new float object for a float)
        const call = s.value;
        const k = this.byName.get(call.func.value.id)!;
        if (this.types[k] !== 'list') throw new Unsupported('append to a non-list');
        c.i32(k);
        const t = this.expr(call.args[0]);
        c.i32(t === 'float' ? 1 : 0).opU(Op.call, 0);
        c.opU(Op.localGet, this.appends).f64(1).op(Op.f64Add).opU(Op.localSet, this.appends);
        return;
      }
      case 'AugAssign': {
        const k = this.byName.get(s.target.id)!;
        const t = this.binary(s.op.nodeType, { nodeType: 'Name', id: s.target.id }, s.value);
        this.setVar(k, t);
        return;
      }
      case 'If':
        this.condition(s.test);
        this.open(Op.if, 'block');
        this.body(s.body);
        if (s.orelse.length) {
          c.op(Op.else);
          this.body(s.orelse);
        }
        this.close();
        return;
      case 'While':
      case 'For':
        return this.innerLoop(s);
    }
    throw new Unsupported(s.nodeType);
  }

  private innermostLoopIsOuter(): boolean {
    return !this.labels.some((l, i) => i >= this.outerBreak && l.kind === 'break');
  }

  private setVar(k: number, t: Num): void {
    if (this.types[k] !== t) throw new Unsupported('type change');
    this.code.opU(Op.localSet, this.varLocal(k));
  }

  private assign(s: Node): void {
    const c = this.code;
    const targets: Node[] = s.targets;
    if (targets[0].nodeType === 'Tuple') {
      // `a, b = b, a + b`: every value before any store.
      const temps = s.value.elts.map((e: Node) => {
        const t = this.expr(e);
        const tmp = this.local();
        c.opU(Op.localSet, tmp);
        return { t, tmp };
      });
      targets[0].elts.forEach((e: Node, i: number) => {
        c.opU(Op.localGet, temps[i].tmp);
        this.setVar(this.byName.get(e.id)!, temps[i].t);
      });
      return;
    }
    const t = this.expr(s.value);
    // `a = b = x`: every target gets the value
    for (let i = 1; i < targets.length; i++) c.opU(Op.localTee, this.varLocal(this.byName.get(targets[i].id)!));
    for (const target of targets) if (this.types[this.byName.get(target.id)!] !== t) throw new Unsupported('type change');
    c.opU(Op.localSet, this.varLocal(this.byName.get(targets[0].id)!));
  }

  private innerLoop(l: Node): void {
    const c = this.code;
    let r: RangeLocals | null = null;
    if (l.nodeType === 'For') {
      const target = this.byName.get(l.target.id)!;
      if (this.types[target] !== 'int') throw new Unsupported('target type');
      const args: Node[] = l.iter.args;
      r = { target, index: this.local(), value: this.local(), stride: this.local(), length: this.local() };
      const { index, value, stride, length } = r;
      const start = value;
      const argLocal = (e: Node, into: number) => {
        if (this.expr(e) !== 'int') throw new Unsupported('range of a float');
        c.opU(Op.localSet, into);
      };
      // range(stop) / range(start, stop) / range(start, stop, step), evaluated in order
      if (args.length === 1) {
        c.f64(0).opU(Op.localSet, start);
        argLocal(args[0], length);
      } else {
        argLocal(args[0], start);
        argLocal(args[1], length);
      }
      if (args.length === 3) {
        argLocal(args[2], stride);
        c.opU(Op.localGet, stride).f64(0).op(Op.f64Eq);
        this.open(Op.if, 'block');
        this.bail(); // ValueError: range() arg 3 must not be zero
        this.close();
      } else c.f64(1).opU(Op.localSet, stride);
      // PyRange's length: ceil(span / |step|), at least 0, where the span is stop - start
      // (start - stop for a negative step); a span past 2**52 is left to the interpreter.
      const span = this.local();
      c.opU(Op.localGet, stride).f64(0).op(Op.f64Gt);
      this.open(Op.if, 'block', BlockType.f64);
      c.opU(Op.localGet, length).opU(Op.localGet, start).op(Op.f64Sub);
      c.op(Op.else);
      c.opU(Op.localGet, start).opU(Op.localGet, length).op(Op.f64Sub);
      this.close();
      c.opU(Op.localTee, span).f64(2 ** 52).op(Op.f64Gt);
      this.open(Op.if, 'block');
      this.bail();
      this.close();
      c.opU(Op.localGet, span).opU(Op.localGet, stride).op(Op.f64Abs, Op.f64Div, Op.f64Ceil).f64(0).op(Op.f64Max).opU(Op.localSet, length);
      c.f64(0).opU(Op.localSet, index);
    }
    this.open(Op.block, 'break');
    this.open(Op.block, 'block');
    this.iterations(l, r, () => {});
    this.close();
    // The else clause sits inside the break block, but a `break` there leaves the enclosing loop.
    this.labels[this.labels.length - 1].kind = 'block';
    this.body(l.orelse);
    this.close();
  }

  /** A test, as an i32 on the stack (Python's truth, with and/or/not short-circuiting). */
  private condition(e: Node): void {
    const c = this.code;
    switch (e.nodeType) {
      case 'Constant':
        if (typeof e.value === 'boolean') {
          c.i32(e.value ? 1 : 0);
          return;
        }
        break;
      case 'UnaryOp':
        if (e.op.nodeType === 'Not') {
          this.condition(e.operand);
          c.op(Op.i32Eqz);
          return;
        }
        break;
      case 'BoolOp': {
        const isAnd = e.op.nodeType === 'And';
        this.condition(e.values[0]);
        for (const v of e.values.slice(1)) {
          this.open(Op.if, 'block', BlockType.i32);
          if (isAnd) this.condition(v);
          else c.i32(1);
          c.op(Op.else);
          if (isAnd) c.i32(0);
          else this.condition(v);
          this.close();
        }
        return;
      }
      case 'Compare': {
        const operands: Node[] = [e.left, ...e.comparators];
        // `a < f(b) < c` evaluates f(b) once: a middle operand is kept for the next comparison
        let middle = -1;
        for (let i = 0; i < e.ops.length; i++) {
          // `is`, `in`...: collect() refuses them in the loop, but not in an inlined function's body
          const opcode = CMP_OPCODES[e.ops[i].nodeType];
          if (opcode === undefined) throw new Unsupported('comparison');
          if (i > 0) this.open(Op.if, 'block', BlockType.i32);
          if (i === 0) this.expr(operands[0]);
          else c.opU(Op.localGet, middle);
          this.expr(operands[i + 1]);
          if (i + 1 < e.ops.length) c.opU(Op.localTee, (middle = this.local()));
          c.op(opcode);
        }
        for (let i = 1; i < e.ops.length; i++) {
          c.op(Op.else).i32(0);
          this.close();
        }
        return;
      }
    }
    // Any number: true unless zero (NaN is true, as in Python).
    this.expr(e);
    c.f64(0).op(Op.f64Ne);
  }

  /** An expression's value as an f64 on the stack; returns its Python type. */
  private expr(e: Node): Num {
    const c = this.code;
    switch (e.nodeType) {
      case 'Constant': {
        const v = this.constant(e);
        if (typeof v === 'number') {
          c.f64(v);
          return 'int';
        }
        if (v instanceof PyFloat) {
          c.f64(v.v);
          return 'float';
        }
        throw new Unsupported('constant');
      }
      case 'Name': {
        if (this.params !== null) {
          const p = this.params.get(e.id);
          if (p === undefined) throw new Unsupported('a global in an inlined function');
          c.opU(Op.localGet, p.local);
          return p.type;
        }
        const k = this.byName.get(e.id)!;
        const t = this.types[k];
        if (t !== 'int' && t !== 'float') throw new Unsupported('not a number');
        c.opU(Op.localGet, this.varLocal(k));
        return t;
      }
      case 'Call':
        return this.inlineCall(e);
      case 'BinOp':
        return this.binary(e.op.nodeType, e.left, e.right);
      case 'UnaryOp': {
        // (an inlined function's body has not been through collect(): `~` is refused here too)
        if (e.op.nodeType === 'Not' || e.op.nodeType === 'Invert') throw new Unsupported(e.op.nodeType);
        const t = this.expr(e.operand);
        if (e.op.nodeType === 'USub') {
          c.op(Op.f64Neg);
          if (t === 'int') c.f64(0).op(Op.f64Add); // -0 is no int
        }
        return t;
      }
      case 'IfExp': {
        this.condition(e.test);
        this.open(Op.if, 'block', BlockType.f64);
        const a = this.expr(e.body);
        c.op(Op.else);
        const b = this.expr(e.orelse);
        this.close();
        if (a !== b) throw new Unsupported('mixed conditional');
        return a;
      }
    }
    throw new Unsupported(e.nodeType);
  }

  /**
   * `f(a, b)` of a function whose body is one `return <expr>`: the arguments go to fresh
   * locals and the expression is compiled in their place. A call is a step, as in the
   * interpreter; run() has checked that one frame more is within the depth limit.
   */
  private inlineCall(e: Node): Num {
    const c = this.code;
    if (this.params !== null) throw new Unsupported('a call in an inlined function');
    const fn = this.types[this.byName.get(e.func.id)!];
    if (typeof fn === 'string' || fn.arity !== e.args.length) throw new Unsupported('callee');
    const params = new Map<string, { local: number; type: Num }>();
    e.args.forEach((a: Node, i: number) => {
      const type = this.expr(a);
      const local = this.local();
      c.opU(Op.localSet, local);
      params.set(fn.params[i], { local, type });
    });
    this.step();
    const { expr, constant } = fn.inlinable!;
    const ownConstant = this.constant;
    this.params = params;
    this.constant = constant;
    try {
      return this.expr(expr);
    } finally {
      this.params = null;
      this.constant = ownConstant;
    }
  }

  private binary(op: string, left: Node, right: Node): Num {
    const c = this.code;
    const a = this.expr(left);
    const b = this.expr(right);
    const isInt = a === 'int' && b === 'int';
    switch (BINOPS[op]) {
      case '+':
      case '-':
      case '*':
        c.op(op === 'Add' ? Op.f64Add : op === 'Sub' ? Op.f64Sub : Op.f64Mul);
        if (!isInt) return 'float';
        if (op === 'Mult') c.f64(0).op(Op.f64Add); // 0 * -5 is 0, not -0
        this.checkSafe();
        return 'int';
      case '/': {
        const d = this.local();
        c.opU(Op.localSet, d);
        this.bailIfZero(d);
        c.opU(Op.localGet, d).op(Op.f64Div);
        return 'float';
      }
      case '//':
      case '%': {
        if (!isInt) throw new Unsupported('float // or %');
        const [x, y, r] = [this.local(), this.local(), this.local()];
        c.opU(Op.localSet, y).opU(Op.localSet, x);
        this.bailIfZero(y);
        // r = x rem y (truncated), exact through i64
        c.opU(Op.localGet, x).op(Op.i64TruncF64S).opU(Op.localGet, y).op(Op.i64TruncF64S, Op.i64RemS, Op.f64ConvertI64S).opU(Op.localSet, r);
        const signsDiffer = () => {
          c.opU(Op.localGet, r).f64(0).op(Op.f64Ne);
          c.opU(Op.localGet, r).f64(0).op(Op.f64Lt).opU(Op.localGet, y).f64(0).op(Op.f64Lt).op(Op.i32Ne);
          c.op(Op.i32And);
        };
        if (op === 'Mod') {
          // Python's modulo takes the divisor's sign.
          c.opU(Op.localGet, r).opU(Op.localGet, y).op(Op.f64Add).opU(Op.localGet, r);
          signsDiffer();
          c.op(Op.select);
        } else {
          // Floor division: the truncated quotient, one less where the signs differ.
          const q = this.local();
          c.opU(Op.localGet, x).op(Op.i64TruncF64S).opU(Op.localGet, y).op(Op.i64TruncF64S, Op.i64DivS, Op.f64ConvertI64S).opU(Op.localTee, q);
          c.f64(1).op(Op.f64Sub).opU(Op.localGet, q);
          signsDiffer();
          c.op(Op.select);
        }
        return 'int';
      }
    }
    throw new Unsupported(op);
  }

  /** Bails out unless the f64 on top of the stack is a safe int (it stays on the stack). */
  private checkSafe(): void {
    const c = this.code;
    const t = this.local();
    c.opU(Op.localTee, t).op(Op.f64Abs).f64(MAX_SAFE).op(Op.f64Gt);
    this.open(Op.if, 'block');
    this.bail(); // Python goes on in a big int
    this.close();
    c.opU(Op.localGet, t);
  }

  private bailIfZero(local: number): void {
    const c = this.code;
    c.opU(Op.localGet, local).f64(0).op(Op.f64Eq);
    this.open(Op.if, 'block');
    this.bail(); // ZeroDivisionError
    this.close();
  }
}
