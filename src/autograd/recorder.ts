/**
 * Opt-in recorder for the pictures: each node created while it is on remembers the
 * forward output it produced and the source line the program was at (asked of
 * `lineOf`, which the runner points at the interpreter), and each backward stores on the
 * nodes it runs the gradient that reached their outputs. Off by default; when off the
 * engine only tests one flag.
 */
export const recorder = { enabled: false, lineOf: (): number | null => null };

export function setRecording(on: boolean, lineOf: () => number | null = () => null): void {
  recorder.enabled = on;
  recorder.lineOf = lineOf;
}
