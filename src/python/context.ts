/**
 * The context-manager protocol for `with`: host objects through their enter/exit slots
 * (torch.no_grad()), user classes through __enter__/__exit__.
 */
import { callValue } from './call.js';
import { typeErr } from './exceptions.js';
import { PyExc, PyInstance } from './objects.js';
import { slots, truthy } from './ops.js';
import { typeName } from './types.js';
import type { PyValue } from './values.js';

export function enterContext(mgr: PyValue): PyValue {
  if (mgr instanceof PyInstance) {
    const enter = mgr.cls.lookup('__enter__');
    if (enter === undefined || mgr.cls.lookup('__exit__') === undefined)
      throw typeErr(`'${typeName(mgr)}' object does not support the context manager protocol`);
    return callValue(enter, [mgr], null);
  }
  const t = slots(mgr);
  if (!t?.enter || !t.exit) throw typeErr(`'${typeName(mgr)}' object does not support the context manager protocol`);
  return t.enter(mgr);
}

/** Returns true when the manager swallows the exception. */
export function exitContext(mgr: PyValue, exc: PyExc | null): boolean {
  if (mgr instanceof PyInstance) {
    const exit = mgr.cls.lookup('__exit__')!;
    const r = exc ? callValue(exit, [mgr, exc.cls, exc, null], null) : callValue(exit, [mgr, null, null, null], null);
    return exc !== null && truthy(r);
  }
  return slots(mgr)!.exit!(mgr, exc) === true && exc !== null;
}
