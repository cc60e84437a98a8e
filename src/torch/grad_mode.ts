/** torch.no_grad / enable_grad / set_grad_enabled: context managers and decorators. */
import { gradMode } from '../autograd/grad_mode.js';
import { typeError } from '../tensor/errors.js';
import { BuiltinFunction } from '../python/objects.js';
import { type PyValue, definePyType, hostServices, pyTypeName } from '../python/values.js';

export class GradModeGuard {
  private saved: boolean[] = [];
  /** set_grad_enabled applies its mode when called: its `with` only restores on exit. */
  private appliedAtCall = false;
  constructor(readonly enabled: boolean) {}
  enter(): void {
    if (this.appliedAtCall) {
      this.appliedAtCall = false;
      return;
    }
    this.saved.push(gradMode.enabled);
    gradMode.enabled = this.enabled;
  }
  applyNow(): this {
    this.enter();
    this.appliedAtCall = true;
    return this;
  }
  exit(): void {
    gradMode.enabled = this.saved.pop() ?? true;
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
    return new BuiltinFunction('decorate_context', (a, kw) => {
      self.enter();
      try {
        return hostServices().call(fn, a, kw);
      } finally {
        self.exit();
      }
    });
  },
});

export const noGrad = (): GradModeGuard => new GradModeGuard(false);
export const enableGrad = (): GradModeGuard => new GradModeGuard(true);

/** set_grad_enabled(mode) takes effect at once (it is also usable as a context manager). */
export function setGradEnabledGuard(args: PyValue[]): GradModeGuard {
  const mode = args[0];
  if (typeof mode !== 'boolean') throw typeError(`set_grad_enabled(): argument 'mode' must be bool, not ${pyTypeName(mode)}`);
  return new GradModeGuard(mode).applyNow();
}
