/** Argument binding for the optimizer and scheduler constructors, with CPython 3.11's messages. */
import { typeError } from '../../tensor/errors.js';
import { type Kwargs, type PyValue } from '../../python/values.js';

/** One parameter of a Python-level `__init__` (after self); no `dflt` means required. */
export interface ArgSpec {
  name: string;
  dflt?: PyValue;
  kwOnly?: boolean;
}

const quoted = (names: string[]): string => {
  const q = names.map((n) => `'${n}'`);
  return q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
};

export function bindArgs(fname: string, specs: ArgSpec[], args: PyValue[], kwargs: Kwargs | null): Record<string, PyValue> {
  const positional = specs.filter((s) => !s.kwOnly);
  if (args.length > positional.length) {
    const lo = positional.filter((s) => !('dflt' in s)).length + 1;
    const hi = positional.length + 1;
    const takes = lo === hi ? `${hi} positional argument${hi === 1 ? '' : 's'}` : `from ${lo} to ${hi} positional arguments`;
    throw typeError(`${fname} takes ${takes} but ${args.length + 1} were given`);
  }
  const given = new Map<string, PyValue>();
  args.forEach((v, i) => given.set(positional[i].name, v));
  for (const [k, v] of kwargs ?? []) {
    if (!specs.some((s) => s.name === k)) throw typeError(`${fname} got an unexpected keyword argument '${k}'`);
    if (given.has(k)) throw typeError(`${fname} got multiple values for argument '${k}'`);
    given.set(k, v);
  }
  const missing = specs.filter((s) => !('dflt' in s) && !given.has(s.name)).map((s) => s.name);
  if (missing.length > 0)
    throw typeError(`${fname} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${quoted(missing)}`);
  const out: Record<string, PyValue> = {};
  for (const s of specs) out[s.name] = given.has(s.name) ? given.get(s.name) : s.dflt;
  return out;
}
