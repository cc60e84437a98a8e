/**
 * A tiny, strict XML reader for the tests: elements, attributes, text, comments,
 * processing instructions. Throws on anything not well-formed (unclosed or
 * mismatched tags, bad entities), which is itself part of what we test.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (m, body: string | undefined) => {
    if (body === undefined) throw new Error('bare & in XML');
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const e = ENTITIES[body];
    if (e === undefined) throw new Error(`unknown entity ${m}`);
    return e;
  });
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim()) {
      if (stack.length === 1) throw new Error('text outside the root element');
      stack[stack.length - 1]!.text += decode(text);
    }
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt);
      i = end + 1;
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
      i = end + 1;
    } else {
      let j = lt + 1;
      while (j < xml.length && !/[\s/>]/.test(xml[j]!)) j++;
      const el: XmlElement = { name: xml.slice(lt + 1, j), attrs: {}, children: [], text: '' };
      for (;;) {
        while (/\s/.test(xml[j]!)) j++;
        if (xml[j] === '>' || xml.startsWith('/>', j)) break;
        const eq = xml.indexOf('=', j);
        const key = xml.slice(j, eq).trim();
        const quote = xml[eq + 1];
        if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${key}`);
        const close = xml.indexOf(quote, eq + 2);
        if (key in el.attrs) throw new Error(`duplicate attribute ${key}`);
        const raw = xml.slice(eq + 2, close);
        if (raw.includes('<')) throw new Error(`'<' in attribute ${key}`);
        el.attrs[key] = decode(raw);
        j = close + 1;
      }
      stack[stack.length - 1]!.children.push(el);
      if (xml[j] === '>') {
        stack.push(el);
        i = j + 1;
      } else {
        i = j + 2;
      }
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (root.children.length !== 1) throw new Error('not exactly one root element');
  return root.children[0]!;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

export function hasClass(el: XmlElement, cls: string): boolean {
  return (el.attrs.class ?? '').split(/\s+/).includes(cls);
}

/** All text below an element, in document order. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join('');
}
