// torch.einsum: each snippet's stdout recorded from PyTorch 1.13
// (fixtures/gen_einsum.py -> fixtures/einsum.json) must be reproduced exactly: float32
// values and gradients to the last bit, the grad_fn graph, operand forms, errors.
import { describeRecordedSnippets } from './recorded_snippets.js';

describeRecordedSnippets('torch.einsum against PyTorch 1.13 stdout', new URL('./fixtures/einsum.json', import.meta.url));
