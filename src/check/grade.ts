/**
 * The worker side of grading: run a program with fresh state (so the same submission
 * always gets the same answer), evaluate each check's expression in its final globals,
 * compare with the expected value, and answer in the asked format. Never throws for
 * anything a program does.
 */
import type { CheckAnswer, CheckResult, JobLimits } from '../api/schemas.js';
import { setRecording } from '../autograd/recorder.js';
import { evaluateExpression, runProgram, type RunResult } from '../python/run.js';
import { runOptions } from '../run/jobs.js';
import { finiteOrName } from '../run/serialize.js';
import { registerTorchModules } from '../torch/module.js';
import { resetTorchState } from '../torch/run_context.js';
import { compareValues } from './compare.js';
import { answer, gradeFailedRun } from './answer.js';
import type { CheckJob, Observation, ObserveJob, ObservedValue, PreparedCheck, PreparedStdoutCheck } from './job.js';
import { comparisonMessage, exprErrorMessage } from './messages.js';
import { stdoutDifference, stdoutMessage } from './stdout.js';
import { checkValueOf, holdsFloats } from './from-python.js';

registerTorchModules();

function run(program: string, limits: JobLimits | undefined): RunResult {
  resetTorchState(limits ? { maxTensorElements: limits.maxElements } : {});
  setRecording(false);
  return runProgram(program, runOptions(limits));
}

/** An expression's value in the final globals; its own prints are not the program's stdout. */
type Evaluated = ObservedValue & { floats: boolean };

function evaluate(run: RunResult, exprs: readonly string[], limits: JobLimits | undefined): Evaluated[] {
  const options = runOptions(limits);
  return exprs.map((expr) => {
    const evaluated = evaluateExpression(expr, run.globals, options);
    if (evaluated.error) return { value: null, error: evaluated.error, floats: false };
    return { value: checkValueOf(evaluated.value), error: null, floats: holdsFloats(evaluated.value) };
  });
}

export function observeProgram(job: ObserveJob, limits?: JobLimits): Observation {
  const result = run(job.program, limits);
  if (result.error) return { stdout: result.stdout, error: result.error, values: [] };
  const values = evaluate(result, job.exprs, limits).map((e): ObservedValue => (e.error ? { value: null, error: e.error } : { value: e.value, error: null }));
  return { stdout: result.stdout, error: null, values };
}

function measure(v: number | null): number | 'nan' | 'inf' | '-inf' | null {
  return v === null ? null : finiteOrName(v);
}

function gradeCheck(check: PreparedCheck, observed: Evaluated): CheckResult {
  if (observed.error) {
    return {
      name: check.name,
      passed: false,
      points: 0,
      max_points: check.points,
      failure: 'expr_error',
      message: exprErrorMessage(check.expr, observed.error),
      actual: null,
      expected: check.expected,
      max_abs_error: null,
      max_rel_error: null,
    };
  }
  const actual = observed.value;
  const c = compareValues(actual, check.expected, check);
  return {
    name: check.name,
    passed: c.failure === null,
    points: c.failure === null ? check.points : 0,
    max_points: check.points,
    failure: c.failure,
    message: comparisonMessage(check.expr, c, actual, check.expected, observed.floats),
    actual,
    expected: check.expected,
    max_abs_error: measure(c.maxAbs),
    max_rel_error: measure(c.maxRel),
  };
}

function gradeStdout(check: PreparedStdoutCheck, stdout: string): CheckResult {
  const d = stdoutDifference(stdout, check.expected, check.mode);
  return {
    name: check.name,
    passed: d === null,
    points: d === null ? check.points : 0,
    max_points: check.points,
    failure: d === null ? null : 'stdout',
    message: d === null ? 'your output is correct' : stdoutMessage(d),
    actual: stdout,
    expected: check.expected,
    max_abs_error: null,
    max_rel_error: null,
  };
}

export function gradeSubmission(job: CheckJob, limits?: JobLimits): CheckAnswer {
  const result = run(job.submission, limits);
  if (result.error) return gradeFailedRun(job, result.error, result.stdout);
  const observed = evaluate(result, job.checks.map((c) => c.expr), limits);
  const checks = job.checks.map((c, i) => gradeCheck(c, observed[i]));
  if (job.stdout) checks.push(gradeStdout(job.stdout, result.stdout));
  return answer(job, checks, result.stdout, null);
}
