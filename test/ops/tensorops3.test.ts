// The long tail of tensor methods / torch functions (select, narrow, movedim, tile, rot90,
// diff, take, index_fill, atan2, xlogy, lerp, logit, nansum, inner, kron, matrix_power, ...):
// each snippet's stdout recorded from PyTorch 1.13 (fixtures/gen_tensorops3.py ->
// fixtures/tensorops3.json) must be reproduced exactly: values, grad_fn names and graphs,
// gradients, dtypes and error messages.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';
import { registerTorchModules } from '../../src/torch/module.js';
import { resetTorchState } from '../../src/torch/run_context.js';

registerTorchModules();

const snippets: Record<string, { code: string; stdout: string }> = JSON.parse(
  readFileSync(new URL('./fixtures/tensorops3.json', import.meta.url), 'utf8'),
);

describe('long-tail tensor ops against PyTorch 1.13 stdout', () => {
  for (const [name, { code, stdout }] of Object.entries(snippets)) {
    it(name, () => {
      resetTorchState();
      const r = runProgram(code);
      expect(r.error ?? null).toBeNull();
      expect(r.stdout).toBe(stdout);
    });
  }
});
