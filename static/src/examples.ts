/**
 * The course's examples, verbatim from the lecture snippets recorded in the shared
 * conformance cases (the case number is noted): what a student types, comments included.
 * Copied from /work/shared/conformance/cases/*.py; the quadratic one is the API example.
 */
export interface Example {
  id: string;
  title: { en: string; ja: string };
  program: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: 'quadratic',
    title: { en: 'x**2 + 4*x + 3 (x = 2)', ja: 'x**2 + 4*x + 3（x = 2）' },
    program: `import torch
x = torch.tensor(2.0, requires_grad=True)
y = x**2 + 4*x + 3
y.backward()
print(x.grad)
`,
  },
  {
    id: 'sin-exp', // case 023
    title: { en: 'y = sin((x+2) + (1+exp(x**2)))', ja: 'y = sin((x+2) + (1+exp(x**2)))' },
    program: `import torch
x = torch.tensor(2.0, requires_grad=True)
y = torch.sin((x + 2) + (1 + torch.exp(x ** 2)))
y.backward()
print(x.grad) # -> tensor(-218.4625)
print(y)
`,
  },
  {
    id: 'vector', // case 025
    title: { en: 'Vector gradient: 2·x0 + 3·x1 + 4·x2', ja: 'ベクトルの勾配: 2·x0 + 3·x1 + 4·x2' },
    program: `import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = 2 * x[0] + 3 * x[1] + 4 * x[2]
y.backward()
print(x.grad) # -> tensor([2., 3., 4.] )
`,
  },
  {
    id: 'matrix', // case 026
    title: { en: 'Matrix gradient: sum(A)', ja: '行列の勾配: sum(A)' },
    program: `import torch
A = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
y = torch.sum(A)
y.backward()
print(A.grad) # -> tensor([[1., 1., 1.],
                        #      [1., 1., 1.]])
`,
  },
  {
    id: 'matmul', // case 033
    title: { en: 'Matrix–vector gradient: x1 W x2', ja: '行列・ベクトルの勾配: x1 W x2' },
    program: `import torch
W = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
x1 = torch.tensor([[1.0, 2.0]], requires_grad=True)
x2 = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.matmul(torch.matmul(x1, W), x2)
y.backward()
print(W.grad)
print(x1.grad)
print(x2.grad)
`,
  },
  {
    id: 'exercise3-1', // case 031
    title: { en: 'Exercise 3 (1): x**2 + 2x + 1', ja: '演習3 (1): x**2 + 2x + 1' },
    program: `import torch
x = torch.tensor(3.0, requires_grad=True)
y = x ** 2 + 2 * x + 1
y.backward()
print(x.grad) # -> tensor(8.)
`,
  },
  {
    id: 'exercise3-2', // case 032
    title: { en: 'Exercise 3 (2): sum of squares', ja: '演習3 (2): 二乗和' },
    program: `import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x[0] ** 2 + x[1] ** 2 + x[2] ** 2
y.backward()
print(x.grad) # -> tensor([2., 4., 6.])
`,
  },
  {
    id: 'gradient-descent', // case 140
    title: { en: 'Gradient descent: x**2 + exp(-x)', ja: '勾配降下法: x**2 + exp(-x)' },
    program: `import torch

x = torch.tensor(3.0, requires_grad=True)
lr = 0.0005

def f(x):
    return x ** 2 + torch.exp(-x)

for i in range(10001):
    y = f(x)
    y.backward()
    with torch.no_grad():
        x -= lr * x.grad
    x.grad.zero_()
    if i % 1000 == 0:
        print('x_', i, '=', x)
print(x.item())
`,
  },
  {
    id: 'third-problem', // case 041
    title: { en: 'The third problem: minimise f(x)', ja: '第3問: f(x) の最小化' },
    program: `import torch

def f(x):
    return -torch.log(1 / (1 + torch.exp(-x)) + 1) / (x ** 2 + 1)

x = torch.tensor(3.0, requires_grad=True)
lr = 0.1
for i in range(1001):
    y = f(x)
    y.backward()
    with torch.no_grad():
        x -= lr * x.grad
    x.grad.zero_()
    if i % 100 == 0:
        print(i, x, y)
print(f"x = {x.item():.4f}, f(x) = {f(x).item():.4f}")
`,
  },
  {
    id: 'mlp-loss', // case 042
    title: { en: 'MLP loss (sigmoid, 3 layers)', ja: 'MLP の損失（シグモイド, 3層）' },
    program: `import torch

def sigma(x):
    return 1 / (1 + torch.exp(-x))

X = torch.tensor([[0.5, -1.0], [1.5, 2.0], [-0.5, 0.3], [1.0, -2.0]])
y = torch.tensor([1.0, 0.0, 0.5, -1.0])
W1 = torch.tensor([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], requires_grad=True)
b1 = torch.tensor([0.01, -0.02, 0.03], requires_grad=True)
W2 = torch.tensor([[0.2, -0.1, 0.5], [0.7, 0.3, -0.4]], requires_grad=True)
b2 = torch.tensor([0.1, -0.1], requires_grad=True)
W3 = torch.tensor([[1.0, -1.0]], requires_grad=True)
b3 = torch.tensor([0.5], requires_grad=True)

def L(W1, W2, W3, b1, b2, b3):
    total = 0
    for i in range(len(X)):
        h1 = sigma(W1 @ X[i] + b1)
        h2 = sigma(W2 @ h1 + b2)
        out = W3 @ h2 + b3
        total = total + (y[i] - out) ** 2
    return total / len(X)

loss = L(W1, W2, W3, b1, b2, b3)
print(loss)
loss.backward()
print(W1.grad)
print(b1.grad)
print(W2.grad)
print(b2.grad)
print(W3.grad)
print(b3.grad)
`,
  },
];
