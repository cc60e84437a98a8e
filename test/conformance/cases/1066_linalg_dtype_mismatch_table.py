import torch
A = torch.tensor([[1, 2], [3, 4]])
x = torch.tensor([0.5, 1.5])
tests = [
    ("mv", lambda: torch.mv(A, x)),
    ("vec@mat", lambda: x @ A),
    ("mat@vec", lambda: A @ x),
    ("mm", lambda: torch.mm(A, A.float())),
    ("dot", lambda: torch.dot(x, torch.tensor([1, 2]))),
    ("bmm", lambda: torch.bmm(A.unsqueeze(0), A.unsqueeze(0).double())),
    ("outer", lambda: torch.outer(x, torch.tensor([1, 2]))),
]
for name, fn in tests:
    try:
        r = fn()
        print(name, "ok", r.dtype)
    except RuntimeError as e:
        print(name, "->", e)
