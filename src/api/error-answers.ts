/**
 * The answers for a program that failed, in every format API.md asks for: the /grad body,
 * and for /graph a 422 with JSON, an SVG that shows the error, or a DOT note. Used by the
 * pool for errors it raises itself (TimeoutError, MemoryError) and by the job functions.
 */
import type { ErrorJSON, GradResponse, GraphJobResult, GraphRequest, GraphResponse } from './schemas.js';

export function programError(type: string, message: string, line: number | null = null, column: number | null = null): ErrorJSON {
  return { type, message, line, column };
}

export function gradErrorAnswer(error: ErrorJSON, stdout = ''): GradResponse {
  return { ok: false, stdout, value: null, gradients: {}, variables: {}, warnings: [], error };
}

export function graphErrorResult(req: Pick<GraphRequest, 'format' | 'theme'>, error: ErrorJSON, stdout = ''): GraphJobResult {
  switch (req.format) {
    case 'svg':
      return { status: 422, contentType: 'image/svg+xml; charset=utf-8', body: errorSvg(error, req.theme), error };
    case 'dot':
      return { status: 422, contentType: 'text/vnd.graphviz; charset=utf-8', body: errorDot(error), error };
    default: {
      // json, and png: a picture of an error is no use to a program that asked for bytes
      const body: GraphResponse = { ok: false, stdout, error, graph: null, svg: null, dot: null, warnings: [] };
      return { status: 422, contentType: 'application/json; charset=utf-8', body, error };
    }
  }
}

export function errorHeadline(error: ErrorJSON): string {
  return `${error.type}: ${error.message}`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// Characters XML 1.0 forbids (NUL and most C0 controls, lone surrogates) would make the SVG unreadable.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

const MAX_LINES = 12;
const MAX_COLUMNS = 100;

/** A self-contained SVG of the error, legible in slides (monospace, wrapped). */
export function errorSvg(error: ErrorJSON, theme: 'light' | 'dark' = 'light'): string {
  const where = error.line === null ? '' : `line ${error.line}: `;
  const lines = wrap(`${where}${errorHeadline(error)}`, MAX_COLUMNS, MAX_LINES);
  const fg = theme === 'dark' ? '#f4a3a3' : '#a40000';
  const bg = theme === 'dark' ? '#1e1e1e' : '#fff5f5';
  const lineHeight = 18;
  const width = 16 + 7.8 * Math.max(...lines.map((l) => l.length), 10);
  const height = 16 + lineHeight * lines.length;
  const text = lines
    .map((l, i) => `<text x="8" y="${20 + i * lineHeight}" xml:space="preserve">${escapeXml(l)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${height}" viewBox="0 0 ${Math.ceil(width)} ${height}">` +
    `<rect width="100%" height="100%" fill="${bg}" stroke="${fg}"/>` +
    `<g font-family="monospace" font-size="13" fill="${fg}">${text}</g></svg>\n`
  );
}

function wrap(text: string, columns: number, maxLines: number): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    for (let i = 0; i < raw.length || i === 0; i += columns) {
      out.push(raw.slice(i, i + columns));
      if (out.length === maxLines) return [...out.slice(0, -1), out[maxLines - 1].slice(0, columns - 1) + '…'];
    }
  }
  return out;
}

/** A DOT graph with one note that carries the error. */
export function errorDot(error: ErrorJSON): string {
  const label = errorHeadline(error).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\l');
  return `digraph {\n\terror [label="${label}" shape=note color="#a40000" fontcolor="#a40000" fontname=monospace]\n}\n`;
}
