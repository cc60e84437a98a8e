/**
 * CPython 3.11's `random` module on the Mersenne Twister, bit for bit: the same seed
 * gives a program the same numbers as under CPython. Each program run gets a fresh
 * generator from createRandomModule().
 */
import { createHash } from 'node:crypto';
import { MT19937 } from '../../tensor/mt19937.js';
import { PyError } from '../../tensor/errors.js';
import { floatToInt, normInt } from '../format.js';
import { definePyType, PyFloat, PyList, PyTuple, pyTypeName, pyTypeOf, type Kwargs, type PyValue } from '../values.js';
import { PyRange } from '../objects.js';
import { crCos, crLog, crPow, crSin, glibcExp, iterItems, toBigIndex, toDouble } from './math.js';

type Fn = (args: PyValue[], kwargs: Kwargs | null) => PyValue;

/** What seed(None) means here: runs must be reproducible, so a fixed value. */
const DEFAULT_SEED = 5489n;
const TWO_PI = 2 * Math.PI;
const NV_MAGICCONST = (4 * glibcExp(-0.5)) / Math.sqrt(2.0);
const P61 = (1n << 61n) - 1n; // CPython's hash modulus

/** The 32-bit words of |n|, least significant first (at least one word). */
function words32(n: bigint): number[] {
  if (n < 0n) n = -n;
  const out: number[] = [];
  do {
    out.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return out;
}

/** hash(x) of a float, as CPython computes it (random.seed(float) seeds with it). */
function floatHash(x: number): bigint {
  if (x !== x) return 0n;
  if (x === Infinity || x === -Infinity) return x > 0 ? 314159n : -314159n;
  if (x === 0) return 0n;
  const a = Math.abs(x);
  // a = mant * 2**exp; modulo 2**61-1, 2**exp is 2**(exp mod 61)
  const f = new Float64Array([a]);
  const bits = new BigUint64Array(f.buffer)[0];
  const bexp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp = -1074;
  if (bexp !== 0) {
    mant |= 1n << 52n;
    exp = bexp - 1075;
  }
  const e = ((exp % 61) + 61) % 61;
  let h = ((mant % P61) << BigInt(e)) % P61;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

/** len(seq) and seq[i] for the sequences programs pass (list, tuple, str, range, tensor). */
interface Seq {
  length: number;
  at(i: number): PyValue;
}

function asSequence(v: PyValue): Seq {
  if (v instanceof PyList || v instanceof PyTuple) {
    const items = v.items;
    return { length: items.length, at: (i) => items[i] };
  }
  if (typeof v === 'string') {
    const chars = Array.from(v);
    return { length: chars.length, at: (i) => chars[i] };
  }
  if (v instanceof PyRange) return { length: v.length, at: (i) => v.start + i * v.step };
  const t = pyTypeOf(v);
  if (t?.len && t.getitem) {
    const get = t.getitem;
    return { length: t.len(v), at: (i) => get(v, i) };
  }
  if (!t?.len) throw new PyError('TypeError', `object of type '${pyTypeName(v)}' has no len()`);
  throw new PyError('TypeError', `'${pyTypeName(v)}' object is not subscriptable`);
}

/** Bind positional and keyword arguments to parameter names as a Python method would. */
function bind(name: string, params: string[], required: number, args: PyValue[], kwargs: Kwargs | null): (PyValue | undefined)[] {
  if (args.length > params.length) {
    const takes = required === params.length ? `${params.length + 1}` : `from ${required + 1} to ${params.length + 1}`;
    throw new PyError('TypeError', `Random.${name}() takes ${takes} positional arguments but ${args.length + 1} were given`);
  }
  const out: (PyValue | undefined)[] = params.map((_, i) => args[i]);
  if (kwargs) {
    for (const [k, v] of kwargs) {
      const i = params.indexOf(k);
      if (i < 0) throw new PyError('TypeError', `Random.${name}() got an unexpected keyword argument '${k}'`);
      if (i < args.length) throw new PyError('TypeError', `Random.${name}() got multiple values for argument '${k}'`);
      out[i] = v;
    }
  }
  const missing = params.slice(0, required).filter((_, i) => out[i] === undefined);
  if (missing.length > 0) {
    const names = missing.map((m) => `'${m}'`);
    const list = names.length === 1 ? names[0] : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1];
    throw new PyError('TypeError', `Random.${name}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
  }
  return out;
}

function noArgs(name: string, args: PyValue[], kwargs: Kwargs | null): void {
  if (kwargs && kwargs.size > 0) throw new PyError('TypeError', `Random.${name}() takes no keyword arguments`);
  if (args.length > 0) throw new PyError('TypeError', `Random.${name}() takes no arguments (${args.length} given)`);
}

/** randrange's argument conversion: ints, or integral floats (deprecated but accepted). */
function rangeArg(v: PyValue, what: string): bigint {
  if (v instanceof PyFloat) {
    const i = floatToInt(v.v);
    if (Number(i) !== v.v) throw new PyError('ValueError', `non-integer ${what} for randrange()`);
    return BigInt(i);
  }
  return toBigIndex(v);
}

const F = (x: number) => new PyFloat(x);

class PyRandom {
  private readonly mt = new MT19937();
  private gaussNext: number | null = null;

  constructor() {
    this.seedInt(DEFAULT_SEED);
  }

  seedInt(n: bigint): void {
    this.mt.seedArray(words32(n));
    this.gaussNext = null;
  }

  seed(a: PyValue): void {
    if (a === null || a === undefined) return this.seedInt(DEFAULT_SEED);
    if (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean') return this.seedInt(BigInt(a));
    if (a instanceof PyFloat) {
      // CPython seeds with (size_t)hash(a): a negative hash wraps around 2**64
      const h = floatHash(a.v);
      return this.seedInt(h < 0n ? h + (1n << 64n) : h);
    }
    if (typeof a === 'string') {
      // version 2: the int of the UTF-8 bytes followed by their SHA-512 digest
      const bytes = Buffer.from(a, 'utf8');
      const all = Buffer.concat([bytes, createHash('sha512').update(bytes).digest()]);
      return this.seedInt(BigInt('0x' + all.toString('hex')));
    }
    throw new PyError('TypeError', 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
  }

  random(): number {
    const a = this.mt.nextUint32() >>> 5;
    const b = this.mt.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** k random bits as a number (k <= 53). */
  private bitsNumber(k: number): number {
    if (k <= 32) return this.mt.nextUint32() >>> (32 - k);
    const lo = this.mt.nextUint32();
    const hi = this.mt.nextUint32() >>> (64 - k);
    return hi * 4294967296 + lo;
  }

  getrandbits(k: number): number | bigint {
    if (k <= 53) return k === 0 ? 0 : this.bitsNumber(k);
    let r = 0n;
    let shift = 0n;
    for (let left = k; left > 0; left -= 32) {
      let w = this.mt.nextUint32();
      if (left < 32) w >>>= 32 - left;
      r |= BigInt(w) << shift;
      shift += 32n;
    }
    return normInt(r);
  }

  /** A uniform int in [0, n) by rejection on n.bit_length() bits (n > 0). */
  randbelow(n: number): number {
    const k = n < 4294967296 ? 32 - Math.clz32(n) : 64 - Math.clz32(Math.floor(n / 4294967296));
    let r = this.bitsNumber(k);
    while (r >= n) r = this.bitsNumber(k);
    return r;
  }

  randbelowBig(n: bigint): bigint {
    if (n <= 9007199254740991n) return BigInt(this.randbelow(Number(n)));
    const k = n.toString(2).length;
    let r = BigInt(this.getrandbits(k));
    while (r >= n) r = BigInt(this.getrandbits(k));
    return r;
  }

  randrange(start: PyValue, stop: PyValue | undefined, step: PyValue | undefined): number | bigint {
    const istart = rangeArg(start, 'arg 1');
    if (stop === undefined || stop === null) {
      if (step !== undefined) throw new PyError('TypeError', 'Missing a non-None stop argument');
      if (istart > 0n) return normInt(this.randbelowBig(istart));
      throw new PyError('ValueError', 'empty range for randrange()');
    }
    const istop = rangeArg(stop, 'stop');
    const width = istop - istart;
    const istep = step === undefined ? 1n : rangeArg(step, 'step');
    if (istep === 1n) {
      if (width > 0n) return normInt(istart + this.randbelowBig(width));
      throw new PyError('ValueError', `empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    let n: bigint;
    if (istep > 0n) n = floorDiv(width + istep - 1n, istep);
    else if (istep < 0n) n = floorDiv(width + istep + 1n, istep);
    else throw new PyError('ValueError', 'zero step for randrange()');
    if (n <= 0n) throw new PyError('ValueError', 'empty range for randrange()');
    return normInt(istart + istep * this.randbelowBig(n));
  }

  gauss(mu: number, sigma: number): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWO_PI;
      const g2rad = Math.sqrt(-2.0 * crLog(1.0 - this.random()));
      z = crCos(x2pi) * g2rad;
      this.gaussNext = crSin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  normalvariate(mu: number, sigma: number): number {
    // Kinderman and Monahan's ratio-of-uniforms method
    let z: number;
    for (;;) {
      const u1 = this.random();
      const u2 = 1.0 - this.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -crLog(u2)) break;
    }
    return mu + z * sigma;
  }
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function divide(a: number, b: number): number {
  if (b === 0) throw new PyError('ZeroDivisionError', 'float division by zero');
  return a / b;
}

/** bisect_right(a, x, 0, hi) */
function bisectRight(a: number[], x: number, hi: number): number {
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The module's functions, all drawing from one generator. */
function randomFunctions(r: PyRandom): Record<string, Fn> {

  const seed: Fn = (args, kwargs) => {
    const [a, version] = bind('seed', ['a', 'version'], 0, args, kwargs);
    if (version !== undefined && version !== 2) {
      throw new PyError('ValueError', 'only random.seed(a, version=2) is supported here');
    }
    r.seed(a ?? null);
    return null;
  };

  const random: Fn = (args, kwargs) => {
    noArgs('random', args, kwargs);
    return F(r.random());
  };

  const getrandbits: Fn = (args, kwargs) => {
    if (kwargs && kwargs.size > 0) throw new PyError('TypeError', 'Random.getrandbits() takes no keyword arguments');
    if (args.length !== 1) throw new PyError('TypeError', `Random.getrandbits() takes exactly one argument (${args.length} given)`);
    const k = toBigIndex(args[0]);
    if (k < 0n) throw new PyError('ValueError', 'number of bits must be non-negative');
    return r.getrandbits(Number(k));
  };

  const randrange: Fn = (args, kwargs) => {
    const [start, stop, step] = bind('randrange', ['start', 'stop', 'step'], 1, args, kwargs);
    return r.randrange(start, stop, step);
  };

  const randint: Fn = (args, kwargs) => {
    const [a, b] = bind('randint', ['a', 'b'], 2, args, kwargs);
    const hi = rangeArg(b, 'stop') + 1n;
    return r.randrange(a, normInt(hi), undefined);
  };

  const choice: Fn = (args, kwargs) => {
    const [seqArg] = bind('choice', ['seq'], 1, args, kwargs);
    const seq = asSequence(seqArg);
    if (seq.length === 0) throw new PyError('IndexError', 'Cannot choose from an empty sequence');
    return seq.at(r.randbelow(seq.length));
  };

  const choices: Fn = (args, kwargs) => {
    if (args.length > 2) throw new PyError('TypeError', `Random.choices() takes from 2 to 3 positional arguments but ${args.length + 1} were given`);
    let cumWeights: PyValue = null;
    let k = 1;
    let weights: PyValue = args[1] ?? null;
    if (kwargs) {
      for (const [key, v] of kwargs) {
        if (key === 'weights') weights = v;
        else if (key === 'cum_weights') cumWeights = v;
        else if (key === 'k') k = Number(toBigIndex(v));
        else throw new PyError('TypeError', `Random.choices() got an unexpected keyword argument '${key}'`);
      }
    }
    if (args.length === 0) throw new PyError('TypeError', "Random.choices() missing 1 required positional argument: 'population'");
    const pop = asSequence(args[0]);
    const n = pop.length;
    const out: PyValue[] = [];
    if (cumWeights === null) {
      if (weights === null) {
        for (let i = 0; i < k; i++) out.push(pop.at(Math.floor(r.random() * n)));
        return new PyList(out);
      }
      if (typeof weights === 'number' || typeof weights === 'bigint') {
        throw new PyError('TypeError', `The number of choices must be a keyword argument: k=${weights}`);
      }
      let acc = 0;
      cumWeights = new PyList(Array.from(iterItems(weights), (w) => F((acc += toDouble(w)))));
    } else if (weights !== null) {
      throw new PyError('TypeError', 'Cannot specify both weights and cumulative weights');
    }
    const cum = Array.from(iterItems(cumWeights), toDouble);
    if (cum.length !== n) throw new PyError('ValueError', 'The number of weights does not match the population');
    const total = cum[n - 1] + 0.0;
    if (total <= 0.0) throw new PyError('ValueError', 'Total of weights must be greater than zero');
    if (!Number.isFinite(total)) throw new PyError('ValueError', 'Total of weights must be finite');
    for (let i = 0; i < k; i++) out.push(pop.at(bisectRight(cum, r.random() * total, n - 1)));
    return new PyList(out);
  };

  const shuffle: Fn = (args, kwargs) => {
    const [x] = bind('shuffle', ['x'], 1, args, kwargs);
    if (!(x instanceof PyList)) {
      if (x instanceof PyTuple || typeof x === 'string') {
        throw new PyError('TypeError', `'${pyTypeName(x)}' object does not support item assignment`);
      }
      throw new PyError('TypeError', `object of type '${pyTypeName(x)}' has no len()`);
    }
    const items = x.items;
    for (let i = items.length - 1; i >= 1; i--) {
      const j = r.randbelow(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return null;
  };

  const sample: Fn = (args, kwargs) => {
    const [population, kArg, counts] = bind('sample', ['population', 'k', 'counts'], 2, args, kwargs);
    if (counts !== undefined && counts !== null) throw new PyError('TypeError', 'sample() with counts is not supported');
    if (!(population instanceof PyList || population instanceof PyTuple || population instanceof PyRange || typeof population === 'string' || pyTypeOf(population)?.getitem)) {
      throw new PyError('TypeError', 'Population must be a sequence.  For dicts or sets, use sorted(d).');
    }
    const pop = asSequence(population);
    const n = pop.length;
    const kb = toBigIndex(kArg);
    if (kb < 0n || kb > BigInt(n)) throw new PyError('ValueError', 'Sample larger than population or is negative');
    const k = Number(kb);
    const result: PyValue[] = new Array(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(crLog(k * 3) / crLog(4));
    if (n <= setsize) {
      const pool = Array.from({ length: n }, (_, i) => pop.at(i));
      for (let i = 0; i < k; i++) {
        const j = r.randbelow(n - i);
        result[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = r.randbelow(n);
        while (selected.has(j)) j = r.randbelow(n);
        selected.add(j);
        result[i] = pop.at(j);
      }
    }
    return new PyList(result);
  };

  const uniform: Fn = (args, kwargs) => {
    const [a, b] = bind('uniform', ['a', 'b'], 2, args, kwargs).map((v) => toDouble(v));
    return F(a + (b - a) * r.random());
  };

  const triangular: Fn = (args, kwargs) => {
    const [lowArg, highArg, mode] = bind('triangular', ['low', 'high', 'mode'], 0, args, kwargs);
    let low = lowArg === undefined ? 0.0 : toDouble(lowArg);
    let high = highArg === undefined ? 1.0 : toDouble(highArg);
    let u = r.random();
    let c = 0.5;
    if (mode !== undefined && mode !== null) {
      if (high === low) return F(low); // CPython catches the ZeroDivisionError
      c = (toDouble(mode) - low) / (high - low);
    }
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [low, high] = [high, low];
    }
    return F(low + (high - low) * Math.sqrt(u * c));
  };

  const twoFloats = (name: string, defaults: [number, number] | null, args: PyValue[], kwargs: Kwargs | null) => {
    const [a, b] = bind(name, ['mu', 'sigma'], defaults ? 0 : 2, args, kwargs);
    return [a === undefined ? defaults![0] : toDouble(a), b === undefined ? defaults![1] : toDouble(b)];
  };

  return {
    seed,
    random,
    getrandbits,
    randrange,
    randint,
    choice,
    choices,
    shuffle,
    sample,
    uniform,
    triangular,
    gauss: ((args, kwargs) => {
      const [mu, sigma] = twoFloats('gauss', [0.0, 1.0], args, kwargs);
      return F(r.gauss(mu, sigma));
    }) as Fn,
    normalvariate: ((args, kwargs) => {
      const [mu, sigma] = twoFloats('normalvariate', [0.0, 1.0], args, kwargs);
      return F(r.normalvariate(mu, sigma));
    }) as Fn,
    lognormvariate: ((args, kwargs) => {
      const [mu, sigma] = twoFloats('lognormvariate', null, args, kwargs);
      return F(glibcExp(r.normalvariate(mu, sigma)));
    }) as Fn,
    expovariate: ((args, kwargs) => {
      const [lambd] = bind('expovariate', ['lambd'], 1, args, kwargs);
      return F(divide(-crLog(1.0 - r.random()), toDouble(lambd)));
    }) as Fn,
    paretovariate: ((args, kwargs) => {
      const [alpha] = bind('paretovariate', ['alpha'], 1, args, kwargs);
      const u = 1.0 - r.random();
      return F(crPow(u, divide(-1.0, toDouble(alpha))));
    }) as Fn,
  };
}

/** A bound method of a random.Random instance (callable through its PyType). */
class RandomMethod {
  constructor(
    readonly name: string,
    readonly fn: Fn,
  ) {}
}
definePyType(RandomMethod, {
  name: 'builtin_function_or_method',
  call: (self: RandomMethod, args, kwargs) => self.fn(args, kwargs),
  repr: (self: RandomMethod) => `<bound method Random.${self.name} of <random.Random object>>`,
});

/** `random.Random(seed)`: an independent generator with the module's methods. */
class RandomInstance {
  readonly methods: Record<string, Fn>;
  constructor(seed: PyValue) {
    const r = new PyRandom();
    r.seed(seed);
    this.methods = randomFunctions(r);
  }
}
definePyType(RandomInstance, {
  name: 'Random',
  module: 'random',
  getattr: (self: RandomInstance, name: string) =>
    Object.hasOwn(self.methods, name) ? new RandomMethod(name, self.methods[name]) : undefined,
  repr: () => '<random.Random object>',
});

/** A fresh `random` module (one generator per program run, seeded as seed(None)). */
export function createRandomModule(): Record<string, PyValue> {
  const Random: Fn = (args, kwargs) => {
    if (kwargs && kwargs.size > 0) throw new PyError('TypeError', 'Random() takes no keyword arguments');
    if (args.length > 1) throw new PyError('TypeError', `Random() expected at most 1 argument, got ${args.length}`);
    return new RandomInstance(args.length ? args[0] : null);
  };
  return { ...randomFunctions(new PyRandom()), Random };
}
