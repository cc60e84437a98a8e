/**
 * A submission's answer from its graded checks, in the format asked for; and the answer
 * for a submission that did not finish (its own error, or the pool's TimeoutError /
 * MemoryError). No engine code here: the pool uses it on the main thread.
 */
import type { CheckAnswer, CheckResponse, CheckResult, CheckValueJSON, ErrorJSON } from '../api/schemas.js';
import { toGradescope } from './gradescope.js';
import type { CheckJob } from './job.js';
import { programErrorMessage } from './messages.js';

export function answer(job: CheckJob, checks: CheckResult[], stdout: string, error: ErrorJSON | null): CheckAnswer {
  const response: CheckResponse = {
    score: error ? 0 : checks.reduce((sum, c) => sum + c.points, 0),
    max_score: checks.reduce((sum, c) => sum + c.max_points, 0),
    checks,
    stdout,
    error,
  };
  return job.format === 'gradescope' ? toGradescope(response) : response;
}

/** The answer when the submission did not finish: every check fails with its error, score 0. */
export function gradeFailedRun(job: CheckJob, error: ErrorJSON, stdout = ''): CheckAnswer {
  const message = programErrorMessage(error);
  const failed = (name: string, points: number, expected: CheckValueJSON): CheckResult => ({
    name,
    passed: false,
    points: 0,
    max_points: points,
    failure: 'program_error',
    message,
    actual: null,
    expected,
    max_abs_error: null,
    max_rel_error: null,
  });
  const checks = job.checks.map((c) => failed(c.name, c.points, c.expected));
  if (job.stdout) checks.push(failed(job.stdout.name, job.stdout.points, job.stdout.expected));
  return answer(job, checks, stdout, error);
}

