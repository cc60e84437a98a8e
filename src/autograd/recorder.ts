/**
 * Opt-in recorder for the pictures: each node created while it is on remembers the
 * forward output it produced, and each backward stores on the nodes it runs the gradient
 * that reached their outputs. Off by default; when off the engine only tests one flag.
 */
export const recorder = { enabled: false };

export function setRecording(on: boolean): void {
  recorder.enabled = on;
}
