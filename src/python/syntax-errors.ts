/**
 * CPython 3.11's wording for syntax errors. py-ast reports its own messages; when it
 * rejects a program we work out what CPython would say: first a small tokenizer pass
 * (strings, brackets, indentation: CPython's tokenizer errors win over parser errors),
 * then the common parser situations (missing ':', unclosed bracket, print statement,
 * assignment to an expression, missing indented block, ...).
 */

export interface SyntaxProblem {
  type: 'SyntaxError' | 'IndentationError';
  message: string;
  line: number;
  col: number;
}

interface Bracket {
  ch: string;
  line: number;
  col: number;
}

interface TokenScan {
  error: SyntaxProblem | null;
  /** Brackets still open at the end of the source. */
  open: Bracket[];
}

const CLOSER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function lineCount(src: string): number {
  const n = src.split('\n').length;
  return src.endsWith('\n') ? n - 1 : n;
}

/** The tokenizer errors CPython reports before (or instead of) parser errors. */
export function scanTokens(src: string): TokenScan {
  const stack: Bracket[] = [];
  const indents = [0];
  let line = 1;
  let col = 0;
  let atLineStart = true;
  let i = 0;
  const n = src.length;
  const err = (message: string, l: number, c: number, type: SyntaxProblem['type'] = 'SyntaxError'): TokenScan => ({
    error: { type, message, line: l, col: c },
    open: stack,
  });
  while (i < n) {
    let ch = src[i];
    if (atLineStart && stack.length === 0) {
      // measure indentation of a logical line start
      let width = 0;
      let j = i;
      while (j < n && (src[j] === ' ' || src[j] === '\t' || src[j] === '\f')) {
        width = src[j] === '\t' ? (Math.floor(width / 8) + 1) * 8 : src[j] === ' ' ? width + 1 : 0;
        j++;
      }
      const next = src[j];
      atLineStart = false;
      if (next !== '\n' && next !== '\r' && next !== '#' && next !== undefined) {
        const top = indents[indents.length - 1];
        if (width > top) indents.push(width);
        else if (width < top) {
          while (indents.length > 1 && indents[indents.length - 1] > width) indents.pop();
          if (indents[indents.length - 1] !== width)
            return err('unindent does not match any outer indentation level', line, width, 'IndentationError');
        }
      }
      col += j - i;
      i = j;
      continue;
    }
    if (ch === '\n') {
      line++;
      col = 0;
      i++;
      atLineStart = true;
      continue;
    }
    if (ch === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      col = 0;
      continue;
    }
    // string literal, with an optional prefix
    const prefix = /^[rRbBuUfF]{0,2}(?=['"])/.exec(src.slice(i, i + 3));
    if (prefix && (i === 0 || !/[\w]/.test(src[i - 1]))) {
      const startLine = line;
      const startCol = col;
      i += prefix[0].length;
      ch = src[i];
      const triple = src.startsWith(ch.repeat(3), i);
      const q = triple ? ch.repeat(3) : ch;
      i += q.length;
      let closed = false;
      while (i < n) {
        const c = src[i];
        if (c === '\\') {
          if (src[i + 1] === '\n') line++;
          i += 2;
          continue;
        }
        if (src.startsWith(q, i)) {
          i += q.length;
          closed = true;
          break;
        }
        if (c === '\n') {
          if (!triple) break;
          line++;
        }
        i++;
      }
      if (!closed) {
        if (triple)
          return err(`unterminated triple-quoted string literal (detected at line ${lineCount(src)})`, startLine, startCol);
        return err(`unterminated string literal (detected at line ${startLine})`, startLine, startCol);
      }
      col = 0;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') stack.push({ ch, line, col });
    else if (ch === ')' || ch === ']' || ch === '}') {
      const top = stack.pop();
      if (!top) return err(`unmatched '${ch}'`, line, col);
      if (top.ch !== CLOSER[ch]) {
        const where = top.line !== line ? ` on line ${top.line}` : '';
        return err(`closing parenthesis '${ch}' does not match opening parenthesis '${top.ch}'${where}`, line, col);
      }
    }
    i++;
    col++;
  }
  return { error: null, open: stack };
}

const HEADERS: [RegExp, string][] = [
  [/^(async\s+)?def\b/, 'function definition'],
  [/^class\b/, 'class definition'],
  [/^if\b/, "'if' statement"],
  [/^elif\b/, "'elif' statement"],
  [/^else\b/, "'else' statement"],
  [/^(async\s+)?for\b/, "'for' statement"],
  [/^while\b/, "'while' statement"],
  [/^try\b/, "'try' statement"],
  [/^except\b/, "'except' statement"],
  [/^finally\b/, "'finally' statement"],
  [/^(async\s+)?with\b/, "'with' statement"],
];

function blockHeader(lines: string[], errLine: number): [string, number] | null {
  for (let l = errLine - 1; l >= 1; l--) {
    const t = lines[l - 1].trim();
    if (t === '' || t.startsWith('#')) continue;
    for (const [re, what] of HEADERS) if (re.test(t)) return [what, l];
  }
  return null;
}

interface PyAstError {
  message: string;
  lineno?: number;
  col_offset?: number;
}

/** CPython's message for a program py-ast rejected. */
export function describeSyntaxError(src: string, e: PyAstError): SyntaxProblem {
  const lines = src.split('\n');
  const m = /at line (\d+)(?:, column (\d+))?/.exec(e.message);
  const line = e.lineno ?? (m ? Number(m[1]) : 1);
  const col = e.col_offset ?? (m && m[2] ? Number(m[2]) : 0);
  const msg = e.message.replace(/ at line \d+(, column \d+)?$/, '');
  const problem = (message: string, l = line, type: SyntaxProblem['type'] = 'SyntaxError'): SyntaxProblem => ({
    type,
    message,
    line: l,
    col,
  });

  const scan = scanTokens(src);
  if (scan.error) return scan.error;
  const unclosed = scan.open[scan.open.length - 1];
  if (unclosed && line > unclosed.line) return problem(`'${unclosed.ch}' was never closed`, unclosed.line);

  const text = lines[line - 1] ?? '';
  const trimmed = text.trim();
  if (trimmed.startsWith('>>>')) return problem('invalid syntax');
  if (/^Expected indented block/.test(msg)) {
    const h = blockHeader(lines, line);
    if (h) return problem(`expected an indented block after ${h[0]} on line ${h[1]}`, line, 'IndentationError');
    return problem('expected an indented block', line, 'IndentationError');
  }
  if (/unexpected indent/i.test(msg)) return problem('unexpected indent', line, 'IndentationError');
  if (/^Indentation error/.test(msg))
    return problem('unindent does not match any outer indentation level', line, 'IndentationError');
  const printStmt = /^(print|exec)\s+(?![\s(=.,)\]}+\-*/%<>!&|^@:;[]|if\b|else\b|for\b|in\b|and\b|or\b|is\b|not\b)/.exec(trimmed);
  if (printStmt) return problem(`Missing parentheses in call to '${printStmt[1]}'. Did you mean ${printStmt[1]}(...)?`);
  if (/^Expected ':'/.test(msg) && !/dictionary/.test(msg)) {
    if (/^(if|elif|while)\b[^=]*[^=!<>:]=[^=]/.test(trimmed))
      return problem("invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return problem("expected ':'");
  }
  if (/^cannot assign to (expression|literal)/.test(msg)) {
    const del = /^del\s+(.*)$/.exec(trimmed);
    if (del) return problem(`cannot delete ${/^[\w.]+\(.*\)$/.test(del[1]) ? 'function call' : /^['"\d]/.test(del[1]) ? 'literal' : 'expression'}`);
    const aug = /^([\w.]+\(.*\))\s*([-+*/%@&|^]|\/\/|\*\*|<<|>>)=/.exec(trimmed);
    if (aug) return problem("'function call' is an illegal expression for augmented assignment");
    return problem(assignTargetMessage(text, col));
  }
  if (/^Invalid decorator target/.test(msg)) {
    let l = line;
    while (l < lines.length && lines[l - 1].trim().startsWith('@')) l++;
    return problem('invalid syntax', l);
  }
  if (/is an illegal expression for augmented assignment/.test(msg)) {
    const target = text.slice(0, text.search(/[-+*/%@&|^<>]{1,2}=/)).trim();
    if (/\)$/.test(target) && /^[\w.]+\(/.test(target)) return problem("'function call' is an illegal expression for augmented assignment");
    return problem(msg);
  }
  if (/^positional argument follows keyword argument/.test(msg)) return problem(msg);
  if (/^iterable argument unpacking follows keyword argument unpacking/.test(msg)) return problem(msg);
  if (/^parameter without a default follows parameter with a default/.test(msg))
    return problem('non-default argument follows default argument');
  if (/^Expected ':' in dictionary/.test(msg)) return problem("':' expected after dictionary key");
  if (/^Expected 'else' in conditional expression/.test(msg)) return problem("expected 'else' after 'if' expression");
  if (/^Unterminated f-string/.test(msg)) return problem("f-string: expecting '}'");
  if (/^Expected '[)\]}]' after/.test(msg) && forgotComma(text, col)) return problem('invalid syntax. Perhaps you forgot a comma?');
  return problem('invalid syntax');
}

/** Two adjacent expressions inside brackets: `[1 2]`, `print(a b)`. */
function forgotComma(text: string, col: number): boolean {
  const before = text.slice(0, col).trimEnd();
  const after = text.slice(col);
  return /[\w'")\]}]$/.test(before) && /^[\w'"([{]/.test(after) && !/^(for|if|else|in|and|or|not|is)\b/.test(after);
}

function assignTargetMessage(text: string, col: number): string {
  // the target is the text before the `=` the parser stopped at
  const eq = text.lastIndexOf('=', col);
  const target = text.slice(0, eq >= 0 ? eq : col).trim().replace(/^.*[^=!<>]=(?!=)/, '').trim();
  if (/^(None|True|False)$/.test(target)) return `cannot assign to ${target}`;
  let what = 'expression';
  if (/^[\w.]+(\[.*\])?\(.*\)$/.test(target)) what = 'function call';
  else if (/^(['"]|\d|-?\d)/.test(target) && !/[-+*/%]/.test(target.slice(1))) what = 'literal';
  return `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`;
}
