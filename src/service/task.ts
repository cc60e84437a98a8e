/** What the pool hands a worker thread, and what it gets back. */
import type { CheckAnswer, GradRequest, GradResponse, GraphJobResult, GraphRequest, JobLimits } from '../api/schemas.js';
import type { CheckJob, Observation, ObserveJob } from '../check/job.js';

export type Task =
  | { kind: 'grad'; req: GradRequest; limits: JobLimits }
  | { kind: 'graph'; req: GraphRequest; limits: JobLimits }
  | { kind: 'check'; job: CheckJob; limits: JobLimits }
  | { kind: 'observe'; job: ObserveJob; limits: JobLimits };

export type TaskResult<T extends Task> = T extends { kind: 'grad' }
  ? GradResponse
  : T extends { kind: 'graph' }
    ? GraphJobResult
    : T extends { kind: 'check' }
      ? CheckAnswer
      : Observation;

/** The program a task runs first (what the test hooks look at). */
export function taskProgram(task: Task): string | undefined {
  switch (task.kind) {
    case 'check':
      return task.job.submission;
    case 'observe':
      return task.job.program;
    default:
      return task.req.program;
  }
}

export interface WorkerData {
  /** lets tests make a worker misbehave on purpose (see worker.ts); never set from the environment */
  testHooks: boolean;
}

/**
 * Test-only programs: with testHooks on, a program that is exactly one of these makes the
 * worker do what no well-behaved job does, so the pool's outside limits can be tested
 * before (and independently of) the interpreter's own limits.
 */
export const TEST_PROGRAMS = {
  /** an endless loop that never returns to the interpreter (as inside one engine op) */
  spin: '#gradviz-test: spin',
  /** allocates JS heap until the worker's heap limit ends it */
  exhaustHeap: '#gradviz-test: exhaust-heap',
  /** the job function throws a plain JS error (a bug, not a Python error) */
  throw: '#gradviz-test: throw',
  /** sleeps (blocking the worker) for 300 ms, then answers like a normal job */
  slow: '#gradviz-test: slow',
} as const;
