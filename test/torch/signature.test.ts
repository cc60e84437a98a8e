/** Argument-binding errors, checked against messages recorded from real PyTorch 1.13 (torch 1.13.0a0, Python 3.11). */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/python/run.js';
import { registerTorchModules } from '../../src/torch/module.js';
import { resetTorchState } from '../../src/torch/run_context.js';

registerTorchModules();

function errorOf(stmt: string): string {
  resetTorchState();
  const r = runProgram(`import torch\nx = torch.tensor([1.0, 2.0])\n${stmt}\n`);
  return r.error ? `${r.error.type}: ${r.error.message}` : 'no error';
}

const RECORDED: [string, string][] = [
  ['torch.sin(2.0)', "TypeError: sin(): argument 'input' (position 1) must be Tensor, not float"],
  [
    'x.sum(1.5)',
    'TypeError: sum() received an invalid combination of arguments - got (float), but expected one of:\n * (*, torch.dtype dtype)\n * (tuple of ints dim, bool keepdim, *, torch.dtype dtype)\n * (tuple of names dim, bool keepdim, *, torch.dtype dtype)\n',
  ],
  [
    'x.max(dim=1.5)',
    "TypeError: max() received an invalid combination of arguments - got (dim=float, ), but expected one of:\n * ()\n      didn't match because some of the keywords were incorrect: dim\n * (Tensor other)\n      didn't match because some of the keywords were incorrect: dim\n * (int dim, bool keepdim)\n * (name dim, bool keepdim)\n",
  ],
  [
    'x.sum(dim=1.5, keepdim=2)',
    "TypeError: sum() received an invalid combination of arguments - got (keepdim=int, dim=float, ), but expected one of:\n * (*, torch.dtype dtype)\n      didn't match because some of the keywords were incorrect: keepdim, dim\n * (tuple of ints dim, bool keepdim, *, torch.dtype dtype)\n * (tuple of names dim, bool keepdim, *, torch.dtype dtype)\n",
  ],
  [
    'x.view(1.5)',
    "TypeError: view() received an invalid combination of arguments - got (float), but expected one of:\n * (torch.dtype dtype)\n      didn't match because some of the arguments have invalid types: (!float!)\n * (tuple of SymInts size)\n      didn't match because some of the arguments have invalid types: (!float!)\n",
  ],
  [
    'torch.clamp(x, mn=1)',
    'TypeError: clamp() received an invalid combination of arguments - got (Tensor, mn=int), but expected one of:\n * (Tensor input, Tensor min, Tensor max, *, Tensor out)\n * (Tensor input, Number min, Number max, *, Tensor out)\n',
  ],
  ['torch.tensor(1.0, requires_grad=1)', "TypeError: tensor(): argument 'requires_grad' must be bool, not int"],
  [
    'torch.rand()',
    'TypeError: rand() received an invalid combination of arguments - got (), but expected one of:\n * (tuple of ints size, *, torch.Generator generator, tuple of names names, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)\n * (tuple of ints size, *, torch.Generator generator, Tensor out, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)\n * (tuple of ints size, *, Tensor out, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)\n * (tuple of ints size, *, tuple of names names, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, bool requires_grad)\n',
  ],
  ['x.pow()', 'TypeError: pow() received an invalid combination of arguments - got (), but expected one of:\n * (Tensor exponent)\n * (Number exponent)\n'],
  ["x.reshape(2, 'a')", "TypeError: reshape(): argument 'shape' must be tuple of SymInts, but found element of type str at pos 2"],
  ['f"{x:.2f}"', 'TypeError: unsupported format string passed to Tensor.__format__'],
  ['round(x)', "TypeError: type Tensor doesn't define __round__ method"],
  ['bool(x)', 'RuntimeError: Boolean value of Tensor with more than one value is ambiguous'],
  ['x.item()', 'ValueError: only one element tensors can be converted to Python scalars'],
  ['len(torch.tensor(1.))', 'TypeError: len() of a 0-d tensor'],
  ['x.requires_grad_().add_(1)', 'RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.'],
  ['torch.tensor(3, requires_grad=True)', 'RuntimeError: Only Tensors of floating point and complex dtype can require gradients'],
  ['torch.tensor([1, 2]).requires_grad_()', 'RuntimeError: only Tensors of floating point dtype can require gradients'],
  ["torch.ones(2, 3).view(4, 2)", "RuntimeError: shape '[4, 2]' is invalid for input of size 6"],
  ['x[5]', 'IndexError: index 5 is out of bounds for dimension 0 with size 2'],
];

describe('torch argument parsing errors (recorded from PyTorch 1.13)', () => {
  for (const [stmt, expected] of RECORDED) it(stmt, () => expect(errorOf(stmt)).toBe(expected));
});

describe('limits', () => {
  it('refuses a huge tensor before allocating', () => {
    expect(errorOf('torch.zeros(10**10)')).toBe('MemoryError: tensor of 10000000000 elements exceeds the limit of 50000000 elements');
  });
});
