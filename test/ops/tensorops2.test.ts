// nonzero, masked_select, unique, bincount, count_nonzero, torch.Generator and the sampling ops:
// each snippet's stdout recorded from PyTorch 1.13
// (fixtures/gen_tensorops2.py -> fixtures/tensorops2.json) must be reproduced exactly.
import { describeRecordedSnippets } from './recorded_snippets.js';

describeRecordedSnippets('tensor ops (2) against PyTorch 1.13 stdout', new URL('./fixtures/tensorops2.json', import.meta.url));
