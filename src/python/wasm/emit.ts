/**
 * Just enough of the WebAssembly binary format to build one-function modules: a function
 * body is written opcode by opcode into a byte array, then wrapped in a module that
 * exports it with one page of memory. (WebAssembly is compiled by the engine, not
 * evaluated as JavaScript: a module can touch nothing but the memory it is given.)
 */

/** The opcodes the numeric loop tier uses (names as in the WebAssembly text format). */
export const Op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f64Load: 0x2b,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  f64Eq: 0x61,
  f64Ne: 0x62,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Le: 0x65,
  f64Ge: 0x66,
  i32And: 0x71,
  i32Ne: 0x47,
  i64DivS: 0x7f,
  i64RemS: 0x81,
  f64Abs: 0x99,
  f64Neg: 0x9a,
  f64Ceil: 0x9b,
  f64Add: 0xa0,
  f64Sub: 0xa1,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f64Max: 0xa5,
  i64TruncF64S: 0xb0,
  f64ConvertI64S: 0xb9,
} as const;

/** Block result types. */
export const BlockType = { void: 0x40, i32: 0x7f, f64: 0x7c } as const;

const F64 = 0x7c;
const I32 = 0x7f;

function uleb(out: number[], n: number): void {
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
}

function sleb(out: number[], n: number): void {
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

/** A function body under construction. */
export class Code {
  readonly bytes: number[] = [];
  private readonly f64Scratch = new Float64Array(1);

  op(...ops: number[]): this {
    for (const o of ops) this.bytes.push(o);
    return this;
  }

  /** An opcode with one unsigned immediate (local index, branch depth). */
  opU(op: number, n: number): this {
    this.bytes.push(op);
    uleb(this.bytes, n);
    return this;
  }

  i32(n: number): this {
    this.bytes.push(Op.i32Const);
    sleb(this.bytes, n);
    return this;
  }

  f64(x: number): this {
    this.bytes.push(Op.f64Const);
    this.f64Scratch[0] = x;
    for (const b of new Uint8Array(this.f64Scratch.buffer)) this.bytes.push(b);
    return this;
  }

  /** f64.load / f64.store at a byte offset from address 0 (the address is pushed here for loads). */
  load(offset: number): this {
    this.i32(0).op(Op.f64Load, 3);
    uleb(this.bytes, offset);
    return this;
  }

  /** Stores the value on top of the stack: the caller pushed `i32.const 0` before it. */
  store(offset: number): this {
    this.op(Op.f64Store, 3);
    uleb(this.bytes, offset);
    return this;
  }
}

function section(out: number[], id: number, body: number[]): void {
  out.push(id);
  uleb(out, body.length);
  for (const b of body) out.push(b);
}

function vec(items: number[][]): number[] {
  const out: number[] = [];
  uleb(out, items.length);
  for (const it of items) out.push(...it);
  return out;
}

/**
 * A module with one exported function `run(f64 params...) -> i32` and `f64Locals` extra
 * locals. It imports its memory as `env.mem` (one memory serves every module) and one
 * host function, `env.append(i32, f64, i32)`, which the body calls as function 0.
 */
export function moduleBytes(params: number, f64Locals: number, code: Code): Uint8Array<ArrayBuffer> {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const runType = [0x60];
  uleb(runType, params);
  for (let i = 0; i < params; i++) runType.push(F64);
  runType.push(1, I32);
  const appendType = [0x60, 3, I32, F64, I32, 0];
  const name = (s: string) => [s.length, ...[...s].map((c) => c.charCodeAt(0))];
  section(out, 1, vec([runType, appendType]));
  section(out, 2, vec([[...name('env'), ...name('mem'), 0x02, 0x00, 1], [...name('env'), ...name('append'), 0x00, 1]]));
  section(out, 3, vec([[0]]));
  section(out, 7, vec([[...name('run'), 0x00, 1]]));
  const body: number[] = [];
  if (f64Locals > 0) {
    uleb(body, 1);
    uleb(body, f64Locals);
    body.push(F64);
  } else body.push(0);
  for (const b of code.bytes) body.push(b);
  body.push(Op.end);
  const fn: number[] = [];
  uleb(fn, body.length);
  for (const b of body) fn.push(b);
  section(out, 10, vec([fn]));
  return Uint8Array.from(out);
}
