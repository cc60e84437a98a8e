// The long tail of tensor methods / torch functions (select, narrow, movedim, tile, rot90,
// diff, take, index_fill, atan2, xlogy, lerp, logit, nansum, inner, kron, matrix_power, ...):
// each snippet's stdout recorded from PyTorch 1.13 (fixtures/gen_tensorops3.py ->
// fixtures/tensorops3.json) must be reproduced exactly: values, grad_fn names and graphs,
// gradients, dtypes and error messages.
import { describeRecordedSnippets } from './recorded_snippets.js';

describeRecordedSnippets('long-tail tensor ops against PyTorch 1.13 stdout', new URL('./fixtures/tensorops3.json', import.meta.url));
