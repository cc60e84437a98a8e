/** Reads back the one-statement-per-line DOT that toDot writes (tests only). */
export interface Stmt {
  kind: 'node' | 'edge';
  ids: string[];
  attrs: Record<string, string>;
}

function unescapeHtml(s: string): string {
  return s
    .replace(/<BR[^>]*\/>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function readValue(s: string, i: number): [string, number] {
  if (s[i] === '"') {
    let out = '';
    let j = i + 1;
    while (s[j] !== '"') {
      if (s[j] === '\\') {
        const next = s[j + 1]!;
        out += next === 'n' ? '\n' : next;
        j += 2;
      } else out += s[j++];
    }
    return [out, j + 1];
  }
  if (s[i] === '<') {
    let depth = 0;
    let j = i;
    do {
      if (s[j] === '<') depth++;
      else if (s[j] === '>') depth--;
      j++;
    } while (depth > 0);
    return [unescapeHtml(s.slice(i + 1, j - 1)), j];
  }
  let j = i;
  while (j < s.length && !/[\s\]]/.test(s[j]!)) j++;
  return [s.slice(i, j), j];
}

function readAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let i = 0;
  while (i < s.length) {
    while (s[i] === ' ') i++;
    if (i >= s.length) break;
    const eq = s.indexOf('=', i);
    const key = s.slice(i, eq);
    const [value, next] = readValue(s, eq + 1);
    attrs[key] = value;
    i = next;
  }
  return attrs;
}

export function parseDotStatements(dot: string): Stmt[] {
  const out: Stmt[] = [];
  for (const raw of dot.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('digraph') || line === '}' || /^(graph|node|edge) \[/.test(line)) continue;
    const bracket = line.indexOf(' [');
    const head = bracket < 0 ? line : line.slice(0, bracket);
    const attrs = bracket < 0 ? {} : readAttrs(line.slice(bracket + 2, -1));
    const ids = head.split(' -> ').map((id) => readValue(id, 0)[0]);
    out.push({ kind: ids.length === 2 ? 'edge' : 'node', ids, attrs });
  }
  return out;
}

/** Ids renamed o0, o1, ... by first appearance, as the recorder canonicalised id(). */
export function canonical(stmts: Stmt[]): (string | null)[][] {
  const names = new Map<string, string>();
  const name = (id: string) => {
    if (!names.has(id)) names.set(id, `o${names.size}`);
    return names.get(id)!;
  };
  return stmts.map((s) =>
    s.kind === 'node'
      ? ['node', name(s.ids[0]!), s.attrs.label ?? null, s.attrs.fillcolor ?? null]
      : ['edge', name(s.ids[0]!), name(s.ids[1]!), s.attrs.dir ?? null],
  );
}
