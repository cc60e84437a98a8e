/**
 * A picture of a program's error, so that a broken <img> in a slide says why.
 * Written by hand (no Graphviz) so it draws even when layout is what failed.
 * The message is set in Courier, whose advance width (0.6 em) lets us size the
 * box without measuring text.
 */
import { xmlEscape } from './svg-post.js';
import { themeOf } from './theme.js';

export interface ProgramError {
  type: string;
  message: string;
  line?: number | null;
}

export interface ErrorSvgOptions {
  theme?: 'light' | 'dark';
  transparent?: boolean;
}

const WRAP = 72;
const MAX_LINES = 24;
const MONO_SIZE = 12;
const CHAR_WIDTH = MONO_SIZE * 0.6;
const LINE_HEIGHT = 16;
const PAD = 16;

/** Hard-wraps at spaces (or mid-word when a word is longer than the width). */
export function wrapText(text: string, width = WRAP): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      let w = word;
      while (w.length > width) {
        if (line) out.push(line);
        out.push(w.slice(0, width));
        w = w.slice(width);
        line = '';
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

export function errorSvg(error: ProgramError, options: ErrorSvgOptions = {}): string {
  const theme = themeOf(options.theme);
  let lines = wrapText(error.message);
  if (lines.length > MAX_LINES) lines = [...lines.slice(0, MAX_LINES - 1), '…'];
  const heading = `${error.type}${error.line != null ? ` (line ${error.line})` : ''}`;
  const longest = Math.max(...lines.map((l) => l.length), 20);
  const width = Math.ceil(Math.max(longest * CHAR_WIDTH, heading.length * 9 + 28) + 2 * PAD);
  const height = PAD * 2 + 22 + lines.length * LINE_HEIGHT;
  const bg = options.transparent ? 'none' : theme.background;
  const title = `Program error: ${heading}`;
  const text = lines
    .map((l, i) => `<text x="${PAD}" y="${PAD + 38 + i * LINE_HEIGHT}" xml:space="preserve">${xmlEscape(l)}</text>`)
    .join('\n');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="gv-title gv-desc" class="gv-error">\n` +
    `<title id="gv-title">${xmlEscape(title)}</title>\n` +
    `<desc id="gv-desc">${xmlEscape(`${heading}: ${error.message}`)}</desc>\n` +
    `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="6" fill="${bg}" stroke="${theme.nanFill}" stroke-width="2"/>\n` +
    `<text x="${PAD}" y="${PAD + 14}" font-family="Helvetica,Arial,'Liberation Sans',sans-serif" font-size="15" font-weight="bold" fill="${theme.errorText}">${xmlEscape(`⚠ ${heading}`)}</text>\n` +
    `<g font-family="Courier,'Courier New','Liberation Mono',monospace" font-size="${MONO_SIZE}" fill="${theme.text}">\n${text}\n</g>\n` +
    '</svg>\n'
  );
}
