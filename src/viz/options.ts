import { DEFAULT_NODE_BUDGET } from './budget.js';

export interface DotOptions {
  /** 'annotated' (default): values and gradients in every node; 'torchviz': make_dot's picture. */
  style?: 'annotated' | 'torchviz';
  showValues?: boolean;
  showGrads?: boolean;
  /** As make_dot(show_saved=True): saved tensors as orange nodes. */
  showSaved?: boolean;
  /** As make_dot(show_attrs=True): non-tensor saved attributes under the op name. */
  showAttrs?: boolean;
  /** make_dot's max_attr_chars. */
  maxAttrChars?: number;
  rankdir?: 'TB' | 'LR';
  theme?: 'light' | 'dark';
  transparent?: boolean;
  /** At most this many graph nodes are drawn (see budget.ts). */
  maxNodes?: number;
  /** The program's source: its lines go into the nodes' tooltips. */
  source?: string;
}

export type ResolvedOptions = Required<Omit<DotOptions, 'source'>> & { sourceLines: string[] | null };

export function resolveOptions(o: DotOptions = {}): ResolvedOptions {
  return {
    style: o.style ?? 'annotated',
    showValues: o.showValues ?? true,
    showGrads: o.showGrads ?? true,
    showSaved: o.showSaved ?? false,
    showAttrs: o.showAttrs ?? false,
    maxAttrChars: o.maxAttrChars ?? 50,
    rankdir: o.rankdir ?? 'TB',
    theme: o.theme ?? 'light',
    transparent: o.transparent ?? false,
    maxNodes: o.maxNodes ?? DEFAULT_NODE_BUDGET,
    sourceLines: o.source === undefined ? null : o.source.split('\n'),
  };
}

/**
 * A DOT double-quoted string: quotes and backslashes escaped. Newlines become
 * spaces: "\n" escapes corrupt the heap of Graphviz 16's WebAssembly build, so
 * multi-line labels are written as HTML-like labels instead.
 */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, ' ')}"`;
}

/** Text inside an HTML-like label (XML rules; Graphviz also wants ']' and newlines tamed). */
export function htmlText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r?\n/g, ' ');
}

/** An HTML-like label, written between < > instead of quotes. */
export interface HtmlLabel {
  html: string;
}

export type AttrValue = string | number | HtmlLabel | undefined;

/** `a=1 b="x y"` from an ordered attribute list (undefined values skipped). */
export function attrList(attrs: [string, AttrValue][]): string {
  const parts: string[] = [];
  for (const [k, v] of attrs) {
    if (v === undefined) continue;
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? dotId(v) : `<${v.html}>`;
    parts.push(`${k}=${text}`);
  }
  return parts.join(' ');
}

/** Tooltip / class data shared by both styles: the line that made the node. */
export function lineTooltip(line: number | null | undefined, sourceLines: string[] | null): string | undefined {
  if (line == null) return undefined;
  const text = sourceLines?.[line - 1]?.trim();
  return text ? `line ${line}: ${text}` : `line ${line}`;
}

export function nodeClass(kind: string, line: number | null | undefined, extra: string[] = []): string {
  return ['gv-node', `gv-${kind}`, ...(line != null ? [`line-${line}`] : []), ...extra].join(' ');
}

const KEYWORDS = new Set(['node', 'edge', 'graph', 'digraph', 'subgraph', 'strict']);

/** An id or value as DOT wants it (and as Python's graphviz writes it): bare when plain, else quoted. */
export function dotId(id: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(id) && !KEYWORDS.has(id.toLowerCase());
  return plain || /^-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)$/.test(id) ? id : dotString(id);
}
