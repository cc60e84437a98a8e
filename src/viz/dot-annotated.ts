/**
 * The annotated picture: one box per autograd node (leaves are their AccumulateGrad
 * node), edges from input to consumer as the forward pass ran. Each box: the
 * variable the result was assigned to and the op, the forward value, the gradient
 * (∇, its own colour), with NaN / inf / all-zero gradients flagged. Text is laid
 * out with Helvetica and Courier, the fonts Graphviz's WebAssembly build measures
 * correctly.
 */
import type { VizGraph, VizNode, VizTensor } from './model.js';
import { edgeKey, longEdges, selectNodes, truncationNote } from './budget.js';
import type { AttrValue, ResolvedOptions } from './options.js';
import { attrList, dotId, htmlText, lineTooltip, nodeClass } from './options.js';
import { shapeText, tensorFlags, tensorLines } from './tensor-text.js';
import type { Theme } from './theme.js';
import { themeOf } from './theme.js';

const TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">';

function cell(content: string, extra = ''): string {
  return `<TR><TD ALIGN="LEFT" BALIGN="LEFT"${extra}>${content}</TD></TR>`;
}

/**
 * The ∇ is Helvetica, the numbers Courier: Courier faces lack the glyph, and a
 * renderer's fallback font for the whole run would change the numbers' widths.
 */
function gradCells(lines: string[], color: string, fill: string, warning = ''): string {
  const body = lines.map((l, i) => (i === 0 ? ` ${l}` : `  ${l}`));
  const warn = warning ? `${lines.length === 1 ? ' ' : '<BR ALIGN="LEFT"/>'}<B>${warning}</B>` : '';
  return cell(`<FONT COLOR="${color}">∇${mono(body)}${warn}</FONT>`, ` BGCOLOR="${fill}"`);
}

function mono(lines: string[], color?: string): string {
  const text = lines.map(htmlText).join('<BR ALIGN="LEFT"/>');
  return `<FONT FACE="Courier"${color ? ` COLOR="${color}"` : ''}>${text}</FONT>`;
}

function small(text: string, theme: Theme): string {
  return `<FONT POINT-SIZE="9" COLOR="${theme.muted}">${htmlText(text)}</FONT>`;
}

/** Shape and a non-default dtype, for the header (a float32 scalar needs neither). */
function shapeNote(t: VizTensor | null): string {
  if (t === null) return '';
  const dtype = t.dtype === 'float32' ? '' : t.dtype;
  return [t.shape.length ? shapeText(t.shape) : '', dtype].filter(Boolean).join(' ');
}

type GradState = 'ok' | 'nan' | 'inf' | 'zero' | 'none';

function gradState(g: VizTensor | null): GradState {
  if (g === null) return 'none';
  const f = tensorFlags(g);
  return f.nan ? 'nan' : f.inf ? 'inf' : f.allZero ? 'zero' : 'ok';
}

function gradRow(g: VizTensor | null, state: GradState, theme: Theme): string {
  if (g === null) return gradCells(['None'], theme.muted, theme.opFill);
  const lines = tensorLines(g, false);
  if (state === 'ok') return gradCells(lines, theme.gradText, theme.gradFill);
  const warning = state === 'zero' ? '⚠ all zero' : `⚠ ${state}`;
  const [fill, text] = state === 'zero' ? [theme.zeroFill, theme.zeroText] : [theme.nanFill, theme.nanText];
  return gradCells(lines, text, fill, warning);
}

function header(n: VizNode, isRoot: boolean, theme: Theme): string {
  const shape = shapeNote(n.value);
  const shapePart = shape ? ` ${small(shape, theme)}` : '';
  const rootPart = isRoot ? ` ${small('output', theme)}` : '';
  if (n.name === 'AccumulateGrad') {
    const name = n.variable ? `<B>${htmlText(n.variable)}</B>` : `<I>leaf</I>`;
    return cell(`${name}${shapePart}${rootPart}`);
  }
  const assigned = n.assignedName ? `<B>${htmlText(n.assignedName)}</B> = ` : '';
  return cell(`${assigned}${htmlText(n.name)}${shapePart}${rootPart}`);
}

export function annotatedDot(graph: VizGraph, o: ResolvedOptions): string {
  const theme = themeOf(o.theme);
  const sel = selectNodes(graph, o.maxNodes);
  const showGrads = o.showGrads && graph.nodes.some((n) => n.grad !== null);
  const lines: string[] = [];
  const stmt = (s: string) => lines.push(`\t${s}`);

  for (const n of sel.nodes) {
    const isRoot = n.id === graph.root;
    const leaf = n.name === 'AccumulateGrad';
    const kind = isRoot ? 'output' : leaf ? 'leaf' : 'op';
    const rows = [header(n, isRoot, theme)];
    if (o.showAttrs) {
      for (const [k, v] of Object.entries(n.attrs ?? {})) {
        const shown = v.length > o.maxAttrChars ? `${v.slice(0, Math.max(o.maxAttrChars, 3) - 3)}...` : v;
        rows.push(cell(small(`${k}: ${shown}`, theme)));
      }
    }
    if (o.showValues && n.value !== null) rows.push(cell(mono(tensorLines(n.value, false))));
    const state = gradState(n.grad);
    if (showGrads) rows.push(gradRow(n.grad, state, theme));
    const fill = isRoot ? theme.outputFill : leaf ? theme.leafFill : theme.opFill;
    const border = isRoot ? theme.outputBorder : leaf ? theme.leafBorder : theme.opBorder;
    const flags = showGrads && state !== 'ok' && state !== 'none' ? [`gv-grad-${state}`] : [];
    const attrs: [string, AttrValue][] = [
      ['label', { html: `${TABLE}${rows.join('')}</TABLE>` }],
      ['fillcolor', fill],
      ['color', flags.length ? (state === 'zero' ? theme.zeroFill : theme.nanFill) : border],
      ['penwidth', isRoot || flags.length ? 2 : 1],
      ['id', `gv-${n.id}`],
      ['class', nodeClass(kind, n.line, flags)],
      ['tooltip', lineTooltip(n.line, o.sourceLines) ?? n.name],
    ];
    stmt(`${dotId(n.id)} [${attrList(attrs)}]`);
    if (o.showSaved) {
      (n.saved ?? []).forEach((s, i) => {
        const savedEdge: [string, AttrValue][] = [['dir', 'none'], ['style', 'dashed'], ['color', theme.savedBorder], ['class', 'gv-saved-edge']];
        if (s.tensorOf !== undefined && sel.kept.has(s.tensorOf)) {
          // The saved tensor is a drawn leaf: link to it instead of repeating it.
          const label: [string, AttrValue] = ['label', s.name];
          stmt(`${dotId(s.tensorOf)} -> ${dotId(n.id)} [${attrList([...savedEdge, label, ['fontsize', 9], ['fontcolor', theme.muted]])}]`);
          return;
        }
        const sid = `${n.id}_saved${i}`;
        const body = typeof s.value === 'string' ? [s.value] : tensorLines(s.value, false);
        const shape = typeof s.value === 'string' ? '' : shapeNote(s.value);
        const head = cell(`${htmlText(s.name)}${shape ? ` ${small(shape, theme)}` : ''}`);
        const label = `${TABLE}${head}${o.showValues ? cell(mono(body)) : ''}</TABLE>`;
        stmt(`${dotId(sid)} [${attrList([['label', { html: label }], ['fillcolor', theme.savedFill], ['color', theme.savedBorder], ['id', `gv-${sid}`], ['class', 'gv-node gv-saved']])}]`);
        // Drawn like an input (saved node above its op), so the forward flow stays top-down.
        stmt(`${dotId(sid)} -> ${dotId(n.id)} [${attrList(savedEdge)}]`);
      });
    }
  }

  const long = longEdges(sel);
  const byId = new Map(sel.nodes.map((n) => [n.id, n]));
  let e = 0;
  for (const n of sel.nodes) {
    n.inputs.forEach((input, slot) => {
      if (input === null || !sel.kept.has(input)) return;
      const edge: [string, AttrValue][] = [['id', `gv-e${e}`], ['class', `gv-edge gv-slot-${slot}`]];
      let from = input;
      if (long.has(edgeKey(input, n.id, slot))) {
        // A reference to a node drawn far away (see budget.ts): a small copy beside its consumer.
        from = `${input}_ref${e}`;
        const src = byId.get(input)!;
        const name = src.variable ?? src.assignedName ?? src.name;
        const fill = src.name === 'AccumulateGrad' ? theme.leafFill : theme.opFill;
        stmt(`${dotId(from)} [${attrList([['label', { html: `<I>${htmlText(name)}</I>` }], ['style', 'rounded,dashed,filled'], ['fillcolor', fill], ['color', theme.opBorder], ['id', `gv-${from}`], ['class', `gv-node gv-ref gv-ref-${input}`], ['tooltip', `${name}: drawn once, elsewhere (${input})`]])}]`);
      }
      e++;
      stmt(`${dotId(from)} -> ${dotId(n.id)} [${attrList(edge)}]`);
    });
  }

  if (sel.truncated || sel.nodes.length === 0) {
    const note = sel.nodes.length === 0 ? 'no autograd graph: the target has no grad_fn' : `… ${truncationNote(sel)}`;
    stmt(`more [${attrList([['label', note], ['fillcolor', theme.noteFill], ['style', 'filled,dashed'], ['id', 'gv-more'], ['class', 'gv-node gv-note']])}]`);
    for (const id of sel.frontier) stmt(`more -> ${dotId(id)} [${attrList([['style', 'dashed'], ['class', 'gv-edge gv-cut']])}]`);
  }

  const graphAttrs: [string, AttrValue][] = [
    ['rankdir', o.rankdir],
    ['bgcolor', o.transparent ? 'transparent' : theme.background],
    ['nodesep', 0.3],
    ['ranksep', 0.35],
    ['pad', 0.15],
    ['fontname', 'Helvetica'],
  ];
  const nodeAttrs: [string, AttrValue][] = [
    ['shape', 'box'],
    ['style', 'rounded,filled'],
    ['fontname', 'Helvetica'],
    ['fontsize', 11],
    ['fontcolor', theme.text],
    ['margin', '0.08,0.04'],
  ];
  const edgeAttrs: [string, AttrValue][] = [
    ['color', theme.edge],
    ['arrowsize', 0.7],
  ];
  return (
    'digraph gradviz {\n' +
    `\tgraph [${attrList(graphAttrs)}]\n` +
    `\tnode [${attrList(nodeAttrs)}]\n` +
    `\tedge [${attrList(edgeAttrs)}]\n` +
    lines.join('\n') +
    (lines.length ? '\n' : '') +
    '}\n'
  );
}
