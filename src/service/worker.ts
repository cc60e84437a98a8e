/**
 * The worker thread's entry point (loaded by piscina from dist/src/service/worker.js).
 * It only dispatches to the job functions; every limit that needs to stop a runaway job
 * is enforced from outside by the pool.
 */
import { workerData } from 'node:worker_threads';
import { gradeSubmission, observeProgram } from '../check/grade.js';
import { runGradJob, runGraphJob } from '../run/jobs.js';
import { TEST_PROGRAMS, taskProgram, type Task, type WorkerData } from './task.js';

const testHooks = (workerData as WorkerData | undefined)?.testHooks === true;

export default function runTask(task: Task): unknown {
  const program = taskProgram(task);
  if (testHooks && program?.startsWith('#gradviz-test:')) misbehave(program);
  switch (task.kind) {
    case 'grad':
      return runGradJob(task.req, task.limits);
    case 'graph':
      return runGraphJob(task.req, task.limits);
    case 'check':
      return gradeSubmission(task.job, task.limits);
    case 'observe':
      return observeProgram(task.job, task.limits);
  }
}

function misbehave(program: string): void {
  switch (program) {
    case TEST_PROGRAMS.spin:
      for (;;);
    case TEST_PROGRAMS.exhaustHeap: {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(1 << 20).fill(1.5));
    }
    case TEST_PROGRAMS.throw:
      throw new Error('test hook: a job function threw');
    case TEST_PROGRAMS.slow:
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  }
}
