// addmm family, addcmul/addcdiv, cross, dist, cdist, nan_to_num, logspace:
// each snippet's stdout recorded from PyTorch 1.13
// (fixtures/gen_tensorops4.py -> fixtures/tensorops4.json) must be reproduced exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';
import { registerTorchModules } from '../../src/torch/module.js';
import { resetTorchState } from '../../src/torch/run_context.js';

registerTorchModules();

const snippets: Record<string, { code: string; stdout: string }> = JSON.parse(
  readFileSync(new URL('./fixtures/tensorops4.json', import.meta.url), 'utf8'),
);

describe('tensor ops (4) against PyTorch 1.13 stdout', () => {
  for (const [name, { code, stdout }] of Object.entries(snippets)) {
    it(name, () => {
      resetTorchState();
      const r = runProgram(code);
      expect(r.error ?? null).toBeNull();
      expect(r.stdout).toBe(stdout);
    });
  }
});
