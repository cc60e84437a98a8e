/**
 * torchviz's make_dot picture (torchviz/dot.py), statement for statement: the same
 * walk order, node and edge attributes, colours, labels ("name\n (3)"), and the
 * resize_graph size rule. Differences, all deliberate:
 *  - ids come from the model (n0, n0_var, output) instead of Python's id(), so the
 *    output is deterministic;
 *  - fontname is Courier, not monospace: Graphviz's WebAssembly build measures
 *    `monospace` with Times widths and the labels overflow their boxes;
 *  - a saved tensor that is a leaf shares the leaf's node as in make_dot (the model
 *    says so with `tensorOf`); other identities (two ops saving the same
 *    intermediate tensor) are not in the model, so those get a node each;
 *  - views' base tensors (dark green) are not drawn: the model has no view links;
 *  - multi-line labels are HTML-like labels with <BR/>, which draw the same centred
 *    lines: Graphviz 16's WebAssembly build corrupts its heap on "\n" escapes in
 *    plain labels (a later layout traps with "function signature mismatch").
 */
import type { VizGraph, VizNode, VizTensor } from './model.js';
import { nodeMap } from './model.js';
import { edgeKey, longEdges, selectNodes, truncationNote } from './budget.js';
import type { ResolvedOptions } from './options.js';
import type { AttrValue } from './options.js';
import { attrList, dotId, htmlText, lineTooltip, nodeClass } from './options.js';
import { shapeText } from './tensor-text.js';
import { themeOf } from './theme.js';

function sizeOf(t: VizTensor | string | null): string {
  return t !== null && typeof t === 'object' ? shapeText(t.shape) : '()';
}

/** get_fn_name with show_attrs: the op name, a rule, and `key: value` rows. */
function fnLabel(node: VizNode, o: ResolvedOptions): string {
  const attrs = o.showAttrs ? Object.entries(node.attrs ?? {}) : [];
  if (attrs.length === 0) return node.name;
  const maxChars = Math.max(o.maxAttrChars, 3);
  const col1 = Math.max(...attrs.map(([k]) => k.length));
  const col2 = Math.min(Math.max(...attrs.map(([, v]) => v.length)), maxChars);
  const sep = '-'.repeat(Math.max(col1 + col2 + 2, node.name.length));
  const truncate = (s: string) => (s.length > col2 ? `${s.slice(0, col2 - 3)}...` : s);
  const rows = attrs.map(([k, v]) => `${k.padEnd(col1)}: ${truncate(v).padStart(col2)}`);
  return [node.name, sep, ...rows].join('\n');
}

/** A plain label when one line, else HTML-like lines (see the header for why). */
function labelValue(label: string): AttrValue {
  if (!label.includes('\n')) return label;
  return { html: label.split('\n').map(htmlText).join('<BR/>') };
}

/** Python's str() of a float: integral values keep a ".0". */
function pyFloatStr(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

export function torchvizDot(graph: VizGraph, o: ResolvedOptions): string {
  const theme = themeOf(o.theme);
  const sel = selectNodes(graph, o.maxNodes);
  const byId = nodeMap(graph);
  const params = graph.params;
  const body: string[] = [];
  const node = (id: string, label: string, extra: [string, string | undefined][] = []) =>
    body.push(`\t${dotId(id)} [${attrList([['label', labelValue(label)], ...extra])}]`);
  const edge = (from: string, to: string, extra: [string, string | undefined][] = []) =>
    body.push(`\t${dotId(from)} -> ${dotId(to)}${extra.length ? ` [${attrList(extra)}]` : ''}`);

  const leafName = (n: VizNode): string => {
    if (params !== undefined) return params[n.id] ?? '';
    return n.variable ?? '';
  };
  const varName = (name: string, t: VizTensor | string | null) => `${name}\n ${sizeOf(t)}`;
  const where = (n: VizNode, kind: string): [string, string | undefined][] => [
    ['id', `gv-${n.id}${kind === 'op' ? '' : `-${kind}`}`],
    ['class', nodeClass(kind, n.line)],
    ['tooltip', lineTooltip(n.line, o.sourceLines)],
  ];

  const long = longEdges(sel);
  let refs = 0;
  const more = 'more';
  const seen = new Set<string>();
  const visit = (start: string) => {
    // make_dot's recursive add_nodes, with an explicit stack (graphs can be deep).
    const stack: { id: string; next: number }[] = [];
    const enter = (id: string) => {
      seen.add(id);
      const n = byId.get(id)!;
      if (o.showSaved) {
        (n.saved ?? []).forEach((s, i) => {
          if (typeof s.value === 'string') return;
          const leaf = s.tensorOf !== undefined && sel.kept.has(s.tensorOf) && byId.get(s.tensorOf)!.name === 'AccumulateGrad';
          const sid = leaf ? `${s.tensorOf}_var` : `${n.id}_saved${i}`;
          edge(n.id, sid, [['dir', 'none']]);
          node(sid, varName(s.name, s.value), [['fillcolor', 'orange'], ...(leaf ? [] : [['id', `gv-${sid}`], ['class', 'gv-node gv-saved']] as [string, string][])]);
        });
      }
      if (n.name === 'AccumulateGrad') {
        node(`${n.id}_var`, varName(leafName(n), n.value), [['fillcolor', 'lightblue'], ...where(n, 'leaf')]);
        edge(`${n.id}_var`, n.id);
      }
      node(n.id, fnLabel(n, o), where(n, 'op'));
      if (sel.frontier.has(n.id)) edge(more, n.id, [['style', 'dashed']]);
      stack.push({ id, next: 0 });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const inputs = byId.get(top.id)!.inputs;
      if (top.next >= inputs.length) {
        stack.pop();
        continue;
      }
      const slot = top.next++;
      const input = inputs[slot]!;
      if (input === null || !sel.kept.has(input)) continue;
      if (long.has(edgeKey(input, top.id, slot))) {
        // A big graph's long edge (budget.ts): a dashed copy of the input beside its consumer.
        const ref = `${input}_ref${refs++}`;
        node(ref, byId.get(input)!.name, [['style', 'dashed,filled'], ['class', `gv-node gv-ref gv-ref-${input}`]]);
        edge(ref, top.id);
      } else {
        edge(input, top.id);
      }
      if (!seen.has(input)) enter(input);
    }
  };

  const root = graph.root !== null ? byId.get(graph.root) : undefined;
  const outLabel = varName(root && params?.[root.id] ? params[root.id]! : '', root?.value ?? null);
  node('output', outLabel, [['fillcolor', 'darkolivegreen1'], ['id', 'gv-output'], ['class', 'gv-node gv-output']]);
  // make_dot(leaf) draws the green tensor alone: a leaf has no grad_fn to walk.
  if (root && root.name !== 'AccumulateGrad' && sel.kept.has(root.id)) {
    visit(root.id);
    edge(root.id, 'output');
  }
  if (sel.truncated) {
    node(more, `... ${truncationNote(sel)}`, [['fillcolor', 'lightyellow'], ['id', 'gv-more'], ['class', 'gv-node gv-note']]);
  }

  // resize_graph: 0.15 inch per statement, at least 12 inches.
  const content = body.length * 0.15;
  const size = content > 12 ? pyFloatStr(content) : '12';
  const graphAttrs: [string, string | undefined][] = [
    ['size', `${size},${size}`],
    ['rankdir', o.rankdir === 'TB' ? undefined : o.rankdir],
    ['bgcolor', o.transparent ? 'transparent' : o.theme === 'dark' ? theme.background : undefined],
  ];
  const edgeAttrs = o.theme === 'dark' ? `\tedge [${attrList([['color', theme.edge]])}]\n` : '';
  return (
    // Named: Graphviz 16 (wasm) traps on the next layout after an anonymous graph with node ids.
    'digraph gradviz {\n' +
    `\tgraph [${attrList(graphAttrs)}]\n` +
    '\tnode [align=left fontname=Courier fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]\n' +
    edgeAttrs +
    body.join('\n') +
    (body.length ? '\n' : '') +
    '}\n'
  );
}
