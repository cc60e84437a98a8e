/**
 * Errors raised by the engine carry the Python exception type a PyTorch user would
 * see (`RuntimeError`, `ValueError`, `IndexError`, `TypeError`). The engine does not
 * know about the interpreter; the interpreter turns a PyError into a Python
 * exception of that type with the same message.
 */
export class PyError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

export const runtimeError = (message: string) => new PyError('RuntimeError', message);
export const valueError = (message: string) => new PyError('ValueError', message);
export const indexError = (message: string) => new PyError('IndexError', message);
export const typeError = (message: string) => new PyError('TypeError', message);

/** Where engine warnings go (PyTorch's UserWarning on `.grad` of a non-leaf, ...). */
export type WarningSink = (category: string, message: string) => void;
let sink: WarningSink = () => {};
export function setWarningSink(next: WarningSink): void {
  sink = next;
}
export function warn(category: string, message: string): void {
  sink(category, message);
}
