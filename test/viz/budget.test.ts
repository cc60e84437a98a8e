/** The big-graph policy: a node budget, the nodes nearest the output, a clear note. */
import { describe, expect, it } from 'vitest';
import { selectNodes } from '../../src/viz/budget.js';
import { toDot } from '../../src/viz/dot.js';
import { countDotNodes, LayoutRefused, renderSvg } from '../../src/viz/render.js';
import { loopGraph } from './synthetic.js';
import { hasClass, parseXml, textOf, walk } from './xml.js';

describe('node budget', () => {
  it('keeps everything under the budget', () => {
    const g = loopGraph(10);
    const sel = selectNodes(g, 400);
    expect(sel.truncated).toBe(false);
    expect(sel.nodes.length).toBe(g.nodes.length);
  });

  it('keeps the nodes nearest the output, with their leaves, and says how many', () => {
    const g = loopGraph(10000); // 30003 nodes
    const sel = selectNodes(g, 400);
    expect(sel.nodes.length).toBe(400);
    expect(sel.total).toBe(30003);
    // The root's step and the shared leaves w and b are in; the first step is not.
    for (const id of ['n0', 'n1', 'n2', 'w_leaf', 'b_leaf']) expect(sel.kept.has(id)).toBe(true);
    expect(sel.kept.has('n29999')).toBe(false);
    // Breadth first: every kept op node is closer to the root than every cut one.
    expect([...sel.kept].filter((id) => id.startsWith('n')).every((id) => Number(id.slice(1)) < 400)).toBe(true);
    expect([...sel.frontier]).toEqual([g.nodes.find((n) => n.inputs[0] === g.nodes[398]!.id)?.id ?? 'n397']);
  });

  it('draws a note node with the counts and dashed edges into the cut', async () => {
    const dot = toDot(loopGraph(10000));
    const refs = dot.split('\n').filter((l) => l.includes('gv-ref ')).length;
    expect(countDotNodes(dot) - refs).toBe(401);
    const svg = parseXml(await renderSvg(dot));
    const notes = [...walk(svg)].filter((e) => e.name === 'g' && hasClass(e, 'gv-note'));
    expect(notes.length).toBe(1);
    expect(textOf(notes[0]!)).toContain('400 of 30,003 nodes shown (nearest the output)');
    const cut = [...walk(svg)].filter((e) => e.name === 'g' && hasClass(e, 'gv-cut'));
    expect(cut.length).toBe(1);
  });

  it('the torchviz style follows the same budget', () => {
    const dot = toDot(loopGraph(1000), { style: 'torchviz', maxNodes: 100 });
    expect(dot).toContain('100 of 3,003 nodes shown');
    // 100 graph nodes + the tensors of leaves w and b (x is cut) + output + note
    // (+ references for long edges).
    const refs = dot.split('\n').filter((l) => l.includes('gv-ref ')).length;
    expect(countDotNodes(dot) - refs).toBe(104);
  });

  it('reports a producer-side cut', () => {
    const g = { ...loopGraph(5), truncated: { total: 50000 } };
    expect(toDot(g)).toContain('18 of 50,000 nodes shown');
  });

  it('renderSvg refuses DOT over its limit before layout', async () => {
    const dot = toDot(loopGraph(1000), { maxNodes: 3000 });
    await expect(renderSvg(dot, { maxNodes: 500 })).rejects.toBeInstanceOf(LayoutRefused);
    await expect(renderSvg(toDot(loopGraph(2)), { deadline: Date.now() - 1 })).rejects.toThrow('time limit');
  });

  it('draws far-apart uses of a shared leaf from references, every edge once', async () => {
    const g = loopGraph(40); // 123 nodes; w and b feed all 40 steps
    const svg = parseXml(await renderSvg(toDot(g)));
    const els = [...walk(svg)].filter((e) => e.name === 'g');
    const refs = els.filter((e) => hasClass(e, 'gv-ref'));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => hasClass(r, 'gv-ref-w_leaf') || hasClass(r, 'gv-ref-b_leaf'))).toBe(true);
    expect(els.filter((e) => hasClass(e, 'edge')).length).toBe(g.nodes.reduce((k, n) => k + n.inputs.length, 0));
    const small = parseXml(await renderSvg(toDot(loopGraph(5))));
    expect([...walk(small)].some((e) => hasClass(e, 'gv-ref'))).toBe(false);
  });

  it('lays out a 10000-step loop in bounded time', async () => {
    const start = performance.now();
    await renderSvg(toDot(loopGraph(10000)));
    // About 0.5 s on an idle core; generous for a shared CI machine.
    expect(performance.now() - start).toBeLessThan(15000);
  });
});
