/** The shared conformance cases through the real interpreter: stdout and error as recorded from PyTorch. */
import { describe, expect, it } from 'vitest';
import { caseNames, runCase } from './run_cases.js';

/** Known failures, each with its cause outside src/torch (see the report). */
const KNOWN_FAILING = new Set([
  // engine: broadcast mismatch reports the first differing dim, PyTorch the last
  '159_error_add_broadcast_mismatch',
]);

describe('conformance cases (stdout + error)', () => {
  for (const name of caseNames()) {
    const run = () => {
      const r = runCase(name);
      expect(r.why).toBe('');
    };
    if (KNOWN_FAILING.has(name)) it.fails(name, run);
    else it(name, run);
  }
});
