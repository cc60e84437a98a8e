// Programs whose output and error were recorded from CPython 3.11 (programs/record.py).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';

const dir = join(import.meta.dirname, 'programs');

describe('programs recorded from CPython', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.py') && f !== 'record.py')) {
    it(file, () => {
      const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.py$/, '.expected.json')), 'utf8'));
      const r = runProgram(readFileSync(join(dir, file), 'utf8'));
      expect(r.stdout).toBe(expected.stdout);
      expect(r.error && { type: r.error.type, message: r.error.message, line: r.error.line }).toEqual(expected.error);
    });
  }
});
