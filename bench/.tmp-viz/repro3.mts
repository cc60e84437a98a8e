import { toDot } from '../../src/viz/dot.js';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { caseGraph } from '../../test/viz/cases.js';
const gv = await Graphviz.load();
let dot = toDot(caseGraph('003').graph, { style: 'torchviz' });
const drop = process.argv[2];
if (drop) dot = dot.replace(new RegExp(drop, 'g'), process.argv[3] ?? '');
for (let i = 0; i < 4; i++) {
  try { gv.dot(dot, 'svg'); console.log('ok', i); } catch (e) { console.log('FAIL', i, String(e)); break; }
}
