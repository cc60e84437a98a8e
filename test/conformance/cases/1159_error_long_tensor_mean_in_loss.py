import torch
labels = torch.tensor([1, 0, 1, 1])
preds = torch.tensor([0.9, 0.2, 0.4, 0.8])
acc = ((preds > 0.5) == labels).float().mean()
print(acc)
print((preds > 0.5).sum())
m = labels.mean()
