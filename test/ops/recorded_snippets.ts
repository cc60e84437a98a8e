// The harness shared by the tests of recorded snippets: a fixture (written by one of
// fixtures/gen_*.py through fixtures/snippets.py) maps a snippet name to its program and
// the stdout PyTorch 1.13 printed for it; gradviz must print exactly the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';
import { registerTorchModules } from '../../src/torch/module.js';
import { resetTorchState } from '../../src/torch/run_context.js';

/** Declares one `it` per snippet of the fixture at `fixture` (a file URL), under `title`. */
export function describeRecordedSnippets(title: string, fixture: URL): void {
  registerTorchModules();
  const snippets: Record<string, { code: string; stdout: string }> = JSON.parse(readFileSync(fixture, 'utf8'));
  describe(title, () => {
    for (const [name, { code, stdout }] of Object.entries(snippets)) {
      it(name, () => {
        resetTorchState();
        const r = runProgram(code);
        expect(r.error ?? null).toBeNull();
        expect(r.stdout).toBe(stdout);
      });
    }
  });
}
