/**
 * The pictures in a real browser (Debian's chromium via playwright-core): SVGs of the
 * course's examples, drawn by the real pipeline (runGraphJob, as POST /graph does), in both
 * styles and both themes. Graphviz sizes a node from its own estimate of the text width;
 * the browser lays the text out with real fonts, so a wrong estimate (e.g. `monospace`
 * measured with Times widths) shows up here as a text box that leaves its node's shape.
 * Screenshots go to test/artifacts/viz-*.png.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphRequestSchema } from '../../src/api/schemas.js';
import { runGraphJob } from '../../src/run/jobs.js';
import { renderSvg } from '../../src/viz/index.js';
import { ARTIFACTS, launchChromium, skipReason } from '../web/browser.js';
import { CASES_DIR } from './cases.js';

const CASES = ['023', '040', '042', '043', '045', '184', '185', '189'];

/**
 * Gradient descent on f(x) = x**2 + exp(-x) (the course's case 140) with the steps kept in
 * the graph: 10000 steps of 6 ops (60001 nodes), so the picture is the node budget's: the
 * last steps and the note with the count.
 */
const DESCENT_10000 = `import torch
x = torch.tensor(3.0, requires_grad=True)
lr = 0.0005
w = x
for i in range(10000):
    w = w - lr * (2 * w - torch.exp(-w))
w.backward()
print(w, x.grad)
`;

function caseProgram(prefix: string): string {
  const file = readdirSync(CASES_DIR).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.py'));
  if (!file) throw new Error(`no shared case ${prefix}`);
  return readFileSync(new URL(file, CASES_DIR), 'utf8');
}

const PROGRAMS: [string, string][] = [...CASES.map((c): [string, string] => [c, caseProgram(c)]), ['descent-10000', DESCENT_10000]];
const VARIANTS = (['annotated', 'torchviz'] as const).flatMap((style) => (['light', 'dark'] as const).map((theme) => ({ style, theme })));

/** CSS pixels a text box may stick out of its shape (anti-aliasing, rounding of the layout). */
const TOLERANCE = 1;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface TextReport {
  node: string;
  text: string;
  box: Box;
  /** the node's outline: its first path, polygon or ellipse */
  shape: Box;
  /** the filled cell drawn under the text (the gradient's tint), if any */
  cell: Box | null;
}

/** Every text of every node with the boxes it must lie in, measured in the page. */
function measure(page: Page): Promise<TextReport[]> {
  return page.evaluate(() => {
    const boxOf = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const inside = (x: number, y: number, b: { left: number; top: number; right: number; bottom: number }) =>
      x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
    const out: TextReport[] = [];
    for (const node of document.querySelectorAll('svg g.node')) {
      const shapes = [...node.querySelectorAll('path, polygon, ellipse')];
      if (shapes.length === 0) continue;
      const shape = boxOf(shapes[0]);
      // Filled cells inside the outline (HTML-like labels' BGCOLOR) are drawn before their text.
      const cells = shapes.slice(1).filter((s) => s.getAttribute('fill') !== 'none').map(boxOf);
      for (const text of node.querySelectorAll('text')) {
        const box = boxOf(text);
        const cx = (box.left + box.right) / 2;
        const cy = (box.top + box.bottom) / 2;
        out.push({
          node: node.querySelector('title')?.textContent ?? node.id,
          text: text.textContent ?? '',
          box,
          shape,
          cell: cells.find((c) => inside(cx, cy, c)) ?? null,
        });
      }
    }
    return out;
  });
}

function sticksOut(inner: Box, outer: Box): boolean {
  return (
    inner.left < outer.left - TOLERANCE ||
    inner.top < outer.top - TOLERANCE ||
    inner.right > outer.right + TOLERANCE ||
    inner.bottom > outer.bottom + TOLERANCE
  );
}

/** Texts of one node on one baseline that overlap: the first was measured too narrow. */
function overlaps(texts: TextReport[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, b] = [texts[i], texts[j]];
      if (a.node !== b.node || Math.abs(a.box.bottom - b.box.bottom) > 0.5) continue;
      const [l, r] = a.box.left <= b.box.left ? [a, b] : [b, a];
      if (l.box.right > r.box.left + TOLERANCE) found.push(`${a.node}: "${l.text}" runs into "${r.text}" by ${(l.box.right - r.box.left).toFixed(1)}px`);
    }
  }
  return found;
}

/** CSS pixels beyond which chromium cannot capture an element: then its two ends are shot. */
const TALLEST_SHOT = 8000;

async function screenshot(page: Page, path: string): Promise<void> {
  const svg = page.locator('svg');
  const box = (await svg.boundingBox())!;
  if (box.height <= TALLEST_SHOT) {
    await svg.screenshot({ path: `${path}.png` });
    return;
  }
  const end = { x: box.x, width: box.width, height: 2000 };
  await page.screenshot({ path: `${path}-top.png`, fullPage: true, clip: { ...end, y: box.y } });
  await page.screenshot({ path: `${path}-bottom.png`, fullPage: true, clip: { ...end, y: box.y + box.height - 2000 } });
}

async function load(page: Page, svg: string): Promise<TextReport[]> {
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#888">${svg}</body></html>`);
  await page.evaluate(() => document.fonts.ready);
  return measure(page);
}

function problemsOf(texts: TextReport[]): string[] {
  return [
    ...texts.filter((t) => sticksOut(t.box, t.shape)).map((t) => `${t.node}: "${t.text}" leaves its node's shape`),
    ...texts.filter((t) => t.cell !== null && sticksOut(t.box, t.cell)).map((t) => `${t.node}: "${t.text}" leaves its cell`),
    ...overlaps(texts),
  ];
}

const skip = skipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== null)('pictures in chromium: every text inside its node', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 2 });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sees the overflow of a font Graphviz mis-measures (make_dot\'s monospace)', async () => {
    const svg = await renderSvg('digraph { node [shape=box fontname=monospace]; a [label="MulBackward0 tensor(2.)"] }');
    expect(problemsOf(await load(page, svg))).toEqual([`a: "MulBackward0 tensor(2.)" leaves its node's shape`]);
  });

  for (const [name, program] of PROGRAMS) {
    for (const { style, theme } of VARIANTS) {
      it(`${name} ${style} ${theme}`, async () => {
        const result = await runGraphJob(GraphRequestSchema.parse({ program, format: 'svg', style, theme }));
        expect(result.status, JSON.stringify(result.error)).toBe(200);
        const svg = result.body as string;
        const texts = await load(page, svg);
        // Nothing vacuous: every node of the picture has its texts measured.
        const nodes = new Set(texts.map((t) => t.node));
        expect(nodes.size).toBe(await page.locator('svg g.node').count());
        if (name === 'descent-10000' && style === 'annotated') expect(texts.some((t) => /nodes shown/.test(t.text))).toBe(true);
        const problems = problemsOf(texts);
        await screenshot(page, join(ARTIFACTS, `viz-${name}-${style}-${theme}`));
        expect(problems).toEqual([]);
      }, name === 'descent-10000' ? 120_000 : undefined);
    }
  }
});
