import torch
values = [torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0, 3.0]), torch.tensor([3.0, 4.0])]
base = torch.tensor([10.0, 20.0])
results = []
for i, v in enumerate(values):
    try:
        results.append(base + v)
    except RuntimeError as e:
        print(f"item {i} failed: {e}")
        continue
    finally:
        print("checked", i)
print(results)
try:
    torch.tensor([1.0]).item() / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
