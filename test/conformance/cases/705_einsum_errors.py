import torch
a = torch.ones(2, 3)
b = torch.ones(3, 4)
for eq, ops in [('ij,jk->ik', (a,)), ('ij,ij->i', (a, b)), ('ij->ik', (a,)), ('ijk->i', (a,))]:
    try:
        torch.einsum(eq, *ops)
    except RuntimeError as e:
        print('RuntimeError:', e)
print(torch.einsum('ij,jk->ik', a, b))
torch.einsum('ii->i', a)
