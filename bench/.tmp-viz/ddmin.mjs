import { execFileSync } from 'node:child_process';
const fails = (dot) => {
  const out = execFileSync('node', ['bench/.tmp-viz/repro7.mjs', dot]).toString();
  return out.includes('FAIL');
};
let lines = [
 'digraph G {', 'node [fontname=Courier fontsize=10 shape=box style=filled]',
 'output [label="\\n ()" fillcolor=darkolivegreen1]', 'n0 [label=AddBackward0]', 'n1 -> n0', 'n1 [label=MulBackward0]',
 'n2 -> n1', 'n2 [label=PowBackward0]', 'n3 -> n2', 'n3_var [label="x\\n ()" fillcolor=lightblue]', 'n3_var -> n3',
 'n3 [label=AccumulateGrad]', 'n0 -> output', '}'];
console.log('initial fails', fails(lines.join('\n')));
let changed = true;
while (changed) {
  changed = false;
  for (let i = 1; i < lines.length - 1; i++) {
    const cand = lines.filter((_, j) => j !== i);
    if (fails(cand.join('\n'))) { lines = cand; changed = true; break; }
  }
}
console.log(lines.join('\n'));
