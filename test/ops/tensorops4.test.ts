// addmm family, addcmul/addcdiv, cross, dist, cdist, nan_to_num, logspace:
// each snippet's stdout recorded from PyTorch 1.13
// (fixtures/gen_tensorops4.py -> fixtures/tensorops4.json) must be reproduced exactly.
import { describeRecordedSnippets } from './recorded_snippets.js';

describeRecordedSnippets('tensor ops (4) against PyTorch 1.13 stdout', new URL('./fixtures/tensorops4.json', import.meta.url));
