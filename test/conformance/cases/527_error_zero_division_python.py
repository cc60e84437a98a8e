import torch
losses = []
mean = sum(losses) / len(losses)
