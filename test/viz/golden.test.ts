/**
 * Golden SVGs of the course's examples (cases 040, 043, 045, 184, 185, 189), in
 * both themes and both styles. They were looked at as PNGs before being committed;
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run test/viz/golden.test.ts`, which
 * also writes the PNGs to $TMPDIR/gradviz-golden for looking at again.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderGraphSvg } from '../../src/viz/index.js';
import { renderPngSync } from '../../src/viz/render.js';
import type { DotOptions } from '../../src/viz/options.js';
import type { VizGraph } from '../../src/viz/model.js';
import { caseGraph } from './cases.js';

const GOLDEN = new URL('./golden/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';
const pngDir = join(tmpdir(), 'gradviz-golden');

/**
 * 189 as the engine describes it: which variable each result was assigned to and
 * the line that made it (the recorded fixture has only PyTorch's part).
 */
function with189Names(g: VizGraph): VizGraph {
  const byOp: Record<string, [string | null, number]> = {
    MeanBackward0: ['loss', 12], PowBackward0: [null, 12], SubBackward0: [null, 12],
    SigmoidBackward0: ['h', 10],
  };
  const nodes = g.nodes.map((n) => {
    // `out = h @ W2 + b2` makes (4, 1) results, `h = sigmoid(X @ W1 + b1)` (4, 5) ones.
    const outLine = n.value?.shape[1] === 1;
    if (n.name === 'AddBackward0') return { ...n, ...(outLine ? { assignedName: 'out', line: 11 } : { line: 10 }) };
    if (n.name === 'MmBackward0') return { ...n, line: outLine ? 11 : 10 };
    const [assignedName, line] = byOp[n.name] ?? [null, null];
    return { ...n, assignedName, line };
  });
  return { ...g, nodes };
}

const examples: [string, (g: VizGraph) => VizGraph][] = [
  ['040', (g) => g], ['043', (g) => g], ['045', (g) => g], ['184', (g) => g], ['185', (g) => g], ['189', with189Names],
];
const variants: [string, DotOptions][] = [
  ['annotated-light', {}],
  ['annotated-dark', { theme: 'dark' }],
  ['torchviz-light', { style: 'torchviz' }],
  ['annotated-lr-dark-transparent', { rankdir: 'LR', theme: 'dark', transparent: true }],
];

describe('golden pictures of the course examples', () => {
  for (const [prefix, enrich] of examples) {
    for (const [variant, options] of variants) {
      if (variant.includes('lr') && prefix !== '184') continue;
      it(`${prefix} ${variant}`, async () => {
        const c = caseGraph(prefix);
        const { svg } = await renderGraphSvg(enrich(c.graph), { ...options, source: c.source });
        const file = new URL(`${prefix}-${variant}.svg`, GOLDEN);
        if (update || !existsSync(file)) {
          if (!update) throw new Error(`missing golden ${file.pathname}; run with UPDATE_GOLDEN=1 and look at it`);
          writeFileSync(file, svg);
          mkdirSync(pngDir, { recursive: true });
          writeFileSync(join(pngDir, `${prefix}-${variant}.png`), renderPngSync(svg, { background: options.transparent ? '#888888' : undefined }));
        }
        expect(svg).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
