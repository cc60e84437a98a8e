/** The shared conformance cases through the real interpreter: stdout and error as recorded from PyTorch. */
import { describe, expect, it } from 'vitest';
import { caseNames, runCase } from './run_cases.js';

describe('conformance cases (stdout + error)', () => {
  for (const name of caseNames()) {
    it(name, () => {
      const r = runCase(name);
      expect(r.why).toBe('');
    });
  }
});
