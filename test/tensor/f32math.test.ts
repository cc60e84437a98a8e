// float32 exp/sigmoid must be PyTorch's (SLEEF AVX2) bit for bit. Values recorded with
// torch 1.13: x = (torch.rand(12) * 20 - 10) after manual_seed(1), plus a few picked inputs.
import { describe, expect, it } from 'vitest';
import { expf, sigmoidf } from '../../src/tensor/f32math.js';

const X = [4, -0.35174471139907837, 1, 0.5, -3.25, 9.75, -88.5, 0.0001];
// torch.exp(torch.tensor(X)).tolist(), torch.sigmoid(torch.tensor(X)).tolist()
const EXP = [54.59815216064453, 0.7034596800804138, 2.7182817459106445, 1.6487212181091309, 0.03877420723438263, 17154.228515625, 3.672301610145117e-39, 1.000100016593933];
const SIG = [0.9820137619972229, 0.41295939683914185, 0.7310585975646973, 0.622459352016449, 0.037326887249946594, 0.9999417066574097, 3.672301610145117e-39, 0.5000250339508057];

describe('SLEEF float32 kernels', () => {
  it('exp', () => X.forEach((x, i) => expect(expf(Math.fround(x)), `exp(${x})`).toBe(EXP[i])));
  it('sigmoid', () => X.forEach((x, i) => expect(sigmoidf(Math.fround(x)), `sigmoid(${x})`).toBe(SIG[i])));
});
