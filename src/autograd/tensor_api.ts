/** The autograd surface of a tensor: requires_grad_, retain_grad, register_hook, .grad, backward. */
import { runtimeError, warn } from '../tensor/errors.js';
import type { GradHook, HookHandle, Tensor } from '../tensor/tensor.js';
import { type BackwardOptions, backward, retainGradHook } from './engine.js';

/** t.requires_grad_(flag) / t.requires_grad = flag. */
export function setRequiresGrad(t: Tensor, flag = true): Tensor {
  if (t.gradFn !== null) {
    if (flag) return t;
    throw runtimeError(
      "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
    );
  }
  if (flag && !t.dtype.isFloating) throw runtimeError('only Tensors of floating point dtype can require gradients');
  t.requiresGrad = flag;
  return t;
}

/** `requires_grad=True` at creation (torch.tensor(..., requires_grad=True)) has its own message. */
export function requireGradAtCreation(t: Tensor): Tensor {
  if (!t.dtype.isFloating) throw runtimeError('Only Tensors of floating point and complex dtype can require gradients');
  t.requiresGrad = true;
  return t;
}

export function retainGrad(t: Tensor): void {
  if (!t.requiresGrad) throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
  if (t.gradFn === null || t.retainsGrad) return;
  const node = t.gradFn;
  node.hooks ??= [];
  (node.hooks[t.outputNr] ??= []).push(retainGradHook(t, node));
  t.retainsGrad = true;
}

export function registerHook(t: Tensor, hook: GradHook): HookHandle {
  if (!t.requiresGrad) throw runtimeError("cannot register a hook on a tensor that doesn't require gradient");
  let list: GradHook[];
  if (t.gradFn === null) list = t.hooks ??= [];
  else {
    const node = t.gradFn;
    node.hooks ??= [];
    list = node.hooks[t.outputNr] ??= [];
  }
  list.push(hook);
  return {
    remove() {
      const i = list.indexOf(hook);
      if (i >= 0) list.splice(i, 1);
    },
  };
}

const NON_LEAF_GRAD =
  "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations.";

/** `t.grad` as Python reads it: warns (UserWarning) for a non-leaf that does not retain its grad. */
export function readGrad(t: Tensor): Tensor | null {
  if (t.gradFn !== null && !t.retainsGrad && t.grad === null) warn('UserWarning', NON_LEAF_GRAD);
  return t.grad;
}

/** t.backward(gradient=None, retain_graph=None, create_graph=False, inputs=None). */
export function tensorBackward(t: Tensor, gradient: Tensor | null = null, opts: BackwardOptions = {}): void {
  backward([t], [gradient], opts);
}
