import torch
d = torch.device('cpu'); print(d, repr(d), d.type, d.index, d == torch.device('cpu'), d == 'cpu', torch.ones(1).device == d, repr(torch.ones(1).device), torch.device('cuda', 0), torch.device('cuda:1'))
print(torch.cuda.is_available(), torch.cuda.device_count(), torch.cuda.manual_seed(0), torch.cuda.manual_seed_all(1))
try: torch.ones(2, device='cuda')
except Exception as e: print(type(e).__name__, e)
try: torch.ones(2).to(torch.device('cuda'))
except Exception as e: print(type(e).__name__, e)
try: torch.device('gpu')
except Exception as e: print(type(e).__name__, e)
print(torch.ones(2).to('cpu', torch.float64), torch.ones(2, device=torch.device('cpu')), torch.tensor([1.], device='cpu'))
print(type(d).__name__, hash(d) == hash(torch.device('cpu')))
x = torch.zeros(2, device=torch.ones(1).device)
print(x.device, {torch.device('cpu'): 1})

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
x = torch.ones(2, device=device)
print(device, x.device, x.to(device), x.cpu(), x.to("cpu"), torch.device("cpu") == x.device, str(device), x.is_cuda)
y = torch.zeros(2).to(device=device, dtype=torch.float64)
print(y)
try:
    x.to("cuda")
except AssertionError as e:
    print("AssertionError", e)
try:
    x.cuda()
except AssertionError as e:
    print("AssertionError", e)
