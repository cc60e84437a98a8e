/**
 * The numeric loop tier (src/python/wasm/numeric-loops.ts) must be invisible: every program
 * gives the same output, error and globals with it as without it. Checked three ways:
 * random programs inside (and just outside) the tier's subset run with the tier on and off;
 * hand-written programs with CPython 3.11's answers; and a count of the WebAssembly modules
 * built, of the runs of their code and of the appends it makes, so the comparisons are
 * known to exercise the tier.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evaluateExpression, runProgram, type RunOptions } from '../../src/python/run.js';
import { PyFloat, PyList, type PyValue } from '../../src/python/values.js';

// ---------------------------------------------------------------------------------------
// Watching the tier from outside: modules built, and calls into their compiled code.

const RealModule = WebAssembly.Module;
const RealInstance = WebAssembly.Instance;
let compiles = 0;
let tierRuns = 0;
/** Appends made by compiled code (through its `append` import), kept or rolled back. */
let tierAppends = 0;

class CountingModule extends RealModule {
  constructor(bytes: BufferSource) {
    super(bytes);
    compiles++;
  }
}

class CountingInstance extends RealInstance {
  constructor(module: WebAssembly.Module, imports?: WebAssembly.Imports) {
    const env = imports?.env;
    const append = env?.append as ((...args: number[]) => void) | undefined;
    super(module, append ? { ...imports, env: { ...env, append: (...args: number[]) => (tierAppends++, append(...args)) } } : imports);
  }

  override get exports(): WebAssembly.Exports {
    const e = super.exports;
    const run = e.run as (...args: number[]) => number;
    return { ...e, run: (...args: number[]) => (tierRuns++, run(...args)) };
  }
}

beforeAll(() => {
  WebAssembly.Module = CountingModule;
  WebAssembly.Instance = CountingInstance;
});
afterAll(() => {
  WebAssembly.Module = RealModule;
  WebAssembly.Instance = RealInstance;
});
beforeEach(() => {
  compiles = 0;
  tierRuns = 0;
  tierAppends = 0;
});

// ---------------------------------------------------------------------------------------
// Running a program and describing what it left behind.

/** A value as exactly as it can differ: int or float, -0, NaN, big ints. */
function describeValue(v: PyValue): string {
  if (typeof v === 'number') return `int ${Object.is(v, -0) ? '-0 (!)' : v}`;
  if (typeof v === 'bigint') return `int ${v}`;
  if (v instanceof PyFloat) return `float ${Object.is(v.v, -0) ? '-0' : v.v}`;
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (v instanceof PyList) return `list [${v.items.map(describeValue).join(', ')}]`;
  // other objects: their kind is enough (the programs only print numbers)
  return typeof v === 'object' ? v.constructor.name : typeof v;
}

function observe(src: string, options: RunOptions = {}) {
  const r = runProgram(src, options);
  return { stdout: r.stdout, error: r.error, globals: [...r.globals].map(([k, v]) => `${k}: ${describeValue(v)}`) };
}

/** The run with the tier, checked against the run without it. */
function sameAsInterpreter(src: string, options: RunOptions = {}) {
  const off = observe(src, { ...options, numericLoops: false });
  const on = observe(src, options);
  expect(on, src).toEqual(off);
  return on;
}

const globalOf = (o: ReturnType<typeof observe>, name: string) => o.globals.find((g) => g.startsWith(`${name}: `))?.slice(name.length + 2);

// ---------------------------------------------------------------------------------------
// Random programs: loops of int/float arithmetic with everything the tier compiles (calls
// of one-`return` functions, list appends), and what it must refuse or bail out of (float
// // and %, unbound names, big ints, zero divisors and range steps, functions it cannot
// inline, wrong arities, exhausted step budgets, the depth limit).

const INTS = ['a', 'b', 'c'];
const FLOATS = ['x', 'y'];
const LOOP_VARS = ['i', 'j', 'k'];
/** The functions a loop may call, as the loop calls them: f(int, int), g(num, int), h(int). */
const FUNCTIONS = { f: 'p, q', g: 'p, q', h: 'p' };
type FunctionName = keyof typeof FUNCTIONS;

/** Lines of a program; a nested array is an indented block. */
type Lines = (string | Lines)[];

const intConst = fc.constantFrom('0', '1', '2', '3', '5', '7', '-1', '-3', '10', '1000', '4503599627370496', '9007199254740991', '4503599627370', '3037000499');
const floatConst = fc.constantFrom('0.0', '-0.0', '0.5', '1.5', '-2.25', '3.0', '0.1', '1e300', '1e-300');
const intNonzero = fc.constantFrom('1', '2', '3', '-7', '10', '4503599627370496');
/** Zero at one iteration of the outer loop, after the tier has taken over. */
const zeroAt = fc.integer({ min: 1000, max: 2999 }).map((k) => `(i - ${k})`);
/** A factor that keeps ints from growing more than a few bits a statement. */
const intSmall = fc.oneof(intConst, fc.constantFrom(...LOOP_VARS), zeroAt);

type Typed = { int: fc.Arbitrary<string>; float: fc.Arbitrary<string>; num: fc.Arbitrary<string>; cond: fc.Arbitrary<string> };

/** What the expressions of one place (a loop, a function's body) are made of. */
interface Vocabulary {
  intLeaf: fc.Arbitrary<string>;
  floatLeaf: fc.Arbitrary<string>;
  /** A factor that keeps ints from growing more than a few bits. */
  small: fc.Arbitrary<string>;
  /** A divisor that is zero now and then. */
  zero: fc.Arbitrary<string>;
  /** Calls, given the expressions their arguments are made of. */
  calls?: (e: Typed) => { int: fc.Arbitrary<string>; float: fc.Arbitrary<string> };
}

/**
 * Expressions typed as the tier types them (int or float), so that most loops compile;
 * what it must refuse (a float `//`, a type change) is in the statements below.
 */
function arithmetic(v: Vocabulary): Typed {
  return fc.letrec<{ int: string; float: string; num: string; cond: string }>((tie) => {
    const calls = v.calls?.({ int: tie('int'), float: tie('float'), num: tie('num'), cond: tie('cond') });
    return {
      int: fc.oneof(
        { maxDepth: 3, depthSize: 'small' },
        { weight: 5, arbitrary: v.intLeaf },
        fc.tuple(tie('int'), fc.constantFrom('+', '-'), tie('int')).map(([l, o, r]) => `(${l} ${o} ${r})`),
        fc.tuple(tie('int'), v.small).map(([l, r]) => `(${l} * ${r})`),
        fc.tuple(tie('int'), fc.constantFrom('//', '%'), fc.oneof({ weight: 3, arbitrary: intNonzero }, v.zero, tie('int'))).map(([l, o, r]) => `(${l} ${o} ${r})`),
        tie('int').map((e) => `(-${e})`),
        fc.tuple(tie('int'), tie('cond'), tie('int')).map(([a, c, b]) => `(${a} if ${c} else ${b})`),
        ...(calls ? [{ weight: 1, arbitrary: calls.int }] : []),
      ),
      float: fc.oneof(
        { maxDepth: 3, depthSize: 'small' },
        { weight: 4, arbitrary: v.floatLeaf },
        fc.tuple(tie('float'), fc.constantFrom('+', '-', '*'), tie('num')).map(([l, o, r]) => `(${l} ${o} ${r})`),
        fc.tuple(tie('num'), fc.oneof({ weight: 3, arbitrary: fc.constantFrom('2', '-0.5', '3.0') }, v.zero, tie('num'))).map(([l, r]) => `(${l} / ${r})`),
        tie('float').map((e) => `(-${e})`),
        fc.tuple(tie('float'), tie('cond'), tie('float')).map(([a, c, b]) => `(${a} if ${c} else ${b})`),
        ...(calls ? [{ weight: 1, arbitrary: calls.float }] : []),
      ),
      num: fc.oneof(tie('int'), tie('float')),
      cond: fc.oneof(
        { maxDepth: 2, depthSize: 'small' },
        {
          weight: 3,
          arbitrary: fc.tuple(tie('num'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('num')).map(([l, o, r]) => `${l} ${o} ${r}`),
        },
        fc
          .tuple(tie('num'), fc.constantFrom('<', '<='), tie('num'), fc.constantFrom('<', '!=', '>='), tie('num'))
          .map(([a, o, b, p, c]) => `${a} ${o} ${b} ${p} ${c}`),
        fc.tuple(tie('cond'), fc.constantFrom('and', 'or'), tie('cond')).map(([l, o, r]) => `(${l} ${o} ${r})`),
        tie('cond').map((c) => `not (${c})`),
        tie('num'),
      ),
    };
  });
}

/** The loops' expressions: their variables, and calls of f, g and h (now and then with a wrong number of arguments). */
const { int, float, num, cond } = arithmetic({
  intLeaf: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...INTS) },
    { weight: 3, arbitrary: fc.constantFrom(...LOOP_VARS) },
    { weight: 3, arbitrary: intConst },
    // may be unbound when the loop starts
    { weight: 1, arbitrary: fc.constant('t') },
  ),
  floatLeaf: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...FLOATS) }, floatConst),
  small: intSmall,
  zero: zeroAt,
  calls: (e) => {
    // q: what f and g often divide by, h's p: what it often takes 1500 from
    const q = fc.oneof({ weight: 3, arbitrary: zeroAt }, intSmall, e.int);
    const p = fc.oneof(fc.constant('i'), e.int);
    return {
      int: fc.oneof(
        { weight: 30, arbitrary: fc.tuple(e.int, q).map(([p, q]) => `f(${p}, ${q})`) },
        { weight: 20, arbitrary: p.map((p) => `h(${p})`) },
        // a float for an int parameter: the body's type changes, or the tier refuses it
        { weight: 6, arbitrary: fc.tuple(e.float, q).map(([p, q]) => `f(${p}, ${q})`) },
        { weight: 1, arbitrary: e.int.map((p) => `f(${p})`) },
        { weight: 1, arbitrary: fc.tuple(e.int, e.int).map(([p, q]) => `h(${p}, ${q})`) },
      ),
      float: fc.oneof({ weight: 30, arbitrary: fc.tuple(e.num, q).map(([p, q]) => `g(${p}, ${q})`) }, { weight: 1, arbitrary: e.num.map((p) => `g(${p}, 1, 2)`) }),
    };
  },
});

/** A function's body: its parameters and constants (a zero divisor comes from an argument). */
function bodyVocabulary(ints: string[], floats: string[]): Vocabulary {
  return {
    intLeaf: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...ints) }, intConst),
    floatLeaf: floats.length > 0 ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...floats) }, floatConst) : floatConst,
    small: fc.oneof(fc.constantFrom(...ints), fc.constantFrom('0', '1', '2', '3', '-1', '7')),
    zero: fc.constantFrom(...ints, ...ints.map((p) => `(${p} - 1)`)),
  };
}

const BODIES: Record<FunctionName, fc.Arbitrary<string>> = {
  f: arithmetic(bodyVocabulary(['p', 'q'], [])).int,
  g: arithmetic(bodyVocabulary(['q'], ['p'])).float,
  h: arithmetic(bodyVocabulary(['p'], [])).int,
};

/** A definition of `name`: mostly one the tier inlines, else one it must leave to the interpreter. */
function definition(name: FunctionName): fc.Arbitrary<Lines> {
  const params = FUNCTIONS[name];
  const other = name === 'h' ? '0' : 'q';
  const minus1 = name === 'g' ? '-1.0' : '-1';
  const body = BODIES[name];
  // a divisor the loop's arguments make zero now and then
  const divided = body.map((e) => (name === 'f' ? `${e} // q` : name === 'g' ? `${e} / q` : `${e} % (p - 1500)`));
  return fc.oneof(
    { weight: 10, arbitrary: body.map((e): Lines => [`def ${name}(${params}):`, [`return ${e}`]]) },
    { weight: 10, arbitrary: body.map((e): Lines => [`${name} = lambda ${params}: ${e}`]) },
    { weight: 4, arbitrary: divided.map((e): Lines => [`def ${name}(${params}):`, [`return ${e}`]]) },
    { weight: 2, arbitrary: divided.map((e): Lines => [`${name} = lambda ${params}: ${e}`]) },
    // a default the loop's calls never use: still inlined
    { weight: 2, arbitrary: body.map((e): Lines => [`def ${name}(${params}=1):`, [`return ${e}`]]) },
    // a global, a call, two statements, `~`, `is`: not inlined
    body.map((e): Lines => [`${name} = lambda ${params}: ${e} + K`]),
    body.map((e): Lines => [`def ${name}(${params}):`, [`return inc(${e})`]]),
    body.map((e): Lines => [`def ${name}(${params}):`, [`r = ${e}`, 'return r']]),
    body.map((e): Lines => [`${name} = lambda ${params}: ${e} - ~p`]),
    body.map((e): Lines => [`${name} = lambda ${params}: ${e} if p is not ${other} else ${minus1}`]),
  );
}

const intTarget = fc.constantFrom(...INTS, 't');
const floatTarget = fc.constantFrom(...FLOATS);

const simple: fc.Arbitrary<Lines> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(intTarget, int).map(([t, e]) => [`${t} = ${e}`]) },
  // keeps ints inside the tier's range for long stretches
  { weight: 3, arbitrary: fc.tuple(intTarget, int, fc.constantFrom('1000003', '65536', '97')).map(([t, e, m]) => [`${t} = ${e} % ${m}`]) },
  { weight: 2, arbitrary: fc.tuple(intTarget, fc.constantFrom('+=', '-=', '*=', '//=', '%='), intSmall).map(([t, o, e]) => [`${t} ${o} ${e}`]) },
  { weight: 3, arbitrary: fc.tuple(floatTarget, float).map(([t, e]) => [`${t} = ${e}`]) },
  { weight: 2, arbitrary: fc.tuple(floatTarget, fc.constantFrom('+=', '-=', '*=', '/='), num).map(([t, o, e]) => [`${t} ${o} ${e}`]) },
  fc.tuple(intTarget, intTarget, int, int).map(([p, q, e, f]) => [`${p}, ${q} = ${e}, ${f}`]),
  fc.tuple(floatTarget, intTarget, float, int).map(([p, q, e, f]) => [`${p}, ${q} = ${e}, ${f}`]),
  // xs gets ints, ys floats and ints (a float becomes a new float object)
  { weight: 2, arbitrary: int.map((e) => [`xs.append(${e})`]) },
  { weight: 2, arbitrary: num.map((e) => [`ys.append(${e})`]) },
  fc.constantFrom<Lines>(
    ['a, b = b, a + b'],
    ['x, y = y, x'],
    ['c = b = a - b'],
    ['y = x * 0.5'],
    // crosses 2**53 after about 2000 iterations
    ['c += 4503599627370'],
    ['a = 9007199254740991 - i'],
    ['x = -0.0 * a'],
    ['b = 0 * -5'],
    ['pass'],
    ['xs.append(i)'],
    // an int becomes a float: the tier must leave such a loop to the interpreter
    ['a /= 2'],
    ['b = x'],
    ['y = x // 2'],
    ['y = (a if a > 0 else x)'],
  ),
);

/** A loop at `depth` (1 = outermost) over its own loop variable. */
function loop(depth: number): fc.Arbitrary<Lines> {
  const v = LOOP_VARS[depth - 1];
  // In an inner loop's else clause, `break` and `continue` are the enclosing loop's.
  const outerAt = (depth === 2 ? fc.integer({ min: 1000, max: 3000 }) : fc.integer({ min: 0, max: 3 })).map((k) => `${LOOP_VARS[depth - 2]} == ${k}`);
  const elseStmt =
    depth === 1
      ? simple
      : fc.oneof(
          { weight: 3, arbitrary: simple },
          fc.constantFrom(['break'], ['continue']),
          { weight: 2, arbitrary: fc.tuple(fc.oneof(outerAt, cond), fc.constantFrom('break', 'continue')).map(([c, j]) => [`if ${c}:`, [j]]) },
        );
  const orelse = fc.option(fc.array(elseStmt, { minLength: 1, maxLength: 2 }), { freq: 3 });
  type Head = { pre: Lines; head: string; first: Lines };
  let head: fc.Arbitrary<Head>;
  if (depth === 1) {
    const n = fc.integer({ min: 1100, max: 3000 });
    head = fc.oneof(
      n.map((n): Head => ({ pre: [], head: `for i in range(${n}):`, first: [] })),
      n.map((n): Head => ({ pre: [], head: `for i in range(${n}, 0, -1):`, first: [] })),
      n.map((n): Head => ({ pre: ['i = 0'], head: `while i < ${n}:`, first: ['i += 1'] })),
      fc.tuple(n, cond).map(([n, c]): Head => ({ pre: ['i = 0'], head: `while i < ${n} and (${c} or i < 1500):`, first: ['i = i + 1'] })),
      n.map((n): Head => ({ pre: ['i = 0'], head: 'while True:', first: ['i += 1', `if i > ${n}:`, ['break']] })),
    );
  } else {
    const bound = fc.constantFrom('0', '1', '2', '3', '4', '(i % 4)', `(${LOOP_VARS[depth - 2]} % 3 + 1)`, `(h(${LOOP_VARS[depth - 2]}) % 3)`);
    head = fc.oneof(
      bound.map((b): Head => ({ pre: [], head: `for ${v} in range(${b}):`, first: [] })),
      fc
        .constantFrom('range(3, -2, -1)', 'range(5, 0, -2)', 'range(-2, 2)', 'range(0, 6, 2)', 'range(4, -4, -3)', 'range(2, 2)')
        .map((r): Head => ({ pre: [], head: `for ${v} in ${r}:`, first: [] })),
      // the step is 0 for 500 iterations of the outer loop: ValueError
      fc
        .tuple(fc.integer({ min: 1000, max: 2800 }), fc.constantFrom('0, 4', '4, -4'))
        .map(([k, ab]): Head => ({ pre: [], head: `for ${v} in range(${ab}, (i - ${k}) // 500):`, first: [] })),
      bound.map((b): Head => ({ pre: [`${v} = 0`], head: `while ${v} < ${b}:`, first: [`${v} += 1`] })),
      bound.map((b): Head => ({ pre: [`${v} = ${b}`], head: `while ${v}:`, first: [`${v} -= 1`] })),
    );
  }
  return fc.tuple(head, block(depth), orelse).map(([h, body, e]) => {
    const out: Lines = [...h.pre, h.head, [...h.first, ...body]];
    if (e !== null) out.push('else:', e.flat(1));
    return out;
  });
}

function block(depth: number): fc.Arbitrary<Lines> {
  const v = LOOP_VARS[depth - 1];
  const at = depth === 1 ? fc.integer({ min: 1000, max: 3000 }) : fc.integer({ min: 0, max: 3 });
  const jump = fc
    .tuple(fc.constantFrom('break', 'continue'), fc.oneof({ weight: 3, arbitrary: at.map((k) => `${v} == ${k}`) }, cond))
    .map(([j, c]): Lines => [`if ${c}:`, [j]]);
  const ifs = fc.tuple(cond, fc.array(simple, { minLength: 1, maxLength: 2 }), fc.option(fc.tuple(cond, simple)), fc.option(simple)).map(([c, b, elif, els]) => {
    const out: Lines = [`if ${c}:`, b.flat(1)];
    if (elif) out.push(`elif ${elif[0]}:`, elif[1]);
    if (els) out.push('else:', els);
    return out;
  });
  const stmt = fc.oneof(
    { weight: 5, arbitrary: simple },
    { weight: 2, arbitrary: ifs },
    { weight: 2, arbitrary: jump },
    ...(depth < 3 ? [{ weight: 2, arbitrary: loop(depth + 1) }] : []),
  );
  return fc.array(stmt, { minLength: 1, maxLength: 4 }).map((ss) => ss.flat(1));
}

function render(lines: Lines, indent = '', out: string[] = []): string[] {
  for (const l of lines) {
    if (typeof l === 'string') out.push(indent + l);
    else render(l, indent + '    ', out);
  }
  return out;
}

const initial = fc.tuple(
  fc.array(intConst, { minLength: INTS.length, maxLength: INTS.length }),
  fc.array(floatConst, { minLength: FLOATS.length, maxLength: FLOATS.length }),
  fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
);

/** Between two runs of a loop: the function it calls rebound (or not) to another function, a builtin, a non-function. */
const rebinding = fc.constantFrom<Lines>(
  [],
  [],
  [],
  ['f = lambda p, q: (p - q) % 1000003'],
  ['g = lambda p, q: p * 0.5 - q'],
  ['def h(p):', ['return p * 3 - 1']],
  ['h = lambda p: p / 2'],
  ['h = abs'],
  ['f = max'],
  ['g = 5'],
);

/**
 * A whole program, its loop: at module level (global variables; `start` printed first); in
 * a function called twice (local variables; the second call finds its loops warm), maybe
 * with a function it calls rebound in between; in a function that declares its variables
 * global, called twice; or in a function at the bottom of a recursion, run `margin` - 1
 * and then `margin` - 2 frames below the depth limit. The functions the loop calls are
 * global, or local to the function the loop is in.
 */
const program = fc
  .record({
    init: initial,
    body: loop(1),
    where: fc.constantFrom('module', 'function', 'global', 'recursive'),
    defs: fc.record({ f: definition('f'), g: definition('g'), h: definition('h') }),
    localDefs: fc.boolean(),
    rebind: rebinding,
    depth: fc.integer({ min: 3, max: 30 }),
    margin: fc.constantFrom(0, 1, 1, 2, 2, 2, 3, 3),
  })
  .map(({ init: [ints, floats, bindT], body, where, defs, localDefs, rebind, depth, margin }) => {
    const text = render(body).join('\n');
    const called = (Object.keys(FUNCTIONS) as FunctionName[]).filter((n) => new RegExp(`\\b${n}\\(`).test(text));
    const fns: Lines = (called.length > 0 ? called : ['h' as const]).flatMap((n) => defs[n]);
    const header: Lines = ['K = 3', 'def inc(p):', ['return p + 1']];
    const inWhere = where !== 'module' && where !== 'global' && localDefs;
    const init: Lines = [
      ...INTS.map((v, n) => `${v} = ${ints[n]}`),
      ...FLOATS.map((v, n) => `${v} = ${floats[n]}`),
      'i = j = k = 0',
      ...(bindT ? ['t = 1'] : []),
      'xs = []',
      'ys = []',
    ];
    const names = [...INTS, ...FLOATS, ...LOOP_VARS];
    const show = [`print(${names.map((n) => `repr(${n})`).join(', ')})`, 'print(repr(t))'];
    const lists = 'print(len(xs), xs[-3:], sum(xs), len(ys), ys[-3:], sum(ys))';
    const result = `return (${[...names, ...(bindT ? ['t'] : [])].join(', ')})`;
    const top: Lines = [...header, ...(inWhere ? [] : fns)];
    const own: Lines = inWhere ? fns : [];
    let lines: Lines;
    if (where === 'module') lines = [...top, ...init, "print('start')", ...body, ...show, lists];
    else if (where === 'function') lines = [...top, 'def main():', [...own, ...init, ...body, lists, result], 'print(repr(main()))', ...rebind, 'print(repr(main()))'];
    else if (where === 'global')
      lines = [...top, ...init, 'def main():', [`global ${[...names, 't', 'xs', 'ys'].join(', ')}`, ...body], 'main()', show[0], lists, ...rebind, 'main()', ...show, lists];
    else
      lines = [
        ...top,
        'def main(d):',
        ['if d > 0:', ['return main(d - 1)'], ...own, ...init, ...body, lists, result],
        `print(repr(main(${depth - 1})))`,
        `print(repr(main(${depth})))`,
      ];
    // main(d)'s loop runs d + 1 frames deep, and a call there needs one more: with margin 1
    // the loop warms up one frame below the limit, then is entered again at the limit.
    const maxDepth = where === 'recursive' ? depth + margin : undefined;
    return { src: [...render(lines), ''].join('\n'), maxDepth, calls: called.length > 0 };
  });

/** Mostly a budget the programs stay under; else one that runs out inside a compiled loop. */
const maxSteps = fc.constantFrom(200_000, 200_000, 200_000, 200_000, 2500, 3001, 5000, 7919, 12_000);

describe('numeric loop tier: random programs', () => {
  it('gives exactly what the interpreter gives', { timeout: 120_000 }, () => {
    let usedTier = 0;
    let withCalls = 0;
    let appending = 0;
    let deep = 0;
    let divisionInFunction = 0;
    fc.assert(
      fc.property(program, maxSteps, ({ src, maxDepth, calls }, steps) => {
        const [runs, appends] = [tierRuns, tierAppends];
        const options: RunOptions = maxDepth === undefined ? { maxSteps: steps } : { maxSteps: steps, maxDepth };
        const o = sameAsInterpreter(src, options);
        if (tierRuns === runs) return;
        usedTier++;
        if (calls) withCalls++;
        if (tierAppends > appends) appending++;
        if (maxDepth !== undefined) deep++;
        const errorLine = o.error?.line ? src.split('\n')[o.error.line - 1] : '';
        if (o.error?.type === 'ZeroDivisionError' && /^\s*return (?!main|\()/.test(errorLine)) divisionInFunction++;
      }),
      { seed: 0x6e756d, numRuns: 600 },
    );
    // Otherwise the comparison would prove little.
    expect(usedTier).toBeGreaterThan(220);
    expect(withCalls).toBeGreaterThan(120);
    expect(appending).toBeGreaterThan(60);
    expect(deep).toBeGreaterThan(30);
    expect(divisionInFunction).toBeGreaterThan(2);
  });
});

// ---------------------------------------------------------------------------------------
// Hand-written programs, with CPython 3.11's output.

/** Runs with the tier, checks it against the interpreter, and that compiled code ran. */
function tiered(src: string, options: RunOptions = {}) {
  const o = sameAsInterpreter(src, options);
  expect(tierRuns, 'the tier ran').toBeGreaterThan(0);
  return o;
}

describe('numeric loop tier: hand-written programs', () => {
  it('reads an inlined function\'s constants from its own source (an expression evaluated after the program)', () => {
    const src = 'def main(f):\n    s = 0\n    for i in range(3000):\n        s = s + f(i)\n    return s\n';
    const results = [true, false].map((numericLoops) => {
      const { globals } = runProgram(src, { numericLoops });
      return ['main(lambda p: p * 2.0)', 'main(lambda p: p * 1e300)', 'main(lambda p: p * 2)'].map((e) => {
        const v = evaluateExpression(e, globals, { numericLoops }).value;
        return describeValue(v);
      });
    });
    expect(results[0]).toEqual(['float 8997000', 'float 4.498499999999991e+306', 'int 8997000']);
    expect(results[1]).toEqual(results[0]);
    expect(compiles).toBe(3);
  });

  it('goes on in big ints when an int passes 2**53 in a compiled loop', () => {
    const o = tiered(
      [
        's = 0',
        'q = 0',
        'p = 1',
        'for i in range(3000):',
        '    s += 4503599627370',
        '    q -= 3002399751581',
        '    if i % 500 == 0:',
        '        p = p * 100000 + i',
        'print(s, q, p)',
        'print(repr(s * 2), s - s // 7 * 7)',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('13510798882110000 -9007199254743000 1000000050001000015000200002500\n27021597764220000 2\n');
    expect(o.error).toBeNull();
  });

  it('raises ZeroDivisionError on the line of the division, with the variables of that moment', () => {
    const cases: [string, string, string][] = [
      ['t += 1 / (2500 - i)', 'division by zero', 'float 8.401461662424492'],
      ['n += 7 // (i - 2200)', 'integer division or modulo by zero', 'float 0'],
      ['n += 7 % (i - 1700)', 'integer modulo by zero', 'float 0'],
      ['t = t + i / (2600.0 - i)', 'float division by zero', 'float 19345.754179117597'],
    ];
    for (const [stmt, message, t] of cases) {
      const o = tiered(`t = 0.0\nn = 0\nfor i in range(3000):\n    ${stmt}\nprint(t, n)\n`);
      expect(o.error).toMatchObject({ type: 'ZeroDivisionError', message, line: 4 });
      expect(o.stdout).toBe('');
      expect(globalOf(o, 't')).toBe(t);
    }
  });

  it('raises ValueError when an inner range step becomes 0', () => {
    const o = tiered('s = 0\nfor i in range(3000):\n    for j in range(0, 10, (2400 - i) // 100):\n        s += j\nprint(s)\n');
    expect(o.error).toMatchObject({ type: 'ValueError', message: 'range() arg 3 must not be zero', line: 3 });
    expect([globalOf(o, 's'), globalOf(o, 'i'), globalOf(o, 'j')]).toEqual(['int 13000', 'int 2301', 'int 9']);
  });

  it('runs out of steps at the same step, after the same output', () => {
    const src = 'for r in range(10):\n    print(r)\n    n = 0\n    while n < 1000:\n        n += 1\n';
    const o = tiered(src, { maxSteps: 5000 });
    // r costs 1 step and its loop 1000: r = 4 starts at step 4005 and runs out at 5001
    expect(o.stdout).toBe('0\n1\n2\n3\n4\n');
    expect(o.error).toMatchObject({ type: 'TimeoutError', message: 'program exceeded the step limit (5000 steps)', line: 4 });
    expect(globalOf(o, 'n')).toBe('int 995');
  });

  it('runs out of steps on a for loop line the same way', () => {
    // The budget ends at an iteration of the outer `for`: the error line must not depend on
    // which statement the tier or the interpreter ran last.
    for (const steps of [2501, 2502, 3000]) {
      tiered('x = 0\nfor i in range(3000):\n    if i % 3 == 0:\n        x = 1\n    elif i % 3 == 1:\n        x = 2\n    else:\n        x = 3\n', { maxSteps: steps });
      tiered('s = 0\nfor i in range(3000):\n    for j in range(2):\n        s += j\n', { maxSteps: steps });
    }
  });

  it('leaves a loop whose types change to the interpreter', () => {
    const o = sameAsInterpreter('x = 0\nfor i in range(3000):\n    if i == 2000:\n        x = x / 2\n    x = x + 1\nprint(x)\n');
    expect(o.stdout).toBe('2000.0\n');
    expect(compiles).toBe(0);
  });

  it('keeps -0.0 for floats and never makes an int -0', () => {
    const o = tiered(
      [
        'for i in range(3000):',
        '    a = -0.0 * i',
        '    b = 0 * -5',
        '    c = -(i - i)',
        '    d = 0 / -(i + 1)',
        '    e = (i - i) * -1',
        '    f = -(0.0 * i)',
        '    g = (i - i) // -3',
        '    h = -(i - i) % 5',
        'print(a, b, c, d, e, f, g, h)',
        'print(repr(a + 0), repr(d - 0.0), repr(-0.0 - 0.0))',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('-0.0 0 0 -0.0 0 -0.0 0 0\n0.0 -0.0 -0.0\n');
  });

  it('keeps a float variable whose value is unchanged the same object', () => {
    // CPython 3.11: True True False
    const o = tiered('a = 1.5\nb = a\nfor i in range(3000):\n    c = b\n    d = a * 1.0\nprint(a is b, c is b, d is a)\n');
    expect(o.stdout).toBe('True True False\n');
  });

  it('treats NaN as true, and unequal to itself', () => {
    const o = tiered(
      [
        "x = float('nan')",
        'n = 0',
        'while x:',
        '    n += 1',
        '    if n >= 3000:',
        '        break',
        'c = 0',
        'for i in range(3000):',
        '    if x != x:',
        '        c += 1',
        '    if x < 1 or x >= 1 or x == x:',
        '        c += 100',
        '    if not x:',
        '        c += 10000',
        '    y = x * 0 if i > 10 else 1.0',
        'print(n, c, y, 1 if y else 0)',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('3000 3000 nan 1\n');
  });

  it('breaks out of inner and outer loops, with and without else', () => {
    const o = tiered(
      [
        'r = 0',
        'for i in range(3000):',
        '    for j in range(5):',
        '        if j == 3:',
        '            break',
        '        r += 1',
        '    else:',
        '        r += 1000',
        '    k = 0',
        '    while k < 4:',
        '        k += 1',
        '        if k == 5:',
        '            break',
        '    else:',
        '        r += 2',
        '    if i == 2500:',
        '        break',
        'else:',
        '    r += 99',
        'print(r, i, j, k)',
        'n = 0',
        'for i in range(3000):',
        '    n += 1',
        'else:',
        '    n += 5',
        'print(n, i)',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('12505 2500 3 4\n3005 2999\n');
  });

  it('takes break and continue in an inner loop\'s else clause to the enclosing loop', () => {
    const o = tiered(
      [
        'n = 0',
        'i = 0',
        'while i < 3000:',
        '    i += 1',
        '    for j in range(2):',
        '        n += 1',
        '    else:',
        '        if i == 2500:',
        '            break',
        '        continue',
        '    n += 1000000',
        'else:',
        '    n += 7',
        'print(n, i, j)',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('5000 2500 1\n');
  });

  it('gives the exact range elements past 2**53 / step', () => {
    // index * step is past 2**53 (and not a double) although every element is a safe int
    const o = tiered('s = 0\nx = 0\nfor i in range(-(2**53-1), 2**53-1, 2**43+1):\n    s = s + 1\n    x = i\nprint(s, x)\n');
    expect(o.stdout).toBe('2048 8998403161720832\n');
    const p = tiered('s = 0\nt = 0\nfor k in range(3000):\n    for i in range(-(2**53-1), 2**53-1, 3002399751580331):\n        t = i\n        s += 1\nprint(s, t)\n');
    expect(p.stdout).toBe('18000 6004799503160664\n');
  });

  it('counts range elements exactly where the quotient of doubles would round', () => {
    // (2**53 - 1) / (2**53 - 2) rounds to 1.0: the range has 2 elements, not 1
    const src = 'c = 0\nfor k in range(3000):\n    for i in range(0, 2**53-1, 2**53-2):\n        c += 1\n    for i in range(10, -2**53+1, -2**52):\n        c += 1\nprint(c, len(range(-2**52, 2**52+1, 2**52)), len(range(0, 2**53-1, 2**53-2)))\n';
    expect(tiered(src).stdout).toBe('15000 3 2\n');
  });

  it('resumes a bailed-out range loop at the exact element', () => {
    // s passes 2**53 at element 1025, whose index * step is not a double
    const o = tiered('s = 0\nx = 0\nfor i in range(-(2**53-1), 2**53-1, 2**43+1):\n    x = i\n    if i > 0:\n        s += 4503599627370496\nprint(s, x)\n');
    expect(o.stdout).toBe('4611686018427387904 8998403161720832\n');
  });

  it('leaves the loop variable as the last finished iteration left it when the budget runs out', () => {
    for (const steps of [4000, 5000, 5003]) {
      const o = tiered('for i in range(1600):\n    j = 0\n    while j < 3:\n        j += 1\n', { maxSteps: steps });
      expect(o.error?.type).toBe('TimeoutError');
      // 4 steps an iteration: the last one to start is number ceil(steps / 4), i = that - 1
      expect(globalOf(o, 'i')).toBe(`int ${Math.ceil(steps / 4) - 1}`);
    }
  });

  it('does not use the tier when range is shadowed, and sees the shadowing change', () => {
    const o = sameAsInterpreter(
      [
        'real_range = range',
        'calls = 0',
        'def range(*args):',
        '    global calls',
        '    calls += 1',
        '    return real_range(*args)',
        's = 0',
        'for i in real_range(3000):',
        '    for j in range(2):',
        '        s += j',
        'print(s, calls)',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('3000 3000\n');
    const p = tiered(
      [
        'real_range = range',
        'def f():',
        '    s = 0',
        '    for i in real_range(3000):',
        '        for j in range(3):',
        '            s += j',
        '    return s',
        'print(f())',
        'range = lambda n: real_range(n + 1)',
        'print(f())',
        'del range',
        'print(f())',
        'range = 5',
        'print(f())',
        '',
      ].join('\n'),
    );
    expect(p.stdout).toBe('9000\n18000\n9000\n');
    expect(p.error).toMatchObject({ type: 'TypeError', message: "'int' object is not callable", line: 5 });
  });

  it('lets the body reassign the loop variable', () => {
    const o = tiered(
      's = 0\nfor i in range(3000):\n    i = i * 2\n    s += i\nprint(s, i)\ns = 0\nfor i in range(3000):\n    for j in range(3):\n        j = j + 10\n        s += j\n    i = -1\nprint(s, i, j)\n',
    );
    expect(o.stdout).toBe('8997000 5998\n99000 -1 12\n');
  });

  it('runs loops whose variables are first bound in the body, and warm loops on later calls', () => {
    const o = tiered(
      [
        'def f(n, x):',
        '    s = x',
        '    i = 0',
        '    while i < n:',
        '        i += 1',
        '        s = (s * 3 + i) % 1000003',
        '    return s',
        'print(f(1500, 1), f(5, 2), f(0, 3), f(2000, 4.5), f(1200, -8))',
        'def g(n):',
        '    s = 0',
        '    for i in range(n):',
        '        t = i * 2',
        '        s += t',
        '    return s, t',
        'print(g(2000), g(3), g(1500))',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('523556 665 3 723516.5 668679\n(3998000, 3998) (6, 4) (2248500, 2998)\n');
  });
});

// ---------------------------------------------------------------------------------------
// Calls the tier inlines and lists it appends to, with CPython 3.11's answers.

describe('numeric loop tier: inlined calls and appends', () => {
  it('runs the benchmark program, its two hot loops compiled', () => {
    const src = readFileSync(new URL('../../bench/programs/python_loops.py', import.meta.url), 'utf8');
    const o = sameAsInterpreter(src);
    expect(o.stdout).toBe('2713713 10000 249998750000.0\n');
    expect(o.error).toBeNull();
    // The inner `for j` loop (with its call of f and its append) and the `while k` loop. The
    // `for i` loop is hot only at its last iteration, so it never starts in the tier.
    expect(compiles).toBe(2);
    // `for j`: compiled in its 1000th iteration (i = 0), run on the 999 entries after; `while k` once.
    expect(tierRuns).toBe(1000);
    // xs gets 10 appends an i: those of i = 0 by the interpreter, the rest by compiled code
    expect(tierAppends).toBe(9990);
  });

  it('inlines defs and lambdas with conditions, and goes on in big ints past 2**53', () => {
    const o = tiered(
      [
        'big = lambda a: a * 4503599627370',
        'def clamp(v, lo, hi):',
        '    return lo if v < lo else (hi if v > hi else v)',
        'def between(v, lo, hi):',
        '    return 1 if lo <= v < hi and not (v == 7) else 0',
        's = 0',
        'c = 0.0',
        'm = 0',
        'for i in range(3000):',
        '    p = big(i)',
        '    s += p % 1000003',
        '    c += clamp(i * 0.25, 100.0, 600.5)',
        '    m += between(i % 10, 3, 9) + clamp(i, 10, 20)',
        'print(s, p, c, m)',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('1500512769 13506295282482630 1100049.25 61345\n');
    expect(compiles).toBe(1);
  });

  it('inlines calls in loop tests and range arguments, and of functions without parameters', () => {
    const src = [
      'five = lambda: 5',
      'half = lambda: 0.5',
      'sq = lambda a: a * a',
      'def lim(a):',
      '    return a % 3 + 1',
      's = 0',
      'x = 0.0',
      'i = 0',
      'while sq(i) < 9000000:',
      '    i += 1',
      '    for j in range(lim(i)):',
      '        s += five() + j',
      '        x += half()',
      'print(s, x, i)',
      '',
    ].join('\n');
    expect(tiered(src).stdout).toBe('34000 3000.0 3000\n');
    // the `for j` loop on its own, then the `while` loop (with it)
    expect(compiles).toBe(2);
    // budgets that end on: the call in the test, the `while` iteration, the call in the range
    // argument, a `for` iteration, the calls in the body
    const ends = [[9000, 9], [9001, 9], [12341, 11], [12345, 11], [15001, 12], [15002, 13]];
    for (const [steps, line] of ends) expect(tiered(src, { maxSteps: steps }).error).toMatchObject({ type: 'TimeoutError', line });
  });

  it('calls the middle of a chained comparison once', () => {
    const src = 'sq = lambda a: a * a\nn = 0\nfor i in range(3000):\n    if 0 <= sq(i) < 5000000:\n        n += 1\nprint(n)\n';
    expect(tiered(src).stdout).toBe('2237\n');
    // two steps an iteration (not three): the budget ends at i = 2500
    const o = tiered(src, { maxSteps: 5000 });
    expect(o.error).toMatchObject({ type: 'TimeoutError', line: 3 });
    expect([globalOf(o, 'i'), globalOf(o, 'n')]).toEqual(['int 2499', 'int 2237']);
  });

  it('uses the function a variable holds when the loop is entered', () => {
    const src = [
      'def f(a, b):',
      '    return a * b + 1',
      'def run():',
      '    s = 0',
      '    for i in range(3000):',
      '        s += f(i, 3) % 7',
      '    return s',
      'def main(g):',
      '    s = 0.0',
      '    for i in range(3000):',
      '        s = s + g(i * 0.5, 2)',
      '    return s',
      'print(run())',
      'f = lambda a, b: a - b',
      'print(run())',
      'def f(a, b):',
      '    return (a + b) // 2',
      'print(run())',
      'print(main(lambda p, q: p / q), main(lambda p, q: p * q - 1), main(max), main(lambda p, q: p * 3))',
      'f = abs',
      'print(run())',
      '',
    ].join('\n');
    const o = sameAsInterpreter(src);
    expect(o.stdout).toBe('8996\n9003\n8996\n1124625.0 4495500.0 2249255.0 6747750.0\n');
    expect(o.error).toMatchObject({ type: 'TypeError', message: 'abs() takes exactly one argument (2 given)', line: 6 });
    // a version per function (three for each loop), none for the builtins
    expect([compiles, tierRuns]).toEqual([6, 6]);
    const p = sameAsInterpreter(src.replace('f = abs', 'f = 5'));
    expect(p.error).toMatchObject({ type: 'TypeError', message: "'int' object is not callable", line: 6 });
  });

  it('leaves calls it cannot inline to the interpreter', () => {
    const defs: [string, string][] = [
      ['glob', 'def glob(a, b):\n    return a * K + b'],
      ['nested', 'def nested(a, b):\n    return inc(a) * b'],
      ['builtin', 'def builtin(a, b):\n    return abs(a - b)'],
      ['two', 'def two(a, b):\n    c = a * b\n    return c % 7'],
      ['inv', 'def inv(a, b):\n    return ~a + b'],
      ['ident', 'def ident(a, b):\n    return 1 if a is b else 2'],
      ['closure', 'def outer():\n    m = 5\n    return lambda a, b: a * m + b\nclosure = outer()'],
      ['star', 'star = lambda *a: a[0] + a[1]'],
      ['kw', 'kw = lambda a, b: a * b'],
    ];
    const outputs = ['1498500', '1492500', '1493530', '8997', '1498500', '5999', '1492500', '1498500', '1492500'];
    const prelude = 'K = 3\ndef inc(p):\n    return p + 1\n';
    const loop = (call: string) => `s = 0\nfor i in range(3000):\n    s += ${call} % 1000\nprint(s)\n`;
    defs.forEach(([name, def], n) => {
      const o = sameAsInterpreter(`${prelude}${def}\n${loop(name === 'kw' ? 'kw(i, b=5)' : `${name}(i, 5)`)}`);
      expect(o.stdout, name).toBe(`${outputs[n]}\n`);
    });
    expect(compiles).toBe(0);
    // the same loop calling a function it can inline
    expect(sameAsInterpreter(`${prelude}def ok(a, b):\n    return a * 3 + b\n${loop('ok(i, 5)')}`).stdout).toBe('1498500\n');
    expect(compiles).toBe(1);
    // a wrong number of arguments, once the loop is hot: CPython's TypeErrors
    const arity: [string, string][] = [
      ['ok(i)', "ok() missing 1 required positional argument: 'b'"],
      ['ok(i, 1, 2)', 'ok() takes 2 positional arguments but 3 were given'],
      ['one(i, 1)', '<lambda>() takes 1 positional argument but 2 were given'],
    ];
    for (const [call, message] of arity) {
      const o = sameAsInterpreter(`def ok(a, b):\n    return a * 3 + b\none = lambda a: a\ns = 0\nfor i in range(3000):\n    s += ok(i, 5) if i < 2500 else ${call}\n`);
      expect(o.error).toMatchObject({ type: 'TypeError', message, line: 6 });
      expect(globalOf(o, 's')).toBe('int 9383750');
    }
    expect(compiles).toBe(1);
  });

  it('raises ZeroDivisionError in an inlined function on its return line, with the variables of that moment', () => {
    const o = tiered(
      [
        'h = lambda a, b: a // b',
        'def g(a, b):',
        '    return a / b + 1',
        's = 0.0',
        'n = 0',
        'for i in range(3000):',
        '    s += g(i, 2500 - i)',
        '    n += h(i, 2700 - i)',
        '',
      ].join('\n'),
    );
    expect(o.error).toMatchObject({ type: 'ZeroDivisionError', message: 'division by zero', line: 3 });
    expect([globalOf(o, 's'), globalOf(o, 'n'), globalOf(o, 'i')]).toEqual(['float 21003.65415606122', 'int 3484', 'int 2500']);
    // a lambda's error is on the lambda's own line, as CPython reports it
    const p = tiered('h = lambda a, b: a // b\nn = 0\nfor i in range(3000):\n    n += h(i, 2700 - i)\n');
    expect(p.error).toMatchObject({ type: 'ZeroDivisionError', message: 'integer division or modulo by zero', line: 1 });
    expect([globalOf(p, 'n'), globalOf(p, 'i')]).toEqual(['int 19067', 'int 2700']);
  });

  it('takes back the appends of an iteration it bails out of', () => {
    const o = tiered(
      [
        'xs = []',
        'ys = []',
        's = 0',
        'for i in range(3000):',
        '    xs.append(i)',
        '    if i % 2 == 0:',
        '        ys.append(i * 0.5)',
        '    s += 4503599627370',
        '    xs.append(s % 1000)',
        'print(len(xs), len(ys), xs[-4:], ys[-2:], sum(xs), sum(ys), s)',
        '',
      ].join('\n'),
    );
    expect(o.stdout).toBe('6000 1500 [2998, 630, 2999, 0] [1498.0, 1499.0] 5983500 1124250.0 13510798882110000\n');
    // i = 1000..1999 in compiled code (2.5 appends each), then i = 2000 appends to xs and
    // ys before s passes 2**53: those two are popped, and the interpreter makes them again.
    expect(tierAppends).toBe(2502);
  });

  it('runs out of steps on a call or an iteration, with the appends made so far', () => {
    const src = 'def sq(a):\n    return a * a\nxs = []\nn = 0\nfor i in range(3000):\n    xs.append(sq(i))\n    n += 1\n';
    // two steps an iteration: the loop's and the call's
    const squares = (n: number) => `list [${Array.from({ length: n }, (_, i) => `int ${i * i}`).join(', ')}]`;
    const atCall = tiered(src, { maxSteps: 4001 });
    expect(atCall.error).toMatchObject({ type: 'TimeoutError', message: 'program exceeded the step limit (4001 steps)', line: 6 });
    expect([globalOf(atCall, 'xs'), globalOf(atCall, 'n')]).toEqual([squares(2000), 'int 2000']);
    const atLoop = tiered(src, { maxSteps: 4002 });
    expect(atLoop.error).toMatchObject({ type: 'TimeoutError', line: 5 });
    expect([globalOf(atLoop, 'xs'), globalOf(atLoop, 'n')]).toEqual([squares(2001), 'int 2001']);
  });

  it('leaves a loop at the depth limit, where a call raises RecursionError, to the interpreter', () => {
    const o = sameAsInterpreter(
      [
        'def sq(a):',
        '    return a * a',
        'def run(d):',
        '    if d > 0:',
        '        return run(d - 1)',
        '    s = 0',
        '    for i in range(3000):',
        '        s += sq(i) % 7',
        '    return s',
        'for d in (45, 46, 47, 48, 49):',
        '    try:',
        '        print(d, run(d))',
        '    except RecursionError as e:',
        '        print(d, e)',
        '',
      ].join('\n'),
      { maxDepth: 50 },
    );
    // as CPython 3.11 after sys.setrecursionlimit(50), which counts the module's frame too
    // (its message at 48 adds "in comparison": the limit is met inside a C comparison there)
    expect(o.stdout).toBe('45 5999\n46 5999\n47 5999\n48 maximum recursion depth exceeded\n49 maximum recursion depth exceeded\n');
    // compiled at d = 45, run warm down to d = 47 (sq one frame under the limit), refused at 48
    expect([compiles, tierRuns]).toEqual([1, 3]);
  });
});

// ---------------------------------------------------------------------------------------
// That the tier runs where it should, and only there.

describe('numeric loop tier: when it compiles', () => {
  it('compiles a hot loop once per mix of types, and runs it on every warm entry', () => {
    const src = [
      'def f(n, x):',
      '    s = x',
      '    i = 0',
      '    while i < n:',
      '        i += 1',
      '        s = i - s',
      '    return s',
      'print(f(3000, 1))', // cold: 1000 iterations in the interpreter, then compiled for (int, int, int)
      'print(f(3000, 1))', // warm: starts compiled
      'print(f(3000, 1.0))', // (int, int, float): compiled again
      'print(f(3000, 2.0))',
      '',
    ].join('\n');
    const o = sameAsInterpreter(src);
    expect(o.stdout).toBe('1501\n1501\n1501.0\n1502.0\n');
    expect(compiles).toBe(2);
    expect(tierRuns).toBe(4);
    compiles = 0;
    runProgram(src, { numericLoops: false });
    expect(compiles).toBe(0);
  });

  it('does not start before a loop is hot', () => {
    sameAsInterpreter('s = 0\nfor i in range(999):\n    s += i\nn = 0\nwhile n < 999:\n    n += 1\n');
    expect(compiles).toBe(0);
    sameAsInterpreter('s = 0\nfor i in range(1001):\n    s += i\nn = 0\nwhile n < 1001:\n    n += 1\n');
    expect(compiles).toBe(2);
  });

  it('never compiles a loop over a list, or one that calls, prints, indexes or uses other types', () => {
    const bodies = [
      'for x in xs:\n    s += x\n',
      'for i in range(3000):\n    s += abs(i)\n',
      'for i in range(3000):\n    s = s + xs[0]\n',
      'for i in range(3000):\n    s = s ** 2 % 7\n',
      'for i in range(3000):\n    s = s + True\n',
      "for i in range(3000):\n    u = 'a'\n",
      'for i in range(3000):\n    s = (s + 1) % 7\n    if i == 2999:\n        print(s)\n',
      'i = 0\nwhile i < 3000:\n    i += 1\n    s = max(s, i)\n',
      'i = 0\nwhile i < 3000:\n    i += 1\n    s = s + (i > 3)\n',
      'for i in range(3000):\n    s = -(~s)\n',
    ];
    for (const body of bodies) sameAsInterpreter(`xs = [1, 2] * 1500\ns = 0\n${body}`);
    expect(compiles).toBe(0);
  });

  it('compiles at most 4 versions of one loop, and 64 loops in one run', () => {
    // a loop that meets a new function every call: the fifth runs in the interpreter
    const fns = [1, 2, 3, 4, 5, 6].map((k) => `lambda p: p * ${k}`).join(', ');
    const src = `def run(f):\n    s = 0\n    for i in range(2000):\n        s += f(i)\n    return s\nprint([run(f) for f in (${fns})])\n`;
    expect(sameAsInterpreter(src).stdout).toBe('[1999000, 3998000, 5997000, 7996000, 9995000, 11994000]\n');
    expect(compiles).toBe(4);
    // 70 hot loops: the first 64 are compiled
    compiles = 0;
    const loops = Array.from({ length: 70 }, (_, k) => `for i in range(1200):\n    s += ${k}\n`).join('');
    expect(sameAsInterpreter(`s = 0\n${loops}print(s)\n`).stdout).toBe(`${1200 * ((69 * 70) / 2)}\n`);
    expect(compiles).toBe(64);
  });
});
