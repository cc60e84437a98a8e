/** What the main thread hands a worker for grading, and what comes back (plain, cloneable data). */
import type { CheckFormat, CheckValueJSON, ErrorJSON, StdoutMode } from '../api/schemas.js';

/** One check with its expected value resolved (from the request or the reference). */
export interface PreparedCheck {
  name: string;
  expr: string;
  expected: CheckValueJSON;
  rtol: number;
  atol: number;
  points: number;
}

export interface PreparedStdoutCheck {
  name: string;
  expected: string;
  mode: StdoutMode;
  points: number;
}

/** Grade one submission against resolved expectations. */
export interface CheckJob {
  submission: string;
  checks: PreparedCheck[];
  stdout: PreparedStdoutCheck | null;
  format: CheckFormat;
}

/** Run a program (the reference) and evaluate expressions in its final globals. */
export interface ObserveJob {
  program: string;
  exprs: string[];
}

export type ObservedValue = { value: CheckValueJSON; error: null } | { value: null; error: ErrorJSON };

export interface Observation {
  stdout: string;
  error: ErrorJSON | null;
  /** one per expr, in order; empty when the program itself failed */
  values: ObservedValue[];
}
