/** The shared conformance cases' recorded graphs (real PyTorch 1.13), as test inputs. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { graphFromApiJson } from '../../src/viz/model.js';
import type { VizGraph } from '../../src/viz/model.js';

// shared/ sits beside the repo while the project is built, inside it later.
export const CASES_DIR = ['../../shared/conformance/cases/', '../../../shared/conformance/cases/']
  .map((p) => new URL(p, import.meta.url))
  .find((u) => existsSync(u)) ?? new URL('../../../shared/conformance/cases/', import.meta.url);

export interface CaseGraph {
  name: string;
  source: string;
  graph: VizGraph;
}

export function caseGraphs(): CaseGraph[] {
  const out: CaseGraph[] = [];
  for (const f of readdirSync(CASES_DIR).sort()) {
    if (!f.endsWith('.expected.json')) continue;
    const expected = JSON.parse(readFileSync(new URL(f, CASES_DIR), 'utf8'));
    if (!expected.graph) continue;
    const name = f.replace('.expected.json', '');
    out.push({ name, source: readFileSync(new URL(`${name}.py`, CASES_DIR), 'utf8'), graph: graphFromApiJson(expected.graph) });
  }
  return out;
}

export function caseGraph(prefix: string): CaseGraph {
  const c = caseGraphs().find((g) => g.name.startsWith(prefix));
  if (!c) throw new Error(`no case ${prefix}`);
  return c;
}
