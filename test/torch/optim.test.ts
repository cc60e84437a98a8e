/**
 * torch.optim against programs recorded from PyTorch 1.13 (fixtures/gen_optim.py): the
 * "trace" cases print every parameter after every step with tolist(), so equal stdout
 * means bit-identical float32/float64 updates; the others cover the Python surface
 * (repr, param groups, zero_grad, state, closures, errors, warnings, lr schedulers).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';
import { registerTorchModules } from '../../src/torch/module.js';
import { resetTorchState } from '../../src/torch/run_context.js';

registerTorchModules();

interface Recorded {
  name: string;
  src: string;
  stdout: string;
  error: { type: string; message: string; line: number | null } | null;
  warnings: string[];
}
const { cases } = JSON.parse(readFileSync(new URL('./fixtures/optim.json', import.meta.url), 'utf8')) as { cases: Recorded[] };

/** The engine's create_graph reference-cycle warning is autograd's business, not the optimizer's. */
const notOptimWarning = (w: string) => w.startsWith('Using backward() with create_graph=True');

describe('torch.optim (recorded from PyTorch 1.13)', () => {
  for (const c of cases) {
    it(c.name, () => {
      resetTorchState();
      const r = runProgram(c.src);
      expect(r.stdout).toBe(c.stdout);
      expect(r.error && { type: r.error.type, message: r.error.message, line: r.error.line }).toEqual(c.error);
      const ours = [...new Set(r.warnings.map((w) => w.message))].filter((w) => !notOptimWarning(w)).sort();
      expect(ours).toEqual(c.warnings.filter((w) => !notOptimWarning(w)));
    });
  }
});
