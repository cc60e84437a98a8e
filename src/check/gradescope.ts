/** Gradescope's results.json shape: https://gradescope-autograders.readthedocs.io/en/latest/specs/ */
import type { CheckResponse, GradescopeResult } from '../api/schemas.js';
import { programErrorMessage } from './messages.js';

export function toGradescope(r: CheckResponse): GradescopeResult {
  const result: GradescopeResult = {
    score: r.score,
    tests: r.checks.map((c) => ({ name: c.name, score: c.points, max_score: c.max_points, status: c.passed ? 'passed' : 'failed', output: c.message })),
  };
  if (r.error) result.output = programErrorMessage(r.error);
  return result;
}
