import torch
a = torch.tensor([1., 2.], requires_grad=True); b = torch.tensor([3., 4., 5.])
X, Y = torch.meshgrid(a, b, indexing='ij'); print(X, Y.shape, X.grad_fn.name(), X.grad_fn.next_functions[0][0].name())
X2, Y2 = torch.meshgrid(a, b); print(X2.shape)
X3, Y3 = torch.meshgrid([a, b], indexing='xy'); print(X3, Y3, X3.grad_fn.name())
(X3 * Y3).sum().backward(); print(a.grad)

x = torch.tensor([0.5, -0.2, 0.999, 0.0, -0.9], requires_grad=True)
y = torch.erfinv(x)
print(y, y.tolist())
y.sum().backward()
print(x.grad, x.erfinv())
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    try:
        1/0
    except ZeroDivisionError:
        raise TypeError("t")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__cause__)
