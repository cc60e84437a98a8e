/** torchviz.make_dot(var, params=None, show_attrs=False, show_saved=False, max_attr_chars=50): records the graph target. */
import type { PyValue } from '../python/values.js';
import { runContext } from './run_context.js';
import { bindOverloads, parseSignature } from './signature.js';
import { toInt } from './pyconv.js';

const makeDotSig = parseSignature('make_dot(PyObject var, PyObject params=None, bool show_attrs=False, bool show_saved=False, int max_attr_chars=50)');

export function makeDot(args: PyValue[], kwargs: Map<string, PyValue> | null): PyValue {
  const { bound } = bindOverloads([makeDotSig], args, kwargs);
  runContext.makeDotTarget = bound.var;
  runContext.makeDotParams = bound.params;
  runContext.makeDotOptions = { showAttrs: bound.show_attrs === true, showSaved: bound.show_saved === true, maxAttrChars: toInt(bound.max_attr_chars) };
  return null;
}

export const torchvizModule = (): Record<string, PyValue> => ({ make_dot: makeDot });
