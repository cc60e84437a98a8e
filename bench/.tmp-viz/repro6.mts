import { toDot } from '../../src/viz/dot.js';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { caseGraph } from '../../test/viz/cases.js';
const gv = await Graphviz.load();
let dot = toDot(caseGraph(process.argv[2]!).graph, { style: 'torchviz' });
for (const r of process.argv.slice(3)) dot = dot.replace(new RegExp(r, 'g'), '');
for (let i = 0; i < 30; i++) {
  try { gv.dot(dot, 'svg'); } catch (e) { console.log('FAIL at', i, String(e)); console.log(dot); process.exit(0); }
}
console.log('ok');
