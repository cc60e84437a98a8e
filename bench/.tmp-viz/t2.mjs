import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { Resvg } from '@resvg/resvg-js';
import { writeFileSync } from 'node:fs';
const g = await Graphviz.load();
const variants = {
 a: `<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD COLSPAN="2" ALIGN="LEFT">SumBackward0 very long header</TD></TR><TR><TD FIXEDSIZE="TRUE" WIDTH="12" HEIGHT="14" BGCOLOR="#fee">∇</TD><TD ALIGN="LEFT" BGCOLOR="#fee"><FONT FACE="Courier">1.</FONT></TD></TR></TABLE>`,
 b: `<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD ALIGN="LEFT">SumBackward0 very long header</TD></TR><TR><TD ALIGN="LEFT" BGCOLOR="#fee">∇<FONT FACE="Courier"> [[1.],<BR ALIGN="LEFT"/>  [2.]]</FONT></TD></TR></TABLE>`,
 c: `<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD ALIGN="LEFT">SumBackward0 very long header</TD></TR><TR><TD ALIGN="LEFT" BGCOLOR="#fee"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" ALIGN="LEFT"><TR><TD>∇ </TD><TD ALIGN="LEFT" BALIGN="LEFT"><FONT FACE="Courier">[[1.],<BR/> [2.]]</FONT></TD><TD WIDTH="200"></TD></TR></TABLE></TD></TR></TABLE>`,
};
let dot = 'digraph { node [shape=box fontname=Helvetica]\n';
for (const [k, v] of Object.entries(variants)) dot += `${k} [label=<${v}>]\n`;
dot += '}';
const svg = g.dot(dot);
writeFileSync('/tmp/vz/t2.png', new Resvg(svg, {fitTo:{mode:'zoom',value:2}}).render().asPng());
