import { Graphviz } from '@hpcc-js/wasm-graphviz';
const gv = await Graphviz.load();
const node = process.argv[2];
const label = process.argv[3];
const dot = `digraph G {\n node [${node}]\n a [label=${label}]\n b [label="AccumulateGrad"]\n a -> b\n}`;
for (let i = 0; i < 20; i++) {
  try { gv.dot(dot, 'svg'); } catch (e) { console.log(JSON.stringify(node), label, 'FAIL at', i, String(e)); process.exit(0); }
}
console.log(JSON.stringify(node), label, 'ok');
