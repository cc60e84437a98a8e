// The pure-Python conformance cases: stdout and error exactly as recorded from CPython.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';
import { isRegistered } from '../../src/python/modules.js';

const dir = '/work/shared/conformance/cases/';
const PURE = /^(019|034|038|039|151|152|153|001|172|173|174|175|176|177|178|182|183|192|204)_/;
const NEEDS_TORCH = /^(156|179|180|181|193)_/;

const cases = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.py')) : [];

describe.skipIf(cases.length === 0)('conformance cases (pure Python)', () => {
  for (const file of cases.filter((f) => PURE.test(f) || (NEEDS_TORCH.test(f) && isRegistered('torch')))) {
    it(file, () => {
      const expected = JSON.parse(readFileSync(dir + file.replace(/\.py$/, '.expected.json'), 'utf8'));
      const r = runProgram(readFileSync(dir + file, 'utf8'));
      expect(r.stdout).toBe(expected.stdout);
      const err = r.error && { type: r.error.type, message: r.error.message, line: r.error.line };
      expect(err).toEqual(expected.error);
    });
  }
});
