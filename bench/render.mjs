// DOT -> SVG layout time of @hpcc-js/wasm-graphviz beside native `dot` (Debian's
// graphviz), measured in the same run on the same DOT, for 50, 500 and 3000-node
// graphs; plus the end-to-end time of a 50-node picture (toDot + layout + SVG post).
//
//   node bench/render.mjs            (after `npm run build`; or `npx tsx bench/render.mjs`)
//   node bench/render.mjs --json out.json
//
// Goals (issue 5): no slower than 1.5x native dot at 500 nodes; a 50-node picture
// end to end in under 50 ms.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const viz = await import('../dist/src/viz/index.js').catch(() => import('../src/viz/index.ts'));

const scalar = (v) => ({ dtype: 'float32', shape: [], data: v, requires_grad: false, grad_fn: null });

/**
 * A layered network unrolled: each step is tanh(prev * w_k + b_k) with its own
 * parameters w_k, b_k (5 nodes a step), so edges are short as in a real model.
 */
function stepsGraph(targetNodes) {
  const steps = Math.max(1, Math.round((targetNodes - 1) / 5));
  const nodes = [];
  for (let s = 0; s < steps; s++) {
    const base = s * 5;
    const next = s + 1 < steps ? `n${base + 5}` : 'x';
    nodes.push(
      { id: `n${base}`, name: 'TanhBackward0', inputs: [`n${base + 1}`], value: scalar(0.5), grad: scalar(1), line: 4 },
      { id: `n${base + 1}`, name: 'AddBackward0', inputs: [`n${base + 2}`, `n${base + 4}`], value: scalar(0.5), grad: scalar(1), line: 4 },
      { id: `n${base + 2}`, name: 'MulBackward0', inputs: [next, `n${base + 3}`], value: scalar(0.25), grad: scalar(1), line: 4 },
      { id: `n${base + 3}`, name: 'AccumulateGrad', inputs: [], variable: `w${s}`, value: scalar(0.9), grad: scalar(0.1) },
      { id: `n${base + 4}`, name: 'AccumulateGrad', inputs: [], variable: `b${s}`, value: scalar(0.1), grad: scalar(0.2) },
    );
  }
  nodes.push({ id: 'x', name: 'AccumulateGrad', inputs: [], variable: 'x', value: scalar(1), grad: scalar(0.3) });
  return { root: 'n0', nodes };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

async function timeAsync(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

function nativeDot(dot) {
  const r = spawnSync('dot', ['-Tsvg'], { input: dot, maxBuffer: 1 << 28 });
  if (r.error || r.status !== 0) throw new Error(`native dot failed: ${r.error ?? r.stderr}`);
}

const hasNative = spawnSync('dot', ['-V']).status === 0;
const gv = await viz.loadGraphviz();
const results = [];
for (const [size, runs] of [[50, 9], [500, 5], [3000, 1]]) {
  const graph = stepsGraph(size);
  const dot = viz.toDot(graph, { maxNodes: viz.MAX_NODE_BUDGET });
  gv.dot(dot, 'svg'); // warm-up
  const wasm = time(() => gv.dot(dot, 'svg'), runs);
  const native = hasNative ? time(() => nativeDot(dot), runs) : null;
  results.push({ nodes: graph.nodes.length, wasm_ms: wasm, native_ms: native, ratio: native ? wasm / native : null });
}
const small = stepsGraph(50);
const endToEnd = await timeAsync(() => viz.renderGraphSvg(small), 9);

const nativeVersion = hasNative ? spawnSync('dot', ['-V']).stderr.toString().trim() : 'not installed';
console.log(`wasm Graphviz ${gv.version()} vs native: ${nativeVersion}`);
console.log('nodes   wasm ms   native ms   wasm/native');
for (const r of results) {
  const native = r.native_ms === null ? '        -' : r.native_ms.toFixed(1).padStart(9);
  const ratio = r.ratio === null ? '-' : r.ratio.toFixed(2);
  console.log(`${String(r.nodes).padStart(5)} ${r.wasm_ms.toFixed(1).padStart(9)} ${native}   ${ratio}`);
}
console.log(`50-node picture end to end (toDot + layout + SVG): ${endToEnd.toFixed(1)} ms`);
console.log('native times include starting the dot process (a few ms).');

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) {
  writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ wasm: gv.version(), native: nativeVersion, results, end_to_end_50_ms: endToEnd }, null, 2));
}
