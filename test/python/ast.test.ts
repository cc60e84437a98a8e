/**
 * The parser we run on (py-ast, pinned in package.json) against CPython 3.11's own `ast`
 * on every shared conformance case that parses: node types, fields and positions must be
 * the same. The trees were recorded by fixtures/gen_ast.py.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'py-ast';
import { describe, expect, it } from 'vitest';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/ast.json', import.meta.url), 'utf8')) as {
  trees: Record<string, unknown>;
};
const CASES = new URL('../../../shared/conformance/cases/', import.meta.url);

/** py-ast capitalises the names of CPython's lower-case node classes; nothing else is renamed. */
const PY_AST_NAMES: Record<string, string> = {
  alias: 'Alias',
  arg: 'Arg',
  arguments: 'Arguments',
  comprehension: 'Comprehension',
  keyword: 'Keyword',
  withitem: 'WithItem',
};

/** Paths where the two trees differ. */
function differences(expected: unknown, actual: unknown, path: string, out: string[], fstrings: ReadonlySet<string>): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${path}: ${JSON.stringify(expected).slice(0, 80)} vs ${JSON.stringify(actual)?.slice(0, 80)}`);
      return;
    }
    expected.forEach((e, i) => differences(e, actual[i], `${path}[${i}]`, out, fstrings));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') {
      out.push(`${path}: node expected, got ${JSON.stringify(actual)}`);
      return;
    }
    for (const [key, value] of Object.entries(expected)) {
      const other = (actual as Record<string, unknown>)[key];
      // fields for type comments: CPython has None / [] where py-ast has nothing
      if (other === undefined && (value === null || (Array.isArray(value) && value.length === 0))) continue;
      differences(value, other, `${path}.${key}`, out, fstrings);
    }
    return;
  }
  // CPython's Ellipsis constant is recorded by name; py-ast writes it as '...'
  if (expected === 'Ellipsis' && actual === '...') return;
  if (path.endsWith('.nodeType') && typeof expected === 'string' && PY_AST_NAMES[expected] === actual) return;
  // CPython 3.11 gives the parts of an f-string the whole string's columns (3.12 gives
  // their own, as py-ast does); lines agree, and only lines reach a program's errors
  if (path.endsWith('col_offset') && [...fstrings].some((f) => path.startsWith(`${f}.values[`))) return;
  // big ints: the JSON fixture holds the nearest double
  if (typeof expected === 'number' && typeof actual === 'bigint' && Number(actual) === expected) return;
  if (expected !== actual) {
    out.push(`${path}: ${JSON.stringify(expected)} vs ${String(actual)}`);
  }
}

/** The paths of every JoinedStr (f-string) node in a CPython tree. */
function joinedStrPaths(tree: unknown, path: string, out: Set<string>): Set<string> {
  if (Array.isArray(tree)) tree.forEach((t, i) => joinedStrPaths(t, `${path}[${i}]`, out));
  else if (tree !== null && typeof tree === 'object') {
    if ((tree as { nodeType?: string }).nodeType === 'JoinedStr') out.add(path);
    for (const [k, v] of Object.entries(tree)) joinedStrPaths(v, `${path}.${k}`, out);
  }
  return out;
}

describe("py-ast gives CPython's ast", () => {
  for (const [name, tree] of Object.entries(fixture.trees)) {
    it(name, () => {
      const source = readFileSync(new URL(name, CASES), 'utf8');
      const out: string[] = [];
      differences(tree, parse(source), 'Module', out, joinedStrPaths(tree, 'Module', new Set()));
      expect(out).toEqual([]);
    });
  }
});
