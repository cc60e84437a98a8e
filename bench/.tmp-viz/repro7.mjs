import { Graphviz } from '@hpcc-js/wasm-graphviz';
const gv = await Graphviz.load();
const dot = process.argv[2];
for (let i = 0; i < 30; i++) {
  try { gv.dot(dot, 'svg'); } catch (e) { console.log(JSON.stringify(dot), 'FAIL at', i, String(e)); process.exit(0); }
}
console.log(JSON.stringify(dot), 'ok');
