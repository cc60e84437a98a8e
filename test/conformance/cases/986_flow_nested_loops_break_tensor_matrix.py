import torch
M = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], requires_grad=True)
found = None
for i in range(3):
    for j in range(3):
        if M[i, j] > 4.5:
            found = (i, j)
            break
    if found:
        break
print(found)
s = 0
for row in M:
    for v in row:
        if v.item() % 2 == 0:
            s = s + v
s.backward()
print(s, M.grad)
