import { toDot } from '../../src/viz/dot.js';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { caseGraphs } from '../../test/viz/cases.js';
const gv = await Graphviz.load();
const mode = process.argv[2];
let n = 0;
for (let round = 0; round < 3; round++) for (const c of caseGraphs()) {
  let dot = toDot(c.graph, { style: 'torchviz' });
  const lines = dot.split('\n');
  if (mode === 'nodesfirst') {
    const head = lines.slice(0, 3), body = lines.slice(3, -2);
    dot = [...head, ...body.filter(l => !l.includes('->')), ...body.filter(l => l.includes('->')), '}', ''].join('\n');
  } else if (mode === 'noheight') dot = dot.replace('height=0.2 ', '');
  else if (mode === 'nosize') dot = dot.replace(/graph \[size="[^"]*"\]/, '');
  else if (mode === 'tooltip') dot = dot.replace(/ id="/g, ' tooltip="t" id="');
  else if (mode === 'noid') dot = dot.replace(/ id="[^"]*"/g, '');
  else if (mode === 'shortid') dot = dot.replace(/ id="gv-([^"]*)"/g, ' id="$1"');
  else if (mode === 'idonly') dot = dot.replace(/ class="[^"]*"/g, '');
  try { gv.dot(dot, 'svg'); n++; } catch (e) { console.log(mode, 'FAIL after', n, String(e)); process.exit(0); }
}
console.log(mode, 'all ok', n);
