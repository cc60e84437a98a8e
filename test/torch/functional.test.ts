// torch.nn.functional activations, losses and helpers: each program's stdout (values, grad_fn
// names, gradients, error texts) against real PyTorch 1.13 (fixtures/gen_functional.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';
import { registerTorchModules } from '../../src/torch/module.js';
import { resetTorchState } from '../../src/torch/run_context.js';

registerTorchModules();
const cases: Record<string, { program: string; stdout: string }> = JSON.parse(
  readFileSync(new URL('./fixtures/functional.json', import.meta.url), 'utf8'),
);

/** Same text, numbers allowed one unit off in their last printed digit (float32 kernels differ by an ulp). */
function nearlySame(got: string, want: string): boolean {
  const re = /-?\d+\.\d*(e[+-]?\d+)?/g;
  if (got.replace(re, '#') !== want.replace(re, '#')) return false;
  const a = got.match(re) ?? [];
  const b = want.match(re) ?? [];
  return a.every((x, i) => {
    const digits = (b[i].split('e')[0].split('.')[1] ?? '').length;
    const scale = b[i].includes('e') ? 10 ** Number(b[i].split('e')[1]) : 1;
    return Math.abs(Number(x) - Number(b[i])) <= 1.01 * 10 ** -digits * scale;
  });
}

describe('torch.nn.functional against PyTorch 1.13', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      resetTorchState();
      const r = runProgram(c.program);
      expect(r.error ?? null).toBeNull();
      if (!nearlySame(r.stdout, c.stdout)) expect(r.stdout).toBe(c.stdout);
    });
  }
});
