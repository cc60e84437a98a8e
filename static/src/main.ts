/**
 * The playground page: wires the editor, the service calls, the results, the graph view and
 * the slide exports. Everything is fetched from the page's own origin.
 */
import {
  type DrawOptions,
  drawGraph,
  type GradResponse,
  type GraphNode,
  type GraphResponse,
  graphPng,
  graphSvgUrl,
  runProgram,
} from './api.js';
import { createEditor } from './editor.js';
import { EXAMPLES } from './examples.js';
import { createGraphView, type NodeRef } from './graph-view.js';
import { applyLabels, labelsFor, pickLang } from './i18n.js';
import { DEFAULT_OPTIONS, type PageOptions, readShared, shareUrl } from './share.js';
import { dataText, shapeText } from './tensor-text.js';

const lang = pickLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
const L = labelsFor(lang);
document.documentElement.lang = lang;
document.title = L.title;
applyLabels(document, L);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const exampleSelect = $<HTMLSelectElement>('example');
const runButton = $<HTMLButtonElement>('run');
const status = $('status');
const stdoutBox = $('stdout');
const errorBox = $('error');
const gradsBody = $('grads').querySelector('tbody')!;
const gradsEmpty = $('grads-empty');
const nodeInfo = $('node-info');
const optionInputs = {
  style: $<HTMLSelectElement>('opt-style'),
  theme: $<HTMLSelectElement>('opt-theme'),
  rankdir: $<HTMLSelectElement>('opt-rankdir'),
  show_values: $<HTMLInputElement>('opt-values'),
  show_grads: $<HTMLInputElement>('opt-grads'),
};

for (const ex of EXAMPLES) exampleSelect.add(new Option(ex.title[lang], ex.id));

const shared = readShared(location.hash, location.search);
const editor = createEditor($('editor'), shared?.program ?? EXAMPLES[0].program, () => void run(), L.editorLabel);
if (shared) {
  setOptions(shared.options);
  exampleSelect.value = EXAMPLES.find((e) => e.program === shared.program)?.id ?? '';
}

const systemDark = matchMedia('(prefers-color-scheme: dark)');

function readOptions(): PageOptions {
  return {
    style: optionInputs.style.value as PageOptions['style'],
    theme: optionInputs.theme.value as PageOptions['theme'],
    rankdir: optionInputs.rankdir.value as PageOptions['rankdir'],
    show_values: optionInputs.show_values.checked,
    show_grads: optionInputs.show_grads.checked,
  };
}

function setOptions(o: PageOptions): void {
  optionInputs.style.value = o.style;
  optionInputs.theme.value = o.theme;
  optionInputs.rankdir.value = o.rankdir;
  optionInputs.show_values.checked = o.show_values;
  optionInputs.show_grads.checked = o.show_grads;
}

/** The options the service gets: "follow the page" becomes the system's light or dark. */
function drawOptions(): DrawOptions {
  const o = readOptions();
  return { ...o, theme: o.theme === 'auto' ? (systemDark.matches ? 'dark' : 'light') : o.theme };
}

// ---------------------------------------------------------------------------------------
// the answer

/** The program of the last run: redraws and exports use it, so the picture matches the results. */
let ran: string | null = null;
let graph: GraphResponse | null = null;
let nodesById = new Map<string, GraphNode>();
let inFlight: AbortController | null = null;
/** whether the request in flight is a whole run (a redraw then restarts it) or a redraw */
let running = false;

function setStatus(text: string, busy = false): void {
  status.textContent = text;
  document.body.classList.toggle('busy', busy);
}

function showAnswer(answer: GradResponse): void {
  const warnings = answer.warnings.map((w) => `${w.line ? `${L.line} ${w.line}: ` : ''}${w.category}: ${w.message}\n`).join('');
  const printed = answer.stdout + warnings;
  stdoutBox.textContent = printed === '' ? L.noOutput : printed;
  stdoutBox.classList.toggle('empty', printed === '');

  errorBox.replaceChildren();
  errorBox.hidden = answer.error === null;
  editor.markError(answer.error?.line ?? null);
  if (answer.error) {
    const { type, message, line } = answer.error;
    const text = document.createElement('pre');
    text.textContent = `${type}: ${message}`;
    errorBox.append(text);
    if (line !== null) {
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'link';
      go.textContent = `${L.goToLine} ${line}`;
      go.addEventListener('click', () => editor.focusLine(line));
      errorBox.append(go);
    }
  }

  gradsBody.replaceChildren();
  const names = Object.keys(answer.gradients);
  gradsEmpty.hidden = names.length > 0;
  for (const name of names) {
    const g = answer.gradients[name];
    const row = gradsBody.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = name;
    row.append(th);
    row.insertCell().textContent = shapeText(g.shape);
    row.insertCell().textContent = g.dtype;
    const pre = document.createElement('pre');
    pre.textContent = dataText(g.data, g.dtype);
    row.insertCell().append(pre);
  }
}

async function run(): Promise<void> {
  inFlight?.abort();
  const abort = (inFlight = new AbortController());
  const program = editor.text();
  running = true;
  setStatus(L.running, true);
  try {
    const [answer, picture] = await Promise.all([runProgram(program, abort.signal), drawGraph(program, drawOptions(), abort.signal)]);
    ran = program;
    showAnswer(answer);
    showGraph(picture);
    updateLinks();
    setStatus(answer.ok ? L.done : L.failed);
  } catch (e) {
    if (!abort.signal.aborted) setStatus(`${L.requestFailed}: ${(e as Error).message}`);
  } finally {
    if (inFlight === abort) {
      inFlight = null;
      running = false;
      document.body.classList.remove('busy');
    }
  }
}

async function redraw(): Promise<void> {
  if (running) return run(); // its picture would have the old options
  updateLinks();
  if (ran === null) return;
  inFlight?.abort();
  const abort = (inFlight = new AbortController());
  setStatus(L.drawing, true);
  try {
    showGraph(await drawGraph(ran, drawOptions(), abort.signal));
    setStatus(L.done);
  } catch (e) {
    if (!abort.signal.aborted) setStatus(`${L.requestFailed}: ${(e as Error).message}`);
  } finally {
    if (inFlight === abort) {
      inFlight = null;
      document.body.classList.remove('busy');
    }
  }
}

// ---------------------------------------------------------------------------------------
// the picture

const view = createGraphView($('graph'), showNode);

function showGraph(picture: GraphResponse): void {
  graph = picture;
  nodesById = new Map((picture.graph?.nodes ?? []).map((n) => [n.id, n]));
  showNode(null);
  const ok = picture.svg !== null && view.show(picture.svg, (ref) => describeNode(ref));
  if (!ok) view.clear(picture.error ? `${picture.error.type}: ${picture.error.message}` : L.noGraph);
  for (const id of ['dl-svg', 'dl-png', 'dl-dot']) $<HTMLButtonElement>(id).disabled = !ok;
}

/** torchviz ids carry a kind suffix (gv-n3-leaf), and its output tensor is the root's (gv-output). */
function graphNode(ref: NodeRef): GraphNode | undefined {
  if (ref.id === 'output' && graph?.graph) return nodesById.get(graph.graph.root);
  return nodesById.get(ref.id) ?? nodesById.get(ref.id.replace(/-[a-z]+$/, ''));
}

/**
 * The node's source line: from the picture (a line-N class) or the graph JSON when the
 * engine records it; otherwise where the program assigns the node's name (a leaf: its first
 * assignment; a result: its last), which is only an approximation.
 */
function sourceLine(ref: NodeRef, node: GraphNode | undefined): number | null {
  const recorded = ref.line ?? node?.line ?? null;
  if (recorded !== null || !node || ran === null) return recorded;
  const name = boundName(node);
  if (!name) return null;
  const assigns = new RegExp(`^\\s*${name.replace(/[^\w]/g, '')}\\s*(=(?!=)|[-+*/@]=)`);
  const lines = ran.split('\n');
  const hits = lines.flatMap((l, i) => (assigns.test(l) ? [i + 1] : []));
  if (hits.length === 0) return null;
  return node.name === 'AccumulateGrad' ? hits[0] : hits[hits.length - 1];
}

/** The global a node's result is bound to; src/viz writes it as `assigned`, the schema as `assigned_name`. */
function boundName(node: GraphNode): string | null {
  return node.variable ?? node.assigned_name ?? (node as { assigned?: string }).assigned ?? null;
}

function describeNode(ref: NodeRef): string {
  const node = graphNode(ref);
  if (!node) return L.node;
  const name = boundName(node);
  return `${name ? `${name} = ` : ''}${node.name}`;
}

function showNode(ref: NodeRef | null): void {
  const node = ref && graphNode(ref);
  if (!ref || !node) {
    nodeInfo.hidden = true;
    editor.markHover(null);
    return;
  }
  const line = sourceLine(ref, node);
  editor.markHover(line);
  const rows: [string, string][] = [[L.node, describeNode(ref)]];
  if (line !== null) rows.push([L.sourceLine, `${line}: ${ran?.split('\n')[line - 1]?.trim() ?? ''}`]);
  if (node.value) rows.push([`${L.value} ${shapeText(node.value.shape)} ${node.value.dtype}`, dataText(node.value.data, node.value.dtype, 10_000)]);
  rows.push([L.gradient, node.grad ? dataText(node.grad.data, node.grad.dtype, 10_000) : L.none]);
  const list = document.createElement('dl');
  for (const [term, text] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    const pre = document.createElement('pre');
    pre.textContent = text;
    dd.append(pre);
    list.append(dt, dd);
  }
  nodeInfo.replaceChildren(list);
  nodeInfo.hidden = false;
}

// ---------------------------------------------------------------------------------------
// slides: downloads, snippets, share link

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function updateLinks(): void {
  const program = ran ?? editor.text();
  const src = graphSvgUrl(location.origin, program, drawOptions());
  const alt = 'autograd graph';
  $<HTMLInputElement>('snippet-img').value = `<img src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" alt="${alt}">`;
  $<HTMLInputElement>('snippet-md').value = `![${alt}](${src})`;
  const link = shareUrl(`${location.origin}${location.pathname}`, program, readOptions());
  $<HTMLInputElement>('share').value = link;
  history.replaceState(null, '', link);
}

async function copy(input: HTMLInputElement): Promise<void> {
  const note = $('copy-status');
  try {
    await navigator.clipboard.writeText(input.value);
    note.textContent = L.copied;
  } catch {
    input.focus();
    input.select();
    note.textContent = L.copyFailed;
  }
}

$('dl-svg').addEventListener('click', () => graph?.svg && download('gradviz-graph.svg', new Blob([graph.svg], { type: 'image/svg+xml' })));
$('dl-dot').addEventListener('click', () => graph?.dot && download('gradviz-graph.dot', new Blob([graph.dot], { type: 'text/vnd.graphviz' })));
$('dl-png').addEventListener('click', async () => {
  if (ran === null) return;
  try {
    download('gradviz-graph.png', await graphPng(ran, drawOptions()));
  } catch (e) {
    setStatus(`${L.requestFailed}: ${(e as Error).message}`);
  }
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  button.addEventListener('click', () => void copy($<HTMLInputElement>(button.dataset.copy!)));
}

// ---------------------------------------------------------------------------------------
// controls

runButton.addEventListener('click', () => void run());
exampleSelect.addEventListener('change', () => {
  const ex = EXAMPLES.find((e) => e.id === exampleSelect.value);
  if (ex) editor.setText(ex.program);
});
for (const input of Object.values(optionInputs)) input.addEventListener('change', () => void redraw());
systemDark.addEventListener('change', () => {
  if (readOptions().theme === 'auto') void redraw();
});
$('zoom-in').addEventListener('click', () => view.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => view.zoomBy(0.8));
$('zoom-fit').addEventListener('click', () => view.fit());
// Ctrl/Cmd+Enter runs from anywhere on the page, not only inside the editor
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
    e.preventDefault();
    void run();
  }
});
window.addEventListener('hashchange', () => {
  const link = readShared(location.hash, '');
  if (!link || link.program === ran) return;
  editor.setText(link.program);
  setOptions(link.options);
  void run();
});

void run();
