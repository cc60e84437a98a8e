import { toDot } from '../../src/viz/dot.js';
import { loadGraphviz } from '../../src/viz/render.js';
import { caseGraphs } from '../../test/viz/cases.js';
const gv = await loadGraphviz();
const style = (process.argv[2] ?? 'torchviz') as 'torchviz';
let i = 0;
for (const c of caseGraphs()) {
  const dot = toDot(c.graph, { style });
  try { gv.dot(dot, 'svg'); } catch (e) { console.log('FAIL', i, c.name, String(e)); if (i < 200) { console.log(dot.slice(0, 3000)); } break; }
  i++;
}
console.log('rendered', i);
