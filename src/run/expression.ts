/**
 * Expression mode (`{ expression: "sin(x) * y", inputs: { x: 2 } }`) runs as a small
 * generated program that makes every input a leaf with requires_grad=True and binds the
 * usual torch functions without their `torch.` prefix; the expression itself is then
 * evaluated on its own (evaluateExpression), so it cannot be more than one expression.
 * Input names are Python identifiers and values are numbers (checked by the schema), so
 * the generated text is always well-formed.
 */
import type { InputJSON } from '../api/schemas.js';

/** The functions an expression may call without `torch.` (API.md: sin, exp, ..., sum, matmul). */
export const EXPRESSION_FUNCTIONS = [
  'abs', 'acos', 'asin', 'atan', 'cat', 'clamp', 'cos', 'cosh', 'cumsum', 'dot', 'exp', 'expm1',
  'log', 'log10', 'log1p', 'log2', 'log_softmax', 'logsumexp', 'matmul', 'max', 'maximum', 'mean',
  'min', 'minimum', 'mm', 'mv', 'neg', 'norm', 'outer', 'pow', 'prod', 'reciprocal', 'relu',
  'sigmoid', 'sign', 'sin', 'sinh', 'softmax', 'sqrt', 'square', 'stack', 'std', 'sum', 'tan',
  'tanh', 'var', 'where',
] as const;

function literal(value: InputJSON): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value === 'nan' || value === 'inf' || value === '-inf') return `float('${value}')`;
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

export function expressionSetup(inputs: Record<string, InputJSON>, dtype: string): string {
  const lines = ['import torch', 'import math', `from torch import ${EXPRESSION_FUNCTIONS.join(', ')}`];
  for (const [name, value] of Object.entries(inputs)) {
    lines.push(`${name} = torch.tensor(${literal(value)}, dtype=torch.${dtype}, requires_grad=True)`);
  }
  return lines.join('\n') + '\n';
}
