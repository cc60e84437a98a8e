/** The page's pure parts: share links, the /graph.svg URL, tensor text, language choice. */
import { describe, expect, it } from 'vitest';
import { graphSvgUrl } from '../../static/src/api.js';
import { EXAMPLES } from '../../static/src/examples.js';
import { labelsFor, pickLang } from '../../static/src/i18n.js';
import { DEFAULT_OPTIONS, readShared, shareUrl } from '../../static/src/share.js';
import { dataText, shapeText } from '../../static/src/tensor-text.js';

const PROGRAM = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * x).sum()  # 100% & #1\nprint(f'{y!r}')\n";

describe('share links', () => {
  it('round-trip the program and the options through the fragment', () => {
    const options = { ...DEFAULT_OPTIONS, style: 'torchviz' as const, rankdir: 'LR' as const, show_grads: false };
    const url = new URL(shareUrl('http://h:3000/', PROGRAM, options));
    expect(url.search).toBe('');
    expect(readShared(url.hash, '')).toEqual({ program: PROGRAM, options });
  });

  it('carry only the program when the options are the defaults, and read ?program= too', () => {
    const url = new URL(shareUrl('http://h:3000/', 'print(1)\n', DEFAULT_OPTIONS));
    expect(url.hash).toBe('#program=print%281%29%0A');
    expect(readShared('', '?program=print(2)')).toEqual({ program: 'print(2)', options: DEFAULT_OPTIONS });
    expect(readShared('#editor', '')).toBeNull();
  });

  it('ignore option values the page does not know', () => {
    expect(readShared('#program=x&style=fancy&rankdir=BT&theme=neon', '')!.options).toEqual(DEFAULT_OPTIONS);
  });
});

describe('the /graph.svg URL of the snippets', () => {
  it('holds the program and the non-default options, with nothing Markdown would cut at', () => {
    const url = graphSvgUrl('http://h:3000', PROGRAM, { style: 'annotated', theme: 'dark', rankdir: 'TB', show_values: false, show_grads: true });
    const q = new URL(url).searchParams;
    expect(q.get('program')).toBe(PROGRAM);
    expect([...q.keys()]).toEqual(['program', 'theme', 'show_values']);
    expect(q.get('show_values')).toBe('0');
    expect(url).not.toMatch(/[()\s+]/);
  });
});

describe('tensor text', () => {
  it('prints scalars, rows and matrices from tolist() data', () => {
    expect(dataText(8, 'float32')).toBe('8.');
    expect(dataText([2, 3, 4], 'float32')).toBe('[2., 3., 4.]');
    expect(dataText([[1, 1, 1], [1, 1, 1]], 'float32')).toBe('[[1., 1., 1.],\n [1., 1., 1.]]');
    expect(dataText([[[1, 2]], [[3, 4]]], 'int64')).toBe('[[[1., 2.]],\n [[3., 4.]]]');
    expect(dataText(['nan', 'inf', '-inf'], 'float32')).toBe('[nan, inf, -inf]');
    expect(dataText(true, 'bool')).toBe('true');
  });

  it('gives every digit a float32 holds, and a float64 all of its own', () => {
    // case 023's x.grad: float32 -218.46262 (PyTorch prints 4 decimals: -218.4626)
    expect(dataText(-218.46261596679688, 'float32')).toBe('-218.46262');
    expect(dataText(0.10000000149011612, 'float32')).toBe('0.1');
    expect(dataText(0.1 + 0.2, 'float64')).toBe('0.30000000000000004');
  });

  it('stops after the limit with one ellipsis per level', () => {
    expect(dataText([1, 2, 3, 4, 5], 'float32', 3)).toBe('[1., 2., 3., …]');
    expect(dataText([[1, 2], [3, 4], [5, 6]], 'float32', 3)).toBe('[[1., 2.],\n [3., …],\n …]');
  });

  it('writes shapes as PyTorch tuples', () => {
    expect(shapeText([])).toBe('()');
    expect(shapeText([3])).toBe('(3,)');
    expect(shapeText([2, 3])).toBe('(2, 3)');
  });
});

describe('language and examples', () => {
  it('speaks Japanese when the first known language is Japanese', () => {
    expect(pickLang(['ja-JP', 'en-US'])).toBe('ja');
    expect(pickLang(['fr-FR', 'ja'])).toBe('ja');
    expect(pickLang(['en-GB', 'ja'])).toBe('en');
    expect(pickLang(['de-DE'])).toBe('en');
    expect(labelsFor('ja').run).toBe('実行');
  });

  it("has the course's examples, each a distinct program", () => {
    expect(EXAMPLES.map((e) => e.id)).toEqual(['quadratic', 'sin-exp', 'vector', 'matrix', 'matmul', 'exercise3-1', 'exercise3-2', 'gradient-descent', 'third-problem', 'mlp-loss']);
    expect(new Set(EXAMPLES.map((e) => e.program)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) expect(e.program.startsWith('import torch\n'), e.id).toBe(true);
  });
});
