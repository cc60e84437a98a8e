import torch
A = torch.tensor([[[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [2.0, 4.0]]])
print(torch.linalg.LinAlgError, issubclass(torch.linalg.LinAlgError, RuntimeError))
for f in [lambda: torch.linalg.inv(A), lambda: torch.linalg.inv(A[1]), lambda: torch.linalg.solve(A[1], torch.ones(2)),
          lambda: torch.linalg.solve(A, torch.ones(2, 2)), lambda: torch.inverse(torch.zeros(3, 3))]:
    try:
        f()
    except torch.linalg.LinAlgError as e:
        print(type(e).__name__, isinstance(e, RuntimeError), e)
try:
    torch.linalg.inv(A.double())
except RuntimeError as e:
    print('RuntimeError handler:', type(e).__name__, isinstance(e, torch.linalg.LinAlgError))
try:
    torch.linalg.inv(torch.ones(2, 3))
except torch.linalg.LinAlgError:
    print('not here')
except RuntimeError as e:
    print('plain RuntimeError:', type(e).__name__, e)
