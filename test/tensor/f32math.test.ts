// float32 transcendental functions must be PyTorch's (SLEEF 3.5 AVX2 kernels) bit for bit.
// fixtures/f32math.json is recorded by fixtures/gen_f32math.py from torch 1.13: the inputs
// come from the LCG families of f32_families.ts (same arithmetic as the generator), the fixture holds an
// FNV-1a hash of the output bits per block and, in full, every output that is not the
// correctly rounded value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as m from '../../src/tensor/f32math.js';
import { runProgram } from '../../src/python/run.js';
import { registerTorchModules } from '../../src/torch/module.js';
import { resetTorchState } from '../../src/torch/run_context.js';
import { type Family, bits, family } from './f32_families.js';

interface OpRecord {
  families: Family[];
  hashes: number[];
  /** [input index, float32 bits of torch's output] */
  notCorrectlyRounded: [number, number][];
}
const FIX = JSON.parse(readFileSync(new URL('./fixtures/f32math.json', import.meta.url), 'utf8')) as {
  block: number;
  ops: Record<string, OpRecord>;
};

function fnv(values: number[]): number {
  let h = 0x811c9dc5;
  for (const v of values) h = Math.imul(h ^ bits(v), 0x01000193) >>> 0;
  return h;
}

const KERNELS: Record<string, (x: number) => number> = {
  sin: m.sinf, cos: m.cosf, tan: m.tanf, log: m.logf, log2: m.log2f, log10: m.log10f, log1p: m.log1pf,
  expm1: m.expm1f, tanh: m.tanhf, sinh: m.sinhf, cosh: m.coshf, asin: m.asinf, acos: m.acosf, atan: m.atanf,
  exp: m.expf,
};

describe('SLEEF float32 kernels against torch 1.13', () => {
  for (const [name, rec] of Object.entries(FIX.ops)) {
    it(`${name}: ${rec.families.reduce((a, f) => a + f[3], 0)} inputs bit-exact`, () => {
      const fn = KERNELS[name]!;
      const xs = rec.families.flatMap(family);
      const ys = xs.map(fn);
      // the outputs PyTorch rounds differently from the exact value, one by one
      for (const [i, want] of rec.notCorrectlyRounded) expect(bits(ys[i]!), `${name}(${xs[i]}), got ${ys[i]}`).toBe(want);
      const hashes: number[] = [];
      for (let i = 0; i < ys.length; i += FIX.block) hashes.push(fnv(ys.slice(i, i + FIX.block)));
      expect(hashes).toEqual(rec.hashes);
    });
  }

  it('records some inputs PyTorch does not round correctly', () => {
    // guards against a fixture that would pass for Math.X too
    expect(FIX.ops.sin!.notCorrectlyRounded.length).toBeGreaterThan(500);
    expect(FIX.ops.log!.notCorrectlyRounded.length).toBeGreaterThan(20);
  });

  // torch.tensor(X).f().tolist() for a few hand-picked inputs
  const X = [4, -0.35174471139907837, 1, 0.5, -3.25, 9.75, -88.5, 0.0001];
  it('exp', () => {
    const EXP = [54.59815216064453, 0.7034596800804138, 2.7182817459106445, 1.6487212181091309, 0.03877420723438263, 17154.228515625, 3.672301610145117e-39, 1.000100016593933];
    X.forEach((x, i) => expect(m.expf(Math.fround(x)), `exp(${x})`).toBe(EXP[i]));
  });
  it('sigmoid', () => {
    const SIG = [0.9820137619972229, 0.41295939683914185, 0.7310585975646973, 0.622459352016449, 0.037326887249946594, 0.9999417066574097, 3.672301610145117e-39, 0.5000250339508057];
    X.forEach((x, i) => expect(m.sigmoidf(Math.fround(x)), `sigmoid(${x})`).toBe(SIG[i]));
  });
  it('special values', () => {
    expect(m.sinf(Math.fround(0.9))).toBe(0.7833268642425537);
    expect(Object.is(m.sinf(-0), -0)).toBe(true);
    expect(m.logf(0)).toBe(-Infinity);
    expect(m.logf(-1)).toBeNaN();
    expect(m.log1pf(-1)).toBe(-Infinity);
    expect(m.tanhf(-Infinity)).toBe(-1);
    expect(m.atanf(Infinity)).toBe(Math.fround(Math.PI / 2));
  });
});

describe('printing', () => {
  it('sin(x)**2 + cos(x)**2 prints as PyTorch (test/conformance/cases/346)', () => {
    registerTorchModules();
    resetTorchState();
    const src = [
      'import torch',
      'x = torch.tensor([0.1, 0.5, 0.9], requires_grad=True)',
      'print(torch.sin(x) ** 2 + torch.cos(x) ** 2)',
      'print(torch.sin(x).tolist())',
      'print(torch.tan(torch.tensor(0.7853981633974483)), torch.cos(torch.tensor([0.0, 3.141592653589793])))',
    ].join('\n');
    // recorded with torch 1.13
    expect(runProgram(src).stdout).toBe(
      'tensor([1.0000, 1.0000, 1.0000], grad_fn=<AddBackward0>)\n' +
        '[0.0998334214091301, 0.4794255495071411, 0.7833268642425537]\n' +
        'tensor(1.0000) tensor([ 1., -1.])\n',
    );
  });
});
