/**
 * Per-run torch state: what the runner reads after a program (the graph target), the
 * element limits, and `resetTorchState()`, which the runner calls before each program
 * because one worker runs many programs one after another.
 */
import { gradMode } from '../autograd/grad_mode.js';
import { resetInferenceMode } from './grad_mode.js';
import { PyError } from '../tensor/errors.js';
import { setPrintOptions } from '../tensor/print.js';
import { defaultGenerator } from '../tensor/random.js';
import type { Tensor } from '../tensor/tensor.js';
import type { PyValue } from '../python/values.js';

export interface MakeDotOptions {
  showAttrs: boolean;
  showSaved: boolean;
  maxAttrChars: number;
}

export interface RunContext {
  /** The tensor the last `backward()` was called on (set when the call starts). */
  lastBackwardRoot: Tensor | null;
  /** The `var` of the last torchviz.make_dot call. */
  makeDotTarget: PyValue;
  makeDotParams: PyValue;
  makeDotOptions: MakeDotOptions | null;
}

export const runContext: RunContext = { lastBackwardRoot: null, makeDotTarget: null, makeDotParams: null, makeDotOptions: null };

export interface TensorLimits {
  /** Elements one tensor may hold. */
  maxTensorElements: number;
}

export const DEFAULT_TENSOR_LIMITS: TensorLimits = { maxTensorElements: 50_000_000 };
export const tensorLimits: TensorLimits = { ...DEFAULT_TENSOR_LIMITS };

/** Refuses a tensor of `n` elements before anything is allocated. */
export function checkElements(n: number): void {
  if (n > tensorLimits.maxTensorElements)
    throw new PyError('MemoryError', `tensor of ${n} elements exceeds the limit of ${tensorLimits.maxTensorElements} elements`);
}

export const DEFAULT_SEED = 67280421310721n;

export function resetTorchState(limits: Partial<TensorLimits> = {}): void {
  setPrintOptions({ profile: 'default' });
  resetInferenceMode();
  defaultGenerator.manualSeed(DEFAULT_SEED);
  gradMode.enabled = true;
  runContext.lastBackwardRoot = null;
  runContext.makeDotTarget = null;
  runContext.makeDotParams = null;
  runContext.makeDotOptions = null;
  Object.assign(tensorLimits, DEFAULT_TENSOR_LIMITS, limits);
}
