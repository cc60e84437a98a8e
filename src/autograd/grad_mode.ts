/** The global grad mode (torch.no_grad / enable_grad / set_grad_enabled save and restore it). */
export const gradMode = { enabled: true };

export const isGradEnabled = (): boolean => gradMode.enabled;

/** Sets the mode and returns the previous one, for the caller to restore. */
export function setGradEnabled(enabled: boolean): boolean {
  const prev = gradMode.enabled;
  gradMode.enabled = enabled;
  return prev;
}

/** Runs fn with grad mode set to `enabled`, restoring the previous mode afterwards. */
export function withGradMode<T>(enabled: boolean, fn: () => T): T {
  const prev = setGradEnabled(enabled);
  try {
    return fn();
  } finally {
    gradMode.enabled = prev;
  }
}
