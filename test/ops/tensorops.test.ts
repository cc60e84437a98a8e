// Sorting, order statistics, matrix-shape, index-along-dim, linalg, einsum, numpy printing and
// Generator programs: each snippet's stdout recorded from PyTorch 1.13
// (fixtures/gen_tensorops.py -> fixtures/tensorops.json) must be reproduced exactly.
import { describeRecordedSnippets } from './recorded_snippets.js';

describeRecordedSnippets('tensor ops against PyTorch 1.13 stdout', new URL('./fixtures/tensorops.json', import.meta.url));
