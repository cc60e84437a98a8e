/** Runs the shared conformance cases through the real interpreter with the torch modules registered. */
import { readFileSync, readdirSync } from 'node:fs';
import { runProgram } from '../../src/python/run.js';
import { registerTorchModules } from '../../src/torch/module.js';
import { resetTorchState } from '../../src/torch/run_context.js';

export const CASES_DIR = new URL('../../../shared/conformance/cases/', import.meta.url).pathname;

registerTorchModules();

export interface CaseResult {
  name: string;
  pass: boolean;
  why: string;
}

/** Numbers compared as the conformance runner does: equal digits layout, one unit in the last place. */
function sameStdout(a: string, b: string): boolean {
  if (a === b) return true;
  const re = /(?<![A-Za-z_0-9.])\d+(\.\d*)?(e[+-]?\d+)?/g;
  const na = a.match(re) ?? [];
  const nb = b.match(re) ?? [];
  if (a.replace(re, '#') !== b.replace(re, '#') || na.length !== nb.length) return false;
  return na.every((x, i) => {
    const y = nb[i];
    if (x === y) return true;
    const fx = x.split(/[.e]/);
    const fy = y.split(/[.e]/);
    if (x.includes('.') !== y.includes('.') || x.includes('e') !== y.includes('e')) return false;
    if ((fx[1] ?? '').length !== (fy[1] ?? '').length) return false;
    const vx = Number(x);
    const vy = Number(y);
    const digits = (fx[1] ?? '').length;
    const ulp = x.includes('e') ? 10 ** (Number(x.split('e')[1]) - digits) : 10 ** -digits;
    return Math.abs(vx - vy) <= ulp * 1.01 || Math.abs(vx - vy) <= 1e-5 * Math.abs(vy);
  });
}

export function runCase(name: string): CaseResult {
  const src = readFileSync(CASES_DIR + name + '.py', 'utf8');
  const exp = JSON.parse(readFileSync(CASES_DIR + name + '.expected.json', 'utf8'));
  resetTorchState();
  let r;
  try {
    r = runProgram(src);
  } catch (e) {
    return { name, pass: false, why: 'host crash: ' + String(e) };
  }
  const ee = exp.error;
  const ge = r.error;
  if (!!ee !== !!ge) return { name, pass: false, why: `error: expected ${JSON.stringify(ee)} got ${JSON.stringify(ge)}` };
  if (ee && ge) {
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    if (ee.type !== ge.type || norm(ee.message) !== norm(ge.message) || (ee.line != null && ee.line !== ge.line))
      return { name, pass: false, why: `error: expected ${JSON.stringify(ee)} got ${JSON.stringify(ge)}` };
  }
  if (!sameStdout(r.stdout, exp.stdout)) return { name, pass: false, why: `stdout differs:\n--- got\n${r.stdout}\n--- expected\n${exp.stdout}` };
  return { name, pass: true, why: '' };
}

export const caseNames = (): string[] =>
  readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.py'))
    .map((f) => f.slice(0, -3))
    .sort();
