/**
 * Post-processing of Graphviz's SVG: self-contained (no DOCTYPE pointing at w3.org,
 * no comments), accessible (role="img", <title> and <desc> first), and with font
 * lists that fall back to metric-compatible faces (Arial / Liberation Sans measure
 * like Helvetica, Courier New / Liberation Mono like Courier), so the boxes Graphviz
 * sized for Helvetica and Courier fit their text wherever the SVG is shown.
 */

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const FONT_LISTS: Record<string, string> = {
  'Helvetica,sans-Serif': "Helvetica,Arial,'Liberation Sans',sans-serif",
  'Helvetica,sans-Serif bold': "Helvetica,Arial,'Liberation Sans',sans-serif",
  'Courier,monospace': "Courier,'Courier New','Liberation Mono',monospace",
};

export interface SvgText {
  title: string;
  description: string;
}

export function finishSvg(svg: string, text: SvgText): string {
  let out = svg
    .replace(/<\?xml[^>]*\?>\s*/, '')
    .replace(/<!DOCTYPE[^>]*>\s*/, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    // Graphviz writes every '-' of ids and classes as &#45; (for comments, now gone).
    .replace(/&#45;/g, '-')
    .replace(/font-family="([^"]*)"/g, (m, f: string) => (FONT_LISTS[f] ? `font-family="${FONT_LISTS[f]}"` : m));
  const open = out.indexOf('<svg');
  const close = out.indexOf('>', open);
  if (open < 0 || close < 0) throw new Error('Graphviz returned no <svg> element');
  const tag = out.slice(open, close);
  const a11y = ' role="img" aria-labelledby="gv-title gv-desc"';
  const head = `\n<title id="gv-title">${xmlEscape(text.title)}</title>\n<desc id="gv-desc">${xmlEscape(text.description)}</desc>`;
  out = `${tag}${a11y}>${head}${out.slice(close + 1)}`;
  return out.endsWith('\n') ? out : `${out}\n`;
}
