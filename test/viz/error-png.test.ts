import { describe, expect, it } from 'vitest';
import { errorSvg, wrapText } from '../../src/viz/error-svg.js';
import { renderPng, renderPngSync } from '../../src/viz/render.js';
import { parseXml, textOf, walk } from './xml.js';

describe('errorSvg', () => {
  it('shows type, line and the whole message, escaped', () => {
    const message = "unsupported operand type(s) for +: 'Tensor' and 'str' <&> " + 'x'.repeat(100);
    const svg = errorSvg({ type: 'TypeError', message, line: 3 });
    const doc = parseXml(svg);
    expect(doc.name).toBe('svg');
    expect(doc.attrs.role).toBe('img');
    expect(doc.children[0]!.text).toBe('Program error: TypeError (line 3)');
    expect(doc.children[1]!.text).toBe(`TypeError (line 3): ${message}`);
    const texts = [...walk(doc)].filter((e) => e.name === 'text').map(textOf);
    expect(texts[0]).toBe('⚠ TypeError (line 3)');
    expect(texts.slice(1).join('').replace(/ /g, '')).toBe(message.replace(/ /g, ''));
    // Wide enough for its longest line at Courier's 0.6 em.
    const longest = Math.max(...texts.slice(1).map((t) => t.length));
    expect(Number(doc.attrs.width)).toBeGreaterThanOrEqual(longest * 12 * 0.6);
  });

  it('wraps at spaces and cuts words longer than a line', () => {
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('one\ntwo', 10)).toEqual(['one', 'two']);
  });

  it('has no line part when the error has no line', () => {
    expect(errorSvg({ type: 'TimeoutError', message: 'time limit' })).toContain('<title id="gv-title">Program error: TimeoutError</title>');
  });
});

describe('PNG', () => {
  const pngSize = (b: Buffer) => [b.readUInt32BE(16), b.readUInt32BE(20)];
  it('renders SVG to PNG at the asked scale', async () => {
    const svg = errorSvg({ type: 'NameError', message: "name 'x' is not defined", line: 1 });
    const width = Number(parseXml(svg).attrs.width);
    const png = await renderPng(svg, { scale: 2 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png)[0]).toBe(width * 2);
    expect(pngSize(renderPngSync(svg, { scale: 1 }))[0]).toBe(width);
  });
});
