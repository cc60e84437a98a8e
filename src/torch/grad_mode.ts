/** torch.no_grad / enable_grad / set_grad_enabled: context managers and decorators. */
import { gradMode } from '../autograd/grad_mode.js';
import { typeError } from '../tensor/errors.js';
import { BuiltinFunction } from '../python/objects.js';
import { type PyValue, definePyType, hostServices, pyTypeName } from '../python/values.js';

/** Inside torch.inference_mode() (which, for a program here, is no_grad). */
let inference = false;
export const isInferenceModeEnabled = (): boolean => inference;
/** A new program starts outside inference mode (a failed one may have left it inside). */
export function resetInferenceMode(): void {
  inference = false;
}

export class GradModeGuard {
  private saved: boolean[] = [];
  private savedInference: boolean[] = [];
  /** set_grad_enabled applies its mode when called: its `with` only restores on exit. */
  private appliedAtCall = false;
  constructor(
    readonly enabled: boolean,
    /** inference_mode(True/False) also sets what is_inference_mode_enabled() says */
    readonly inferenceMode: boolean | null = null,
  ) {}
  enter(): void {
    if (this.appliedAtCall) {
      this.appliedAtCall = false;
      return;
    }
    this.saved.push(gradMode.enabled);
    gradMode.enabled = this.enabled;
    this.savedInference.push(inference);
    if (this.inferenceMode !== null) inference = this.inferenceMode;
  }
  applyNow(): this {
    this.enter();
    this.appliedAtCall = true;
    return this;
  }
  exit(): void {
    gradMode.enabled = this.saved.pop() ?? true;
    inference = this.savedInference.pop() ?? false;
  }
}

definePyType<GradModeGuard>(GradModeGuard, {
  name: 'no_grad',
  module: 'torch.autograd.grad_mode',
  enter(self) {
    self.enter();
    return null;
  },
  exit(self) {
    self.exit();
    return false;
  },
  // `@torch.no_grad()` wraps a function: the mode holds during each call
  call(self, args) {
    const fn = args[0];
    const wrapper = new BuiltinFunction('decorate_context', (a, kw) => {
      self.enter();
      try {
        return hostServices().call(fn, a, kw);
      } finally {
        self.exit();
      }
    });
    wrapper.bindsSelf = true; // functools.wraps makes a Python function: a decorated method gets self
    return wrapper;
  },
});

export const noGrad = (): GradModeGuard => new GradModeGuard(false);
export const enableGrad = (): GradModeGuard => new GradModeGuard(true);
/** torch.inference_mode(mode=True): grad off while mode is True (inference tensors are not modelled). */
export function inferenceModeGuard(args: PyValue[], kwargs: Map<string, PyValue> | null): GradModeGuard {
  const mode = args[0] ?? kwargs?.get('mode') ?? true;
  if (typeof mode !== 'boolean') throw typeError(`inference_mode(): argument 'mode' must be bool, not ${pyTypeName(mode)}`);
  return mode ? new GradModeGuard(false, true) : new GradModeGuard(gradMode.enabled, false);
}

/** set_grad_enabled(mode) takes effect at once (it is also usable as a context manager). */
export function setGradEnabledGuard(args: PyValue[]): GradModeGuard {
  const mode = args[0];
  if (typeof mode !== 'boolean') throw typeError(`set_grad_enabled(): argument 'mode' must be bool, not ${pyTypeName(mode)}`);
  return new GradModeGuard(mode).applyNow();
}
