import { Graphviz } from '@hpcc-js/wasm-graphviz';
const variants = {
  full: `digraph { graph [size="12,12"] node [align=left fontname=Courier fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled] a [label="x\\n ()"] a -> b }`,
  nosize: `digraph { node [align=left fontname=Courier fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled] a [label="x\\n ()"] a -> b }`,
  noalign: `digraph { graph [size="12,12"] node [fontname=Courier fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled] a [label="x\\n ()"] a -> b }`,
  noranksep: `digraph { graph [size="12,12"] node [align=left fontname=Courier fontsize=10 height=0.2 shape=box style=filled] a [label="x\\n ()"] a -> b }`,
};
for (const [k, v] of Object.entries(variants)) {
  const g = await Graphviz.load();
  try { for (let i = 0; i < 3; i++) g.dot(v); console.log(k, 'ok'); } catch (e) { console.log(k, String(e)); }
  Graphviz.unload?.();
}
