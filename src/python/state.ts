/**
 * The running program's mutable state. One program runs at a time per thread (the
 * interpreter is synchronous), so this lives at module level: closures read it without
 * carrying a context argument on every step.
 */
import type { PyValue } from './values.js';

export interface Limits {
  /** Loop iterations + calls before TimeoutError. */
  maxSteps: number;
  /** Python frames before RecursionError (CPython's default recursion limit is 1000). */
  maxDepth: number;
  /** Characters a program may print before it is stopped. */
  maxOutputBytes: number;
  /** Elements of one str/list/tuple built by repetition or range materialisation. */
  maxSequence: number;
  /** Bits of one int (2 ** 10**9 is refused before it is computed). */
  maxIntBits: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSteps: 50_000_000,
  maxDepth: 1000,
  maxOutputBytes: 1_000_000,
  maxSequence: 50_000_000,
  maxIntBits: 1_000_000,
};

export interface WarningRecord {
  category: string;
  message: string;
  line: number | null;
}

export class RunState {
  limits: Limits = DEFAULT_LIMITS;
  /** Copies of limits.maxSteps and limits.maxDepth, read on every loop iteration and call. */
  maxSteps = DEFAULT_LIMITS.maxSteps;
  maxDepth = DEFAULT_LIMITS.maxDepth;
  /** Line of the statement running in the innermost frame. */
  line = 0;
  steps = 0;
  depth = 1;
  /** The value of the last `return`, read by the caller right after the body returns. */
  retval: PyValue = null;
  out: string[] = [];
  outBytes = 0;
  warnings: WarningRecord[] = [];
  warned = new Set<string>();
  /** Exceptions being handled (innermost last), for bare `raise`. */
  handling: PyValue[] = [];
  /** Whether hot numeric loops are compiled to WebAssembly (wasm/numeric-loops.ts), and how many were. */
  numericLoops = true;
  loopsCompiled = 0;

  reset(limits: Limits): void {
    this.limits = limits;
    this.maxSteps = limits.maxSteps;
    this.maxDepth = limits.maxDepth;
    this.line = 0;
    this.steps = 0;
    // the module's own frame counts, as in CPython: a limit of 1000 leaves 999 for calls
    this.depth = 1;
    this.retval = null;
    this.out = [];
    this.outBytes = 0;
    this.warnings = [];
    this.warned = new Set();
    this.handling = [];
    this.loopsCompiled = 0;
  }
}

/** The one state object, reset per run (a const so hot closures read it cheaply). */
export const state = new RunState();
